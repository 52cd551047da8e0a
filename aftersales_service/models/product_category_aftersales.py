from odoo import fields, models


class ProductCategory(models.Model):
    _inherit = "product.category"

    aftersales_certificate_required = fields.Boolean(
        string="Engineers Need a Certificate",
        help="R45: engineers sent to equipment of this category (or a sub-category) must hold a "
        "valid certificate for it.",
    )

    def _aftersales_certificate_category(self):
        """The closest category, this one or a parent, that requires a certificate."""
        category = self[:1]
        while category and not category.aftersales_certificate_required:
            category = category.parent_id
        return category
