import re
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL, html2plaintext, split_every

from ..tools import deadline_engine as engine
from ..tools.access import internal_only

SEVERITY = [("general", "General"), ("major", "Major / Difficult")]
COVERAGE = [("free", "Free (in warranty)"), ("paid", "Paid")]
CLOCKS = [("answer", "Answer"), ("onsite", "On Site"), ("quote", "Quotation"), ("parts", "Parts")]
# clock -> (deadline field, fact field); the parts' fact is the last part line leaving the
# warehouse (R8), not the request's closing.
CLOCK_FIELDS = {
    "answer": ("answer_deadline", "answered_at"),
    "onsite": ("onsite_deadline", "onsite_at"),
    "quote": ("quote_deadline", "quoted_at"),
    "parts": ("parts_deadline", "parts_done_at"),
}
# Every deadline and fact field of the clocks: what the late flags and the next deadline follow.
CLOCK_DEPENDS = tuple(name for fields_ in CLOCK_FIELDS.values() for name in fields_)
ENGINE_DEADLINES = ("answer_deadline", "onsite_deadline", "quote_deadline")
DEADLINE_STATES = [
    ("none", "No Deadline"),
    ("ok", "On Time"),
    ("soon", "Due Soon"),
    ("late", "Late"),
]
# A project order number or a serial as written in a mail: letters, digits and inner - _ / .
_REFERENCE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_/.\-]*[A-Za-z0-9]")
# The words of one mail looked up as references: bounds the look-up of a long mail.
_MAX_REFERENCES = 200
# Rows of one UPDATE when deadlines are recomputed in bulk.
_RECOMPUTE_BATCH = 10000


class HelpdeskTicket(models.Model):
    """The service request: a helpdesk ticket filed under an after-sales project, with its
    coverage (R5-R6) and the regulated deadlines (R7-R12) computed by the deadline engine."""

    _inherit = "helpdesk.ticket"

    # helpdesk_mgmt's stored computed and related fields, computed before the INSERT like ours
    # (Odoo 18's idiom; same values, the stage, team and user still follow each other
    # afterwards): a request is written by one INSERT. Any one of them left out brings back the
    # UPDATE of every new request at the flush (issue 3: ≤ 25 ms per request created, queries
    # per request constant). Each one's reason:
    # the assigned user, checked against the team, is known from the values given;
    user_id = fields.Many2one(compute="_compute_user_id", store=True, precompute=True)
    # the team, defaulted from the user, is known from the values given;
    team_id = fields.Many2one(compute="_compute_team_id", store=True, precompute=True)
    # the first stage of the team: every request gets one at creation;
    stage_id = fields.Many2one(compute="_compute_stage_id", store=True, precompute=True)
    # the customer's company, read from the partner given;
    commercial_partner_id = fields.Many2one(
        related="partner_id.commercial_partner_id", store=True, precompute=True
    )
    # the stage's "unattended" flag, known once the stage is.
    unattended = fields.Boolean(related="stage_id.unattended", store=True, precompute=True)

    aftersales_project_id = fields.Many2one(
        "aftersales.project",
        string="Project",
        index="btree_not_null",
        tracking=True,
        check_company=True,
    )
    lot_id = fields.Many2one(
        "stock.lot",
        string="Equipment Serial",
        tracking=True,
        domain="[('aftersales_project_id', '=?', aftersales_project_id)]",
    )
    received_at = fields.Datetime(
        default=fields.Datetime.now,
        required=True,
        tracking=True,
        copy=False,
        help="When the request reached us; every deadline counts from it.",
    )
    severity = fields.Selection(SEVERITY, default="general", required=True, tracking=True)
    needs_onsite = fields.Boolean(string="Needs On-site Service", tracking=True)
    customer_request = fields.Text(
        string="Customer Wants", help="What the customer asks for, in the customer's words (R1)."
    )
    # R5-R6: free inside the warranty of the serial (else of the project), paid after it.
    coverage = fields.Selection(
        COVERAGE,
        compute="_compute_coverage",
        store=True,
        readonly=False,
        precompute=True,
        tracking=True,
        copy=False,
        help="Decided from the warranty on the day the request was received, until the "
        "request is answered; changing it by hand needs a reason.",
    )
    coverage_manual = fields.Boolean(
        string="Coverage Overridden", readonly=True, copy=False, tracking=True
    )
    coverage_reason = fields.Char(
        string="Override Reason",
        tracking=True,
        copy=False,
        help="Why the coverage differs from the warranty (a contract clause, goodwill ...).",
    )
    # Deadlines (UTC, stored) and the facts they are measured against.
    answer_deadline = fields.Datetime(
        compute="_compute_aftersales_deadlines", store=True, precompute=True, copy=False
    )
    onsite_deadline = fields.Datetime(
        string="On-site Deadline",
        compute="_compute_aftersales_deadlines",
        store=True,
        precompute=True,
        copy=False,
    )
    quote_deadline = fields.Datetime(
        string="Quotation Deadline",
        compute="_compute_aftersales_deadlines",
        store=True,
        precompute=True,
        copy=False,
    )
    parts_deadline = fields.Datetime(
        compute="_compute_parts_clock",
        store=True,
        precompute=True,
        copy=False,
        help="The latest due date of the request's spare parts (R8).",
    )
    parts_done_at = fields.Datetime(
        string="Parts Resolved At",
        compute="_compute_parts_clock",
        store=True,
        precompute=True,
        copy=False,
        help="When the last part of the request's repairs left the warehouse for the repair or "
        "the site (R8): the parts clock stops then.",
    )
    answered_at = fields.Datetime(copy=False, tracking=True)
    onsite_at = fields.Datetime(string="On Site At", copy=False, tracking=True)
    quoted_at = fields.Datetime(copy=False, tracking=True)
    answer_late = fields.Boolean(compute="_compute_late", search="_search_answer_late")
    onsite_late = fields.Boolean(
        string="On Site Late", compute="_compute_late", search="_search_onsite_late"
    )
    quote_late = fields.Boolean(
        string="Quotation Late", compute="_compute_late", search="_search_quote_late"
    )
    parts_late = fields.Boolean(compute="_compute_late", search="_search_parts_late")
    aftersales_late = fields.Boolean(
        string="Late", compute="_compute_late", search="_search_aftersales_late"
    )
    aftersales_next_deadline = fields.Datetime(
        string="Next Deadline",
        compute="_compute_aftersales_next_deadline",
        store=True,
        precompute=True,
        help="The earliest deadline still waiting for its fact.",
    )
    aftersales_next_clock = fields.Selection(
        CLOCKS,
        string="Next Clock",
        compute="_compute_aftersales_next_deadline",
        store=True,
        precompute=True,
    )
    aftersales_deadline_state = fields.Selection(
        DEADLINE_STATES, string="Deadline Status", compute="_compute_aftersales_time_left"
    )
    aftersales_time_left = fields.Char(string="Time Left", compute="_compute_aftersales_time_left")
    aftersales_paused = fields.Boolean(
        related="stage_id.aftersales_pause", string="Waiting for Customer"
    )
    aftersales_pause_ids = fields.One2many(
        "aftersales.ticket.pause", "ticket_id", string="Pauses", readonly=True
    )
    aftersales_warning_ids = fields.One2many(
        "aftersales.deadline.warning", "ticket_id", string="Deadline Warnings", readonly=True
    )

    # ------------------------------------------------------------------ coverage

    def _aftersales_coverage_auto(self):
        """The coverage the warranty gives on the (local) day of receipt: the serial's own
        warranty end first, else the project's (R5); no project and no serial: undecided."""
        self.ensure_one()
        if not self.received_at:
            return False
        company = self.company_id or self.env.company
        day = company._aftersales_work_calendar().to_local(self.received_at).date()
        lot = self.lot_id
        if lot.aftersales_warranty_end:
            return "free" if day <= lot.aftersales_warranty_end else "paid"
        project = self.aftersales_project_id or lot.aftersales_project_id
        if not project:
            return False
        return "free" if project._covers(day) else "paid"

    @api.depends(
        "aftersales_project_id.warranty_end",
        "lot_id.aftersales_warranty_end",
        "lot_id.aftersales_project_id.warranty_end",
        "received_at",
        "company_id",
    )
    def _compute_coverage(self):
        for ticket in self:
            # Once answered, the coverage told to the customer stays; an override stays.
            if ticket.coverage_manual or (ticket.answered_at and ticket.coverage):
                continue
            ticket.coverage = ticket._aftersales_coverage_auto()

    def _aftersales_mark_coverage_override(self):
        """A coverage written by hand that differs from the warranty's is an override."""
        for manual in (True, False):
            tickets = self.filtered(
                lambda t, manual=manual: (
                    bool(t.coverage) and t.coverage != t._aftersales_coverage_auto()
                )
                == manual
                and t.coverage_manual != manual
            )
            if tickets:
                tickets.write({"coverage_manual": manual})

    @api.constrains("coverage_manual", "coverage_reason")
    def _check_coverage_reason(self):
        for ticket in self:
            if ticket.coverage_manual and not (ticket.coverage_reason or "").strip():
                raise ValidationError(
                    self.env._(
                        "Request %(ticket)s: the warranty makes it %(auto)s; setting it "
                        "%(coverage)s by hand needs a reason.",
                        ticket=ticket.display_name,
                        auto=dict(COVERAGE).get(
                            ticket._aftersales_coverage_auto(), self.env._("undecided")
                        ),
                        coverage=dict(COVERAGE)[ticket.coverage],
                    )
                )

    @api.constrains("received_at", "answered_at", "onsite_at", "quoted_at")
    def _check_aftersales_fact_times(self):
        """Facts cannot precede the request's receipt, and a request cannot be received in the
        future; both within the company's clock skew (clocks of phones and PCs differ)."""
        now = fields.Datetime.now()
        labels = {
            "answered_at": self.env._("answered"),
            "onsite_at": self.env._("on site"),
            "quoted_at": self.env._("quoted"),
        }
        for ticket in self:
            skew = timedelta(minutes=ticket.company_id.aftersales_clock_skew_minutes)
            if ticket.received_at and ticket.received_at > now + skew:
                raise ValidationError(
                    self.env._(
                        "Request %(ticket)s cannot be received in the future (%(received)s UTC).",
                        ticket=ticket.display_name,
                        received=ticket.received_at,
                    )
                )
            for name, label in labels.items():
                if ticket[name] and ticket.received_at and ticket[name] < ticket.received_at - skew:
                    raise ValidationError(
                        self.env._(
                            "Request %(ticket)s: it cannot be %(fact)s (%(at)s UTC) before it was "
                            "received (%(received)s UTC).",
                            ticket=ticket.display_name,
                            fact=label,
                            at=ticket[name],
                            received=ticket.received_at,
                        )
                    )

    @api.onchange("lot_id")
    def _onchange_lot_id_project(self):
        if self.lot_id.aftersales_project_id and not self.aftersales_project_id:
            self.aftersales_project_id = self.lot_id.aftersales_project_id

    # ------------------------------------------------------------------ deadlines

    def _aftersales_company_setups(self, company_ids):
        """{company id: (policy, calendar, company province id)}, one read for all."""
        companies = self.env["res.company"].browse(company_ids).sudo()
        return {
            company.id: (
                company._aftersales_deadline_policy(),
                company._aftersales_work_calendar(),
                company.state_id.id,
            )
            for company in companies
        }

    def _aftersales_pause_intervals(self, ticket_ids):
        """{ticket id: ((start, end), ...)} of the finished pauses, in one query. An open pause
        counts once it ends: the clocks stand still meanwhile (no escalation while paused)."""
        pauses = {}
        if not ticket_ids:
            return pauses
        for pause in (
            self.env["aftersales.ticket.pause"]
            .sudo()
            .search_fetch(
                [("ticket_id", "in", ticket_ids), ("date_end", "!=", False)],
                ["ticket_id", "date_start", "date_end"],
            )
        ):
            pauses.setdefault(pause.ticket_id.id, []).append((pause.date_start, pause.date_end))
        return {ticket_id: tuple(spans) for ticket_id, spans in pauses.items()}

    @staticmethod
    def _aftersales_clock(row, company_state_id, pauses):
        """The engine's RequestClock of one request from its plain values."""
        distance, site_state_id = row["distance_km"], row["site_state_id"]
        return engine.RequestClock(
            received_at=row["received_at"],
            severity=row["severity"] or "general",
            # R3: the request's type says which clocks apply (no type: all of them).
            needs_onsite=bool(row["needs_onsite"]) and row["onsite_clock"] is not False,
            paid=row["coverage"] == "paid",
            needs_quote=row["quote_clock"] is not False,
            distance_km=distance if row["project_id"] else None,
            same_province=(
                site_state_id == company_state_id if site_state_id and company_state_id else None
            ),
            pauses=pauses,
        )

    @api.depends(
        "received_at",
        "severity",
        "needs_onsite",
        "coverage",
        "company_id",
        "category_id.aftersales_onsite_clock",
        "category_id.aftersales_quote_clock",
        "aftersales_project_id.site_distance_km",
        "aftersales_project_id.site_state_id",
        "aftersales_pause_ids.date_start",
        "aftersales_pause_ids.date_end",
    )
    def _compute_aftersales_deadlines(self):
        """R7 answer, R9-R11 on site, R12 quotation: the engine, fed per company."""
        setups = self._aftersales_company_setups(
            {(ticket.company_id or self.env.company).id for ticket in self}
        )
        pauses = self._aftersales_pause_intervals([i for i in self._origin.ids if i])
        for ticket in self:
            if not ticket.received_at:
                ticket.answer_deadline = ticket.onsite_deadline = ticket.quote_deadline = False
                continue
            policy, calendar, company_state_id = setups[(ticket.company_id or self.env.company).id]
            project = ticket.aftersales_project_id
            row = {
                "received_at": ticket.received_at,
                "severity": ticket.severity,
                "needs_onsite": ticket.needs_onsite,
                "coverage": ticket.coverage,
                "onsite_clock": not ticket.category_id
                or ticket.category_id.aftersales_onsite_clock,
                "quote_clock": not ticket.category_id or ticket.category_id.aftersales_quote_clock,
                "project_id": project.id,
                "distance_km": project.site_distance_km,
                "site_state_id": project.site_state_id.id,
            }
            clock = self._aftersales_clock(row, company_state_id, pauses.get(ticket._origin.id, ()))
            deadlines = engine.compute_deadlines(clock, policy, calendar)
            ticket.answer_deadline = deadlines.answer
            ticket.onsite_deadline = deadlines.onsite or False
            ticket.quote_deadline = deadlines.quote or False

    def _aftersales_recompute_deadlines(self):
        """Recompute the engine's deadlines of many requests at once (new settings, a new
        holiday): a fixed number of queries whatever their count, and only the rows whose
        deadlines change are written. Private: callers are trusted code (settings, crons)."""
        ids = [i for i in self.ids if i]
        if not ids:
            return 0
        self.env["helpdesk.ticket"].flush_model(
            [
                "received_at",
                "severity",
                "needs_onsite",
                "coverage",
                "company_id",
                "aftersales_project_id",
                "stage_id",
                "category_id",
                *ENGINE_DEADLINES,
                *(fact for _deadline, fact in CLOCK_FIELDS.values()),
                "parts_deadline",
            ]
        )
        self.env["aftersales.project"].flush_model(["site_distance_km", "site_state_id"])
        self.env["helpdesk.ticket.category"].flush_model(
            ["aftersales_onsite_clock", "aftersales_quote_clock"]
        )
        self.env["aftersales.ticket.pause"].flush_model(["ticket_id", "date_start", "date_end"])
        rows = self.env.execute_query_dict(
            SQL(
                """SELECT t.id, t.received_at, t.severity, t.needs_onsite, t.coverage,
                          COALESCE(t.company_id, %(company)s) AS company_id,
                          p.id AS project_id, p.site_distance_km AS distance_km,
                          p.site_state_id,
                          COALESCE(c.aftersales_onsite_clock, TRUE) AS onsite_clock,
                          COALESCE(c.aftersales_quote_clock, TRUE) AS quote_clock,
                          t.answer_deadline, t.onsite_deadline,
                          t.quote_deadline, t.parts_deadline, t.answered_at, t.onsite_at,
                          t.quoted_at, t.parts_done_at, COALESCE(s.closed, FALSE) AS closed
                     FROM helpdesk_ticket t
                LEFT JOIN aftersales_project p ON p.id = t.aftersales_project_id
                LEFT JOIN helpdesk_ticket_category c ON c.id = t.category_id
                LEFT JOIN helpdesk_ticket_stage s ON s.id = t.stage_id
                    WHERE t.id = ANY(%(ids)s) AND t.received_at IS NOT NULL""",
                company=self.env.company.id,
                ids=ids,
            )
        )
        setups = self._aftersales_company_setups({row["company_id"] for row in rows})
        pauses = self._aftersales_pause_intervals(ids)
        changed = []
        for row in rows:
            policy, calendar, company_state_id = setups[row["company_id"]]
            clock = self._aftersales_clock(row, company_state_id, pauses.get(row["id"], ()))
            deadlines = engine.compute_deadlines(clock, policy, calendar)
            new = (deadlines.answer, deadlines.onsite, deadlines.quote)
            if new != (row["answer_deadline"], row["onsite_deadline"], row["quote_deadline"]):
                row.update(zip(ENGINE_DEADLINES, new, strict=False))
                changed.append((row["id"], *new, *self._aftersales_pending(row, row["closed"])))
        for chunk in split_every(_RECOMPUTE_BATCH, changed):
            self.env.cr.execute(
                SQL(
                    """UPDATE helpdesk_ticket t
                          SET answer_deadline = v.answer, onsite_deadline = v.onsite,
                              quote_deadline = v.quote, aftersales_next_deadline = v.next,
                              aftersales_next_clock = v.clock, write_uid = %s, write_date = %s
                         FROM (VALUES %s) AS v(id, answer, onsite, quote, next, clock)
                        WHERE t.id = v.id""",
                    self.env.uid,
                    self.env.cr.now(),
                    SQL(", ").join(
                        SQL(
                            "(%s, %s::timestamp, %s::timestamp, %s::timestamp, %s::timestamp, "
                            "%s::varchar)",
                            *values,
                        )
                        for values in chunk
                    ),
                )
            )
        if changed:
            self.browse([values[0] for values in changed]).invalidate_recordset(
                [
                    *ENGINE_DEADLINES,
                    "aftersales_next_deadline",
                    "aftersales_next_clock",
                    "write_uid",
                    "write_date",
                ]
            )
        return len(changed)

    def _aftersales_payment_ok(self):
        """Whether a paid request may be served (R28): free requests always may; the
        collection addon answers for paid ones from their invoices. Dispatch calls this hook."""
        self.ensure_one()
        return self.coverage != "paid"

    # ------------------------------------------------------------------ late flags

    @api.depends(*CLOCK_DEPENDS)
    def _compute_late(self):
        now = fields.Datetime.now()
        for ticket in self:
            late = {}
            for clock, (deadline_field, fact_field) in CLOCK_FIELDS.items():
                deadline = ticket[deadline_field]
                late[clock] = bool(deadline) and (ticket[fact_field] or now) > deadline
            ticket.answer_late = late["answer"]
            ticket.onsite_late = late["onsite"]
            ticket.quote_late = late["quote"]
            ticket.parts_late = late["parts"]
            ticket.aftersales_late = any(late.values())

    def _aftersales_search_late(self, clocks, operator, value):
        """The late flags searched in SQL (lateness changes with time: it cannot be stored), as a
        subquery of the search's own query: no id is loaded into Python, so the late list's first
        page costs about what the unfiltered one does (issue 15)."""
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Late flags can only be searched as true or false."))
        self.env["helpdesk.ticket"].flush_model(
            [field for clock in clocks for field in CLOCK_FIELDS[clock]]
        )
        now = fields.Datetime.now()
        conditions = []
        for clock in clocks:
            deadline_field, fact_field = CLOCK_FIELDS[clock]
            deadline = SQL.identifier("t", deadline_field)
            fact = SQL.identifier("t", fact_field)
            conditions.append(
                SQL("(%s IS NOT NULL AND COALESCE(%s, %s) > %s)", deadline, fact, now, deadline)
            )
        late_ids = SQL(
            "(SELECT t.id FROM helpdesk_ticket t WHERE %s)", SQL(" OR ").join(conditions)
        )
        return [("id", "in" if (operator == "=") == value else "not in", late_ids)]

    def _search_answer_late(self, operator, value):
        return self._aftersales_search_late(["answer"], operator, value)

    def _search_onsite_late(self, operator, value):
        return self._aftersales_search_late(["onsite"], operator, value)

    def _search_quote_late(self, operator, value):
        return self._aftersales_search_late(["quote"], operator, value)

    def _search_parts_late(self, operator, value):
        return self._aftersales_search_late(["parts"], operator, value)

    def _search_aftersales_late(self, operator, value):
        return self._aftersales_search_late(list(CLOCK_FIELDS), operator, value)

    @api.depends(*CLOCK_DEPENDS, "closed")
    def _compute_aftersales_next_deadline(self):
        # Precomputed with the deadlines, before the INSERT: no UPDATE after each create.
        # ``closed`` (stage_id.closed) keeps the dependency on the stage's flag.
        for ticket in self:
            deadline, clock = self._aftersales_pending(ticket, ticket.closed)
            ticket.aftersales_next_deadline = deadline or False
            ticket.aftersales_next_clock = clock or False

    @staticmethod
    def _aftersales_pending(values, closed):
        """(deadline, clock) of the earliest deadline still waiting for its fact, or
        (None, None); ``values`` is a request or a row of its stored values."""
        if closed:
            return None, None
        pending = [
            (values[deadline_field], clock)
            for clock, (deadline_field, fact_field) in CLOCK_FIELDS.items()
            if values[deadline_field] and not values[fact_field]
        ]
        return min(pending) if pending else (None, None)

    def _aftersales_warn_at(self, deadline):
        """When the escalation warning of ``deadline`` is due: the company's share of the
        window from receipt to the deadline."""
        self.ensure_one()
        return (self.company_id or self.env.company)._aftersales_warn_at(self.received_at, deadline)

    @api.depends("aftersales_next_deadline", "received_at", "company_id")
    def _compute_aftersales_time_left(self):
        now = fields.Datetime.now()
        for ticket in self:
            deadline = ticket.aftersales_next_deadline
            if not deadline:
                ticket.aftersales_deadline_state = "none"
                ticket.aftersales_time_left = False
                continue
            left = deadline - now
            minutes = int(abs(left).total_seconds() // 60)
            days, rest = divmod(minutes, 24 * 60)
            span = (
                self.env._("%(days)s d %(hours)s h", days=days, hours=rest // 60)
                if days
                else self.env._("%(hours)s h %(minutes)s min", hours=rest // 60, minutes=rest % 60)
            )
            warn_at = ticket._aftersales_warn_at(deadline)
            if left < timedelta(0):
                ticket.aftersales_deadline_state = "late"
                ticket.aftersales_time_left = self.env._("%(span)s overdue", span=span)
            else:
                ticket.aftersales_deadline_state = "soon" if now >= warn_at else "ok"
                ticket.aftersales_time_left = span

    # ------------------------------------------------------------------ facts and actions

    @internal_only("aftersales_service.group_aftersales_engineer")
    def action_aftersales_answer(self):
        """The customer has been answered (R7): record when, once."""
        unanswered = self.filtered(lambda ticket: not ticket.answered_at)
        if not unanswered:
            raise UserError(self.env._("These requests have already been answered."))
        unanswered._aftersales_gate_write({"answered_at": fields.Datetime.now()})
        return True

    def _message_post_after_hook(self, message, msg_vals):
        # The first public reply of an internal user to the customer answers the request.
        if (
            not self.answered_at
            and message.message_type == "comment"
            and message.subtype_id == self.env.ref("mail.mt_comment")
            and not self.env.user.share
            and message.author_id == self.env.user.partner_id
        ):
            self.sudo().answered_at = message.date or fields.Datetime.now()
        return super()._message_post_after_hook(message, msg_vals)

    # ------------------------------------------------------------------ pauses

    def _aftersales_track_pauses(self, paused_before):
        """Open a pause when a request enters a "waiting for customer" stage, close it when
        the request leaves it; the deadlines then move by the time spent there."""
        now = fields.Datetime.now()
        resumed = self.filtered(
            lambda t: paused_before.get(t.id) and not t.stage_id.aftersales_pause
        )
        paused = self.filtered(
            lambda t: not paused_before.get(t.id) and t.stage_id.aftersales_pause
        )
        Pause = self.env["aftersales.ticket.pause"].sudo()
        if resumed:
            Pause.search([("ticket_id", "in", resumed.ids), ("date_end", "=", False)]).write(
                {"date_end": now}
            )
        if paused:
            Pause.create(
                [{"ticket_id": t.id, "stage_id": t.stage_id.id, "date_start": now} for t in paused]
            )

    # ------------------------------------------------------------------ CRUD

    @api.model_create_multi
    def create(self, vals_list):
        lot_ids = {
            vals["lot_id"]
            for vals in vals_list
            if vals.get("lot_id") and not vals.get("aftersales_project_id")
        }
        if lot_ids:
            projects = {
                lot.id: lot.aftersales_project_id.id
                for lot in self.env["stock.lot"].browse(lot_ids)
            }
            for vals in vals_list:
                if vals.get("lot_id") and not vals.get("aftersales_project_id"):
                    vals["aftersales_project_id"] = projects.get(vals["lot_id"]) or False
        tickets = super().create(vals_list)
        tickets.filtered(lambda t: t.stage_id.aftersales_pause)._aftersales_track_pauses({})
        with_coverage = self.browse(
            [
                ticket.id
                for ticket, vals in zip(tickets, vals_list, strict=False)
                if "coverage" in vals
            ]
        )
        with_coverage._aftersales_mark_coverage_override()
        return tickets

    def write(self, vals):
        paused_before = (
            {ticket.id: ticket.stage_id.aftersales_pause for ticket in self}
            if "stage_id" in vals
            else None
        )
        res = super().write(vals)
        if paused_before is not None:
            self._aftersales_track_pauses(paused_before)
        if "coverage" in vals:
            self._aftersales_mark_coverage_override()
        return res

    # ------------------------------------------------------------------ mail gateway

    @api.model
    def message_new(self, msg, custom_values=None):
        """E-mail intake (R1): a mail to the after-sales team's alias becomes a request on the
        e-mail channel, linked to the sender's customer and to the project whose order number,
        or the serial whose number, the subject or body names, when that project is the sender's
        customer's (issue 12)."""
        values = dict(custom_values or {})
        values.update(self._aftersales_mail_links(msg, values))
        return super().message_new(msg, custom_values=values)

    @api.model
    def _aftersales_mail_links(self, msg, values):
        links = {}
        if not values.get("channel_id"):
            channel = self.env.ref(
                "helpdesk_mgmt.helpdesk_ticket_channel_email", raise_if_not_found=False
            )
            links["channel_id"] = channel.id if channel else False
        text = "%s\n%s" % (msg.get("subject") or "", html2plaintext(msg.get("body") or ""))
        references = list(dict.fromkeys(match.group(0) for match in _REFERENCE.finditer(text)))
        references = references[:_MAX_REFERENCES]
        if not references:
            return links
        references += [reference.upper() for reference in references]
        team = self.env["helpdesk.ticket.team"].browse(values.get("team_id"))
        company = (
            self.env["res.company"].browse(values.get("company_id"))
            or team.company_id
            or self.env.company
        )
        author = self.env["res.partner"].browse(msg.get("author_id") or [])
        customer = author.commercial_partner_id
        projects = self.env["aftersales.project"].search(
            [("name", "in", references), ("company_id", "=", company.id)]
        )
        lots = self.env["stock.lot"].search(
            [
                ("name", "in", references),
                ("aftersales_project_id", "!=", False),
                ("aftersales_project_id.company_id", "=", company.id),
            ]
        )
        # Only the project's own customer files on it (free coverage, visible in that customer's
        # portal): a mail from anyone else naming the number is left unlinked, for triage.
        projects = projects.filtered(lambda p: customer and p.commercial_partner_id == customer)
        lots = lots.filtered(
            lambda rec: customer and rec.aftersales_project_id.commercial_partner_id == customer
        )
        project = projects[:1] or lots[:1].aftersales_project_id
        lot = lots.filtered(lambda rec: rec.aftersales_project_id == project)[:1]
        if project:
            links["aftersales_project_id"] = project.id
        if lot:
            links["lot_id"] = lot.id
        return links
