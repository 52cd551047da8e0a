from odoo import api, fields, models
from odoo.exceptions import ValidationError


class AftersalesTicketPause(models.Model):
    """A stretch of time a request spent in a "waiting for customer" stage: it stops the
    answer and on-site clocks (the deadline engine extends them by its length)."""

    _name = "aftersales.ticket.pause"
    _description = "Service Request Pause"
    _order = "date_start, id"
    _check_company_auto = True

    ticket_id = fields.Many2one(
        "helpdesk.ticket",
        string="Request",
        required=True,
        ondelete="cascade",
        index=True,
        check_company=True,
    )
    company_id = fields.Many2one(related="ticket_id.company_id", store=True, index=True)
    stage_id = fields.Many2one("helpdesk.ticket.stage", string="Stage", ondelete="set null")
    date_start = fields.Datetime(string="Paused At", required=True)
    date_end = fields.Datetime(string="Resumed At")
    duration_hours = fields.Float(string="Duration (h)", compute="_compute_duration_hours")

    @api.depends("date_start", "date_end")
    def _compute_duration_hours(self):
        now = fields.Datetime.now()
        for pause in self:
            end = pause.date_end or now
            pause.duration_hours = (
                (end - pause.date_start).total_seconds() / 3600 if pause.date_start else 0.0
            )

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for pause in self:
            if pause.date_end and pause.date_end < pause.date_start:
                raise ValidationError(
                    self.env._(
                        "Request %(ticket)s: a pause cannot end (%(end)s) before it starts "
                        "(%(start)s).",
                        ticket=pause.ticket_id.display_name,
                        end=pause.date_end,
                        start=pause.date_start,
                    )
                )
