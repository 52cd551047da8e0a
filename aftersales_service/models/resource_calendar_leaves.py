from odoo import api, models


class ResourceCalendarLeaves(models.Model):
    """Public holidays are the calendar's global leaves: changing one refreshes the
    deadline engine's cached calendars."""

    _inherit = "resource.calendar.leaves"

    @api.model_create_multi
    def create(self, vals_list):
        leaves = super().create(vals_list)
        if any(not leave.resource_id for leave in leaves):
            self.env.registry.clear_cache()
        return leaves

    def write(self, vals):
        if any(not leave.resource_id for leave in self) or vals.get("resource_id") is False:
            self.env.registry.clear_cache()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_clear_calendar_cache(self):
        if any(not leave.resource_id for leave in self):
            self.env.registry.clear_cache()
