from odoo import fields, models

from odoo.addons.aftersales_service.models.aftersales_dispatch import NOT_LEFT_STATES
from odoo.addons.aftersales_service.tools.access import internal_only
from odoo.addons.aftersales_service.tools.counting import count_by


class AftersalesProject(models.Model):
    _inherit = "aftersales.project"

    hazard_ids = fields.One2many("aftersales.hazard", "project_id", string="Site Hazards")
    hazard_count = fields.Integer(compute="_compute_hazard_counts")
    briefing_count = fields.Integer(compute="_compute_hazard_counts")

    def _compute_hazard_counts(self):
        hazards = count_by(self.env["aftersales.hazard"], "project_id", self.ids)
        briefings = count_by(self.env["aftersales.hazard.briefing"], "project_id", self.ids)
        for project in self:
            project.hazard_count = hazards.get(project.id, 0)
            project.briefing_count = briefings.get(project.id, 0)

    def _aftersales_hazards_changed(self):
        """The site's hazards changed: the briefings of trips not left yet list them anew and
        those already acknowledged are reopened."""
        if not self:
            return
        briefings = (
            self.env["aftersales.hazard.briefing"]
            .sudo()
            .search([("project_id", "in", self.ids), ("dispatch_id.state", "in", NOT_LEFT_STATES)])
        )
        briefings._reopen()

    @internal_only()
    def action_view_hazards(self):
        self.ensure_one()
        action = self._action_related(
            "aftersales_hazard.aftersales_hazard_action",
            "project_id",
            self.env["aftersales.hazard"],
            self.env._("Site Hazards"),
        )
        action["context"] = {"default_project_id": self.id, "active_test": False}
        action["domain"] = [("project_id", "=", self.id)]
        return action

    @internal_only()
    def action_view_briefings(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "aftersales_hazard.aftersales_hazard_briefing_action"
        )
        action.update(domain=[("project_id", "=", self.id)], context={"create": False})
        return action
