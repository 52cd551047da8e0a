import base64

from odoo import fields, models
from odoo.exceptions import UserError


class AftersalesHolidayImport(models.TransientModel):
    """Load a year's public holidays and make-up working days (the State Council's schedule,
    CSV: date,kind,name with kind holiday | workday) into a working calendar."""

    _name = "aftersales.holiday.import"
    _description = "Import Public Holidays"

    calendar_id = fields.Many2one(
        "resource.calendar",
        string="Working Calendar",
        required=True,
        default=lambda self: self.env.company.resource_calendar_id,
    )
    data_file = fields.Binary(string="Holiday File", required=True)
    filename = fields.Char()

    def action_import(self):
        self.ensure_one()
        if not self.data_file:
            raise UserError(self.env._("Choose the holiday file to import."))
        # Only after-sales managers reach this wizard (access rights); public holidays are
        # company-wide time off, which they may not edit directly.
        added = self.calendar_id.sudo()._aftersales_import_holidays(
            base64.b64decode(self.data_file)
        )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": self.env._(
                    "%(count)s days added to %(calendar)s.",
                    count=added,
                    calendar=self.calendar_id.name,
                ),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }
