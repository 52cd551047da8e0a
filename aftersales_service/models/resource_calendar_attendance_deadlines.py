from odoo import api, models


class ResourceCalendarAttendance(models.Model):
    """Working weekdays come from the attendances: changing one gives its calendar a new
    version, so the deadline engine's cached calendar is computed again."""

    _inherit = "resource.calendar.attendance"

    @api.model_create_multi
    def create(self, vals_list):
        attendances = super().create(vals_list)
        attendances.calendar_id._aftersales_calendar_touch()
        return attendances

    def write(self, vals):
        if not {"dayofweek", "display_type", "calendar_id"} & vals.keys():
            return super().write(vals)
        calendars = self.calendar_id
        res = super().write(vals)
        (calendars | self.calendar_id)._aftersales_calendar_touch()
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_touch_calendar(self):
        self.calendar_id._aftersales_calendar_touch()
