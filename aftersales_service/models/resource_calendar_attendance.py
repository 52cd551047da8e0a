from odoo import api, models


class ResourceCalendarAttendance(models.Model):
    """Working weekdays come from the attendances: changing one refreshes the deadline
    engine's cached calendars."""

    _inherit = "resource.calendar.attendance"

    @api.model_create_multi
    def create(self, vals_list):
        self.env.registry.clear_cache()
        return super().create(vals_list)

    def write(self, vals):
        if "dayofweek" in vals or "display_type" in vals or "calendar_id" in vals:
            self.env.registry.clear_cache()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_clear_calendar_cache(self):
        self.env.registry.clear_cache()
