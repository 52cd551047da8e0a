from odoo import api, fields, models
from odoo.exceptions import UserError


class AftersalesHazardCopy(models.TransientModel):
    """Copy the hazard register of another project of the same customer (same site or same
    kind of plant) as a starting point (R40)."""

    _name = "aftersales.hazard.copy"
    _description = "Copy Site Hazards"

    project_id = fields.Many2one("aftersales.project", string="To Project", required=True)
    commercial_partner_id = fields.Many2one(related="project_id.commercial_partner_id")
    source_project_id = fields.Many2one(
        "aftersales.project",
        string="From Project",
        required=True,
        domain="[('commercial_partner_id', '=', commercial_partner_id), ('id', '!=', project_id)]",
    )
    hazard_ids = fields.Many2many(
        "aftersales.hazard",
        string="Hazards",
        compute="_compute_hazard_ids",
        store=True,
        readonly=False,
        domain="[('project_id', '=', source_project_id)]",
    )

    @api.depends("source_project_id")
    def _compute_hazard_ids(self):
        for wizard in self:
            wizard.hazard_ids = wizard.source_project_id.hazard_ids

    def action_copy(self):
        self.ensure_one()
        source = self.source_project_id
        if source.commercial_partner_id != self.project_id.commercial_partner_id:
            raise UserError(
                self.env._("Hazards can only be copied from a project of the same customer.")
            )
        hazards = self.hazard_ids.filtered(lambda h: h.project_id == source)
        if not hazards:
            raise UserError(self.env._("Choose at least one hazard to copy."))
        vals_list = hazards.copy_data({"project_id": self.project_id.id})
        self.env["aftersales.hazard"].create(vals_list)
        return self.project_id.action_view_hazards()
