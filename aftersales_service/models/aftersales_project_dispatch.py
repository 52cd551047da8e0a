from odoo import _, fields, models


class AftersalesProject(models.Model):
    _inherit = "aftersales.project"

    dispatch_ids = fields.One2many("aftersales.dispatch", "project_id", string="Dispatches")
    dispatch_count = fields.Integer(compute="_compute_dispatch_count")

    def _compute_dispatch_count(self):
        counts = {
            project.id: count
            for project, count in self.env["aftersales.dispatch"]._read_group(
                [("project_id", "in", self.ids)], ["project_id"], ["__count"]
            )
        }
        for project in self:
            project.dispatch_count = counts.get(project.id, 0)

    def action_view_dispatches(self):
        self.ensure_one()
        action = self._action_related(
            "aftersales_service.aftersales_dispatch_action",
            "project_id",
            self.dispatch_ids,
            _("Dispatches"),
        )
        action["context"] = {"default_company_id": self.company_id.id}
        return action
