from odoo import Command, api, fields, models

PART_ORIGINS = [
    ("stock", "Common Spare (stock)"),
    ("domestic", "Domestic Purchase"),
    ("imported", "Imported / Large Equipment"),
]


class ProductTemplate(models.Model):
    _inherit = "product.template"

    # R8: the origin of a spare part decides how fast it is due.
    aftersales_part_origin = fields.Selection(
        PART_ORIGINS,
        string="Spare Part Origin",
        default="stock",
        required=True,
        help="Common spares are due within 24 h, domestic purchases within 3 working days, "
        "imported parts and large equipment by the date the contract sets.",
    )
    # R14: a stocked item of a close model may replace the part asked for.
    aftersales_equivalent_ids = fields.Many2many(
        "product.template",
        "aftersales_product_equivalent_rel",
        "product_tmpl_id",
        "equivalent_tmpl_id",
        string="Interchangeable Parts",
        domain="[('id', '!=', id), ('type', '=', 'consu')]",
        help="Parts that can replace this one; the relation is kept symmetric.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        templates = super().create(vals_list)
        templates.filtered("aftersales_equivalent_ids")._aftersales_sync_equivalents({})
        return templates

    def write(self, vals):
        if "aftersales_equivalent_ids" not in vals:
            return super().write(vals)
        before = {template.id: template.aftersales_equivalent_ids for template in self}
        result = super().write(vals)
        self._aftersales_sync_equivalents(before)
        return result

    def _aftersales_sync_equivalents(self, before):
        """Mirror the interchangeable parts: if A replaces B, B replaces A. The other parts are
        written through the normal ``write``, so that the overrides of every module (ours and
        those installed later) run; the mirror write finds the relation already symmetric and
        stops there."""
        Template = self.env["product.template"]
        for template in self:
            current = template.aftersales_equivalent_ids - template
            removed = before.get(template.id, Template) - current
            to_link = current.filtered(
                lambda t, tmpl=template: tmpl not in t.aftersales_equivalent_ids
            )
            if to_link:
                to_link.write({"aftersales_equivalent_ids": [Command.link(template.id)]})
            to_unlink = removed.filtered(
                lambda t, tmpl=template: tmpl in t.aftersales_equivalent_ids
            )
            if to_unlink:
                to_unlink.write({"aftersales_equivalent_ids": [Command.unlink(template.id)]})
