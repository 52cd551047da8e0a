from odoo import api, fields, models


class AftersalesCalendarWorkday(models.Model):
    """A make-up working day (调休): a Saturday or Sunday that the State Council's yearly
    holiday schedule turns into a working day. Public holidays themselves are global
    ``resource.calendar.leaves`` of the calendar."""

    _name = "aftersales.calendar.workday"
    _description = "Make-up Working Day"
    _order = "date"
    _check_company_auto = True

    calendar_id = fields.Many2one(
        "resource.calendar",
        string="Working Calendar",
        required=True,
        ondelete="cascade",
        index=True,
        check_company=True,
    )
    company_id = fields.Many2one(related="calendar_id.company_id", store=True, index=True)
    date = fields.Date(required=True)
    name = fields.Char(string="Reason", translate=True)

    _sql_constraints = [
        (
            "calendar_date_uniq",
            "unique(calendar_id, date)",
            "A day is a make-up working day of a calendar only once.",
        ),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        workdays = super().create(vals_list)
        workdays.calendar_id._aftersales_calendar_changed()
        return workdays

    def write(self, vals):
        calendars = self.calendar_id
        res = super().write(vals)
        (calendars | self.calendar_id)._aftersales_calendar_changed()
        return res

    def unlink(self):
        calendars = self.calendar_id
        res = super().unlink()
        calendars._aftersales_calendar_changed()
        return res

    def _compute_display_name(self):
        for workday in self:
            workday.display_name = self.env._("%(date)s (make-up working day)", date=workday.date)
