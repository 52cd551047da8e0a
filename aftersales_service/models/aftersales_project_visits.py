from odoo import fields, models

from ..tools.access import internal_only
from .aftersales_dispatch import count_by


class AftersalesProject(models.Model):
    _inherit = "aftersales.project"

    # R47: preventive maintenance per contract.
    maintenance_contract_end = fields.Date(
        tracking=True,
        help="Last day of the maintenance contract: summer and winter inspections are planned "
        "until then (R47).",
    )
    maintenance_contract_scope = fields.Text(
        string="Maintenance Scope", help="What the maintenance contract covers."
    )
    visit_ids = fields.One2many("aftersales.visit", "project_id", string="Visits")
    visit_count = fields.Integer(compute="_compute_visit_count")

    def _compute_visit_count(self):
        counts = count_by(self.env["aftersales.visit"], "project_id", self.ids)
        for project in self:
            project.visit_count = counts.get(project.id, 0)

    @internal_only()
    def action_view_visits(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "aftersales_service.aftersales_visit_action"
        )
        action.update(
            name=self.env._("Visits"),
            domain=[("project_id", "=", self.id)],
            context={"default_project_id": self.id},
        )
        return action
