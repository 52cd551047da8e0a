from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

from .helpdesk_ticket_aftersales import CLOCK_FIELDS

# The State Council publishes next year's holiday schedule late in the year: remind in December.
SCHEDULE_REMINDER_MONTH = 12


class HelpdeskTicket(models.Model):
    """A deadline in a year whose State Council holiday schedule is not imported counts plain
    Monday-Friday working days: the request says so instead of pretending (never invented)."""

    _inherit = "helpdesk.ticket"

    aftersales_schedule_missing = fields.Boolean(
        string="No Holiday Schedule",
        compute="_compute_aftersales_schedule_warning",
        help="A deadline of this request falls in a year whose official holiday schedule is "
        "not imported into the company's working calendar.",
    )
    aftersales_schedule_warning = fields.Char(
        string="Holiday Schedule Warning", compute="_compute_aftersales_schedule_warning"
    )

    @api.depends(
        "received_at",
        "company_id",
        "closed",
        *(deadline for deadline, _fact in CLOCK_FIELDS.values()),
    )
    def _compute_aftersales_schedule_warning(self):
        calendars = {}
        for ticket in self:
            company = ticket.company_id or self.env.company
            if company.id not in calendars:
                calendars[company.id] = company._aftersales_work_calendar()
            years = (
                []
                if ticket.closed
                else calendars[company.id].unknown_years(
                    ticket.received_at or None,
                    *(ticket[deadline] or None for deadline, _fact in CLOCK_FIELDS.values()),
                )
            )
            ticket.aftersales_schedule_missing = bool(years)
            ticket.aftersales_schedule_warning = bool(years) and self.env._(
                "No State Council holiday schedule is imported for %(years)s: working days "
                "there are counted Monday to Friday. Import the schedule into the company's "
                "working calendar.",
                years=", ".join(str(year) for year in years),
            )

    @api.model
    def _cron_aftersales_schedule_reminder(self):
        """In SCHEDULE_REMINDER_MONTH (December), remind the after-sales manager of every company
        whose calendar follows the official schedules to import next year's (once per year and
        company)."""
        today = self.env.company._aftersales_today()
        if today.month != SCHEDULE_REMINDER_MONTH:
            return 0
        year = today.year + 1
        todo = self.env.ref("mail.mail_activity_data_todo")
        partner_model = self.env["ir.model"]._get_id("res.partner")
        Activity = self.env["mail.activity"].sudo()
        count = 0
        for company in self.env["res.company"].sudo().search([]):
            calendar = company.resource_calendar_id
            if not calendar:
                continue
            known = calendar._aftersales_schedule_years()
            manager = company._aftersales_escalation_user()
            if not known or year in known or not manager:
                continue
            summary = self.env._("Import the %(year)s holiday schedule", year=year)
            if Activity.search_count(
                [
                    ("res_model", "=", "res.partner"),
                    ("res_id", "=", company.partner_id.id),
                    ("summary", "=", summary),
                    ("user_id", "=", manager.id),
                ]
            ):
                continue
            Activity.create(
                {
                    "res_model_id": partner_model,
                    "res_id": company.partner_id.id,
                    "activity_type_id": todo.id,
                    "user_id": manager.id,
                    "summary": summary,
                    "note": self.env._(
                        "%(company)s: the State Council's %(year)s holiday schedule is not "
                        "imported into the working calendar %(calendar)s. Until it is, deadlines "
                        "in %(year)s count Monday to Friday (Working Calendars, Import Holidays).",
                        company=company.name,
                        year=year,
                        calendar=calendar.name,
                    ),
                    "date_deadline": today + relativedelta(day=31),  # the month's last day
                }
            )
            count += 1
        return count
