from odoo import fields, models

from ..tools.access import internal_only
from ..tools.counting import count_by


class AftersalesProject(models.Model):
    _inherit = "aftersales.project"

    dispatch_ids = fields.One2many("aftersales.dispatch", "project_id", string="Dispatches")
    dispatch_count = fields.Integer(compute="_compute_dispatch_count")

    def _compute_dispatch_count(self):
        counts = count_by(self.env["aftersales.dispatch"], "project_id", self.ids)
        for project in self:
            project.dispatch_count = counts.get(project.id, 0)

    @internal_only()
    def action_view_dispatches(self):
        self.ensure_one()
        action = self._action_related(
            "aftersales_service.aftersales_dispatch_action",
            "project_id",
            self.dispatch_ids,
            self.env._("Dispatches"),
        )
        action["context"] = {"default_company_id": self.company_id.id}
        return action
