from odoo import api, models


class ResourceCalendarLeaves(models.Model):
    """Public holidays are the calendar's global leaves: changing one refreshes the deadline
    engine's cached calendars and the deadlines of the open requests."""

    _inherit = "resource.calendar.leaves"

    def _aftersales_global_calendars(self):
        """The calendars whose public holidays these leaves are (all when one has none)."""
        globals_ = self.filtered(lambda leave: not leave.resource_id)
        if not globals_:
            return self.env["resource.calendar"]
        if not all(globals_.mapped("calendar_id")):
            return (
                self.env["resource.calendar"]
                .sudo()
                .search([("company_id", "in", globals_.company_id.ids + [False])])
            )
        return globals_.calendar_id

    @api.model_create_multi
    def create(self, vals_list):
        leaves = super().create(vals_list)
        leaves._aftersales_global_calendars()._aftersales_calendar_changed()
        return leaves

    def write(self, vals):
        before = self._aftersales_global_calendars()
        res = super().write(vals)
        (before | self._aftersales_global_calendars())._aftersales_calendar_changed()
        return res

    def unlink(self):
        calendars = self._aftersales_global_calendars()
        res = super().unlink()
        calendars._aftersales_calendar_changed()
        return res
