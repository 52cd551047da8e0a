from markupsafe import Markup

from odoo import api, fields, models
from odoo.tools import format_datetime

from .helpdesk_ticket_aftersales import CLOCK_FIELDS, CLOCKS

LEVELS = [("warning", "Warning"), ("breach", "Breach")]


class AftersalesDeadlineWarning(models.Model):
    """A deadline warning sent to the after-sales manager: once a share of a deadline's
    window (75 % by default) has passed without its fact, and again at the breach. One per
    request, clock, level and deadline, however often the escalation runs."""

    _name = "aftersales.deadline.warning"
    _description = "Deadline Warning"
    _order = "create_date desc, id desc"
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
    clock = fields.Selection(CLOCKS, required=True)
    level = fields.Selection(LEVELS, required=True)
    deadline = fields.Datetime(required=True, help="The deadline this warning is about.")
    user_id = fields.Many2one("res.users", string="Warned", ondelete="set null")
    activity_id = fields.Many2one("mail.activity", string="Activity", ondelete="set null")

    _sql_constraints = [
        (
            "warning_once",
            "unique(ticket_id, clock, level, deadline)",
            "A deadline is warned about once per level.",
        ),
    ]

    @api.model
    def _cron_escalate(self):
        """Scheduled action: warn about every open, running clock past its warning point
        (the company's share of the window) or past its deadline."""
        now = fields.Datetime.now()
        Ticket = self.env["helpdesk.ticket"]
        pending = ["|"] * (len(CLOCK_FIELDS) - 1)
        for deadline_field, fact_field in CLOCK_FIELDS.values():
            pending += (
                ["&", (deadline_field, "!=", False), (fact_field, "=", False)]
                if fact_field
                else [(deadline_field, "!=", False)]
            )
        tickets = Ticket.search(
            [
                ("stage_id.closed", "=", False),
                ("stage_id.aftersales_pause", "=", False),
                ("received_at", "<=", now),
                *pending,
            ]
        )
        if not tickets:
            return 0
        sent = {
            (warning.ticket_id.id, warning.clock, warning.level, warning.deadline)
            for warning in self.search_fetch(
                [("ticket_id", "in", tickets.ids)], ["ticket_id", "clock", "level", "deadline"]
            )
        }
        due = []
        for ticket in tickets:
            for clock, (deadline_field, fact_field) in CLOCK_FIELDS.items():
                deadline = ticket[deadline_field]
                if not deadline or (fact_field and ticket[fact_field]):
                    continue
                if now >= deadline:
                    level = "breach"
                elif now >= ticket._aftersales_warn_at(deadline):
                    level = "warning"
                else:
                    continue
                if (ticket.id, clock, level, deadline) not in sent:
                    due.append((ticket, clock, level, deadline))
        if due:
            self._aftersales_send(due)
        return len(due)

    @api.model
    def _aftersales_when(self, env, company, deadline):
        """``deadline`` (naive UTC) as the manager reads it: in the company's zone, labelled, in
        the language of ``env``."""
        return "%s %s" % (
            format_datetime(env, deadline, tz=company._aftersales_tz()),
            company.with_env(env)._aftersales_tz_label(),
        )

    @api.model
    def _aftersales_create_warnings(self, activity_vals, warning_vals):
        """Create the managers' activities and the warnings in one batch each; ``activity_vals``
        holds one activity, in order, for every warning that has a manager (``user_id``)."""
        activities = iter(
            self.env["mail.activity"]
            .sudo()
            .with_context(mail_activity_quick_update=True)
            .create(activity_vals)
        )
        for vals in warning_vals:
            if vals["user_id"]:
                vals["activity_id"] = next(activities).id
        return self.sudo().create(warning_vals)

    def _aftersales_send(self, due):
        """One activity and one chatter note per warning; everything created in batches."""
        todo = self.env.ref("mail.mail_activity_data_todo")
        ticket_model = self.env["ir.model"]._get_id("helpdesk.ticket")
        managers = {}
        activity_vals, warning_vals, notes = [], [], {}
        clock_names = {}
        for ticket, clock, level, deadline in due:
            company = ticket.company_id or self.env.company
            if company.id not in managers:
                managers[company.id] = company._aftersales_escalation_user()
            manager = managers[company.id]
            # Written in the manager's language, clock names included.
            env = self.with_context(lang=manager.lang or self.env.lang).env
            if env.lang not in clock_names:
                clock_names[env.lang] = dict(self._fields["clock"]._description_selection(env))
            clock_name = clock_names[env.lang][clock]
            when = self._aftersales_when(env, company, deadline)
            if level == "breach":
                summary = env._("%(clock)s deadline missed", clock=clock_name)
                note = env._(
                    "The %(clock)s deadline (%(deadline)s) has passed without the fact.",
                    clock=clock_name,
                    deadline=when,
                )
            else:
                summary = env._("%(clock)s deadline near", clock=clock_name)
                note = env._(
                    "%(percent)s %% of the %(clock)s window has passed; the deadline is "
                    "%(deadline)s.",
                    percent=company.aftersales_escalation_percent,
                    clock=clock_name,
                    deadline=when,
                )
            if manager:
                activity_vals.append(
                    {
                        "res_model_id": ticket_model,
                        "res_id": ticket.id,
                        "activity_type_id": todo.id,
                        "user_id": manager.id,
                        "summary": summary,
                        "note": note,
                        "date_deadline": self.env.company._aftersales_today(deadline),
                    }
                )
            warning_vals.append(
                {
                    "ticket_id": ticket.id,
                    "clock": clock,
                    "level": level,
                    "deadline": deadline,
                    "user_id": manager.id,
                }
            )
            notes.setdefault(ticket.id, []).append(note)
        warnings = self._aftersales_create_warnings(activity_vals, warning_vals)
        tickets = self.env["helpdesk.ticket"].browse(list(notes))
        tickets._message_log_batch(
            {ticket_id: Markup("<br/>").join(lines) for ticket_id, lines in notes.items()}
        )
        return warnings
