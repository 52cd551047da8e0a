from datetime import datetime, time

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools.access import internal_only
from .aftersales_dispatch import count_by

# The travel planned from a visit leaves on the visit day at this local hour (the company's
# zone); the dispatcher moves it as the trip needs.
TRAVEL_DEPARTURE_HOUR = 9

VISIT_TYPES = [
    ("group", "Group Visit"),
    ("milestone", "Milestone Visit"),
    ("inspection", "Inspection"),
]
VISIT_MODES = [("person", "In Person"), ("writing", "In Writing")]
VISIT_STATES = [("planned", "Planned"), ("done", "Done"), ("cancel", "Cancelled")]
CHECK_RESULTS = [("ok", "OK"), ("attention", "Needs Attention"), ("fault", "Fault")]


def _form_action(record, name):
    return {
        "type": "ir.actions.act_window",
        "name": name,
        "res_model": record._name,
        "res_id": record.id,
        "view_mode": "form",
        "views": [(False, "form")],
    }


class AftersalesVisit(models.Model):
    """A planned customer visit or inspection: the twice-yearly group visit, a milestone visit
    (acceptance, months before the warranty ends; in writing or in person) or a summer / winter
    inspection under a maintenance contract. R42: the visit collects the equipment's usage and
    the customer's needs, and presents new products."""

    _name = "aftersales.visit"
    _description = "Customer Visit"
    _inherit = ["mail.thread", "mail.activity.mixin", "aftersales.gate.mixin"]
    _order = "planned_date, id"
    _check_company_auto = True
    _rec_names_search = ["project_id.name", "partner_id.name"]
    # Set only by the actions (done, cancel, plan again).
    # escalated_at: an overdue visit is escalated once (the cron); forging it would silence it.
    _aftersales_gated_fields = ("state", "done_at", "escalated_at")

    project_id = fields.Many2one(
        "aftersales.project",
        string="Project",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
        ondelete="restrict",
    )
    company_id = fields.Many2one(related="project_id.company_id", store=True, index=True)
    partner_id = fields.Many2one(related="project_id.partner_id", store=True, string="Customer")
    commercial_partner_id = fields.Many2one(
        related="project_id.commercial_partner_id", store=True, index=True
    )
    site_state_id = fields.Many2one(related="project_id.site_state_id", store=True)
    visit_type = fields.Selection(
        VISIT_TYPES, string="Type", required=True, default="group", tracking=True
    )
    visit_mode = fields.Selection(
        VISIT_MODES, string="Mode", required=True, default="person", tracking=True
    )
    period = fields.Char(
        readonly=True,
        copy=False,
        help="What the planning planned this visit for (month, or project event); empty for "
        "a visit planned by hand.",
    )
    planned_date = fields.Date(
        required=True, tracking=True, default=lambda self: self.env.company._aftersales_today()
    )
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        tracking=True,
        default=lambda self: self.env.user,
        domain="[('share', '=', False)]",
    )
    employee_ids = fields.Many2many(
        "hr.employee",
        "aftersales_visit_employee_rel",
        "visit_id",
        "employee_id",
        string="Engineers",
        check_company=True,
    )
    state = fields.Selection(
        VISIT_STATES, default="planned", required=True, tracking=True, copy=False, index=True
    )
    done_at = fields.Datetime(copy=False, readonly=True)
    # R42: what a visit collects.
    equipment_usage = fields.Text(help="How the customer uses the equipment.")
    needs_near = fields.Text(string="Near-term Needs")
    needs_long = fields.Text(string="Long-term Needs")
    products_presented = fields.Text(string="New Products Presented")
    findings = fields.Text(help="Other findings of the visit.")
    ticket_ids = fields.One2many(
        "helpdesk.ticket", "aftersales_visit_id", string="Requests from Findings"
    )
    ticket_count = fields.Integer(compute="_compute_ticket_count")
    # A visit that needs travel goes through the dispatch of a request of type "visit".
    travel_ticket_id = fields.Many2one(
        "helpdesk.ticket", string="Travel Request", copy=False, readonly=True, index=True
    )
    dispatch_ids = fields.One2many(related="travel_ticket_id.dispatch_ids", string="Dispatches")
    check_ids = fields.One2many("aftersales.visit.check", "visit_id", string="Checklist")
    contract_scope = fields.Text(related="project_id.maintenance_contract_scope")
    overdue = fields.Boolean(compute="_compute_overdue", search="_search_overdue")
    escalated_at = fields.Datetime(copy=False, readonly=True)

    _sql_constraints = [
        # Cancelled visits count: a cancelled visit is never planned again.
        (
            "period_uniq",
            "unique(project_id, visit_type, period)",
            "This visit is already planned for this project and period.",
        ),
    ]

    @api.depends("visit_type", "project_id", "planned_date")
    def _compute_display_name(self):
        types = dict(self._fields["visit_type"]._description_selection(self.env))
        for visit in self:
            visit.display_name = " · ".join(
                part
                for part in (
                    types.get(visit.visit_type, ""),
                    visit.project_id.name or "",
                    visit.planned_date and fields.Date.to_string(visit.planned_date) or "",
                )
                if part
            )

    def _compute_ticket_count(self):
        counts = count_by(self.env["helpdesk.ticket"], "aftersales_visit_id", self.ids)
        for visit in self:
            visit.ticket_count = counts.get(visit.id, 0)

    @api.depends("state", "planned_date")
    def _compute_overdue(self):
        today = self.env.company._aftersales_today()
        for visit in self:
            visit.overdue = visit.state == "planned" and visit.planned_date < today

    def _search_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise ValidationError(self.env._("Unsupported search on overdue visits."))
        domain = [
            ("state", "=", "planned"),
            ("planned_date", "<", self.env.company._aftersales_today()),
        ]
        return domain if (operator == "=") == value else ["!", "&", *domain]

    # ------------------------------------------------------------------ actions
    def _check_planned(self, action):
        for visit in self:
            if visit.state != "planned":
                raise UserError(
                    self.env._(
                        "Visit %(visit)s: “%(action)s” needs a planned visit.",
                        visit=visit.display_name,
                        action=action,
                    )
                )

    @internal_only()
    def action_done(self):
        """R42: a visit is done with what it collected; an inspection with its checklist."""
        self._check_planned(self.env._("Done"))
        for visit in self:
            if visit.visit_mode == "person" and not any(
                (visit[f] or "").strip()
                for f in ("equipment_usage", "needs_near", "needs_long", "products_presented")
            ):
                raise UserError(
                    self.env._(
                        "Visit %(visit)s: record the equipment's usage, the customer's needs or "
                        "the products presented before closing the visit.",
                        visit=visit.display_name,
                    )
                )
            if visit.check_ids.filtered(lambda c: not c.result):
                raise UserError(
                    self.env._(
                        "Visit %(visit)s: every line of the checklist needs a result.",
                        visit=visit.display_name,
                    )
                )
        self._aftersales_gate_write({"state": "done", "done_at": fields.Datetime.now()})
        self._aftersales_file_record()
        return True

    def _aftersales_file_record(self):
        """File the visit record (for a visit in writing: the letter) in the archive (R38)."""
        self.env["ir.actions.report"].sudo()._render_qweb_pdf(
            "aftersales_service.action_report_aftersales_visit", self.ids
        )

    @internal_only()
    def action_send_letter(self):
        """A visit in writing: the letter goes out by e-mail from its template, is filed with
        the archive, and the visit is done."""
        self._check_planned(self.env._("Send Letter"))
        if self.filtered(lambda v: v.visit_mode != "writing"):
            raise UserError(self.env._("Only a visit in writing is sent as a letter."))
        template = self.env.ref("aftersales_service.mail_template_aftersales_visit_letter")
        for visit in self:
            visit.message_post_with_source(
                template, message_type="comment", subtype_xmlid="mail.mt_comment"
            )
        return self.action_done()

    @internal_only("aftersales_service.group_aftersales_user")
    def action_cancel(self):
        self._check_planned(self.env._("Cancel"))
        self._aftersales_gate_write({"state": "cancel"})
        return True

    @internal_only("aftersales_service.group_aftersales_user")
    def action_plan_again(self):
        for visit in self:
            if visit.state != "cancel":
                raise UserError(
                    self.env._("Visit %(visit)s is not cancelled.", visit=visit.display_name)
                )
        self._aftersales_gate_write({"state": "planned"})
        return True

    @internal_only()
    def action_raise_request(self):
        """One click raises a service request from the visit's findings (linked both ways)."""
        self.ensure_one()
        self.check_access("write")
        text = "\n".join(
            part
            for part in (self.findings, self.needs_near, self.equipment_usage)
            if part and part.strip()
        )
        ticket = self.env["helpdesk.ticket"].create(
            {
                "name": self.env._("From visit: %(visit)s", visit=self.display_name),
                "description": text or self.display_name,
                "aftersales_project_id": self.project_id.id,
                "partner_id": self.partner_id.id,
                "company_id": self.company_id.id,
                "channel_id": self.env.ref("aftersales_service.helpdesk_ticket_channel_visit").id,
                "aftersales_visit_id": self.id,
            }
        )
        self.message_post(
            body=self.env._(
                "Request %(request)s raised from this visit.", request=ticket.display_name
            )
        )
        return _form_action(ticket, self.env._("Request"))

    @internal_only("aftersales_service.group_aftersales_user")
    def action_plan_travel(self):
        """A visit that needs travel opens a request of type “visit” (proactive-visit channel,
        free, no answer or quotation clock) that the existing dispatch hangs on (hazard
        briefings and every other gate included)."""
        self.ensure_one()
        self._check_planned(self.env._("Plan Travel"))
        if not self.travel_ticket_id:
            self.check_access("write")
            self.env["helpdesk.ticket"].check_access("create")
            now = fields.Datetime.now()
            ticket = (
                self.env["helpdesk.ticket"]
                .sudo()
                .create(
                    {
                        "name": self.env._("Visit: %(visit)s", visit=self.display_name),
                        "description": self.contract_scope or self.display_name,
                        "aftersales_project_id": self.project_id.id,
                        "partner_id": self.partner_id.id,
                        "company_id": self.company_id.id,
                        "category_id": self.env.ref(
                            "aftersales_service.helpdesk_category_visit"
                        ).id,
                        "channel_id": self.env.ref(
                            "aftersales_service.helpdesk_ticket_channel_visit"
                        ).id,
                        "needs_onsite": True,
                        "coverage": "free",
                        "coverage_reason": self.env._("Proactive visit (R42)"),
                        "received_at": now,
                        # We call on the customer: nobody waits for an answer.
                        "answered_at": now,
                    }
                )
            )
            self.sudo().travel_ticket_id = ticket
        dispatch = self.env["aftersales.dispatch"].create(
            {
                "ticket_id": self.travel_ticket_id.id,
                "company_id": self.company_id.id,
                "employee_ids": [Command.set(self.employee_ids.ids)],
                "planned_departure": self.company_id._aftersales_work_calendar().to_utc(
                    datetime.combine(self.planned_date, time(TRAVEL_DEPARTURE_HOUR))
                ),
                "work_description": self.display_name,
            }
        )
        return _form_action(dispatch, self.env._("Dispatch"))

    @internal_only()
    def action_view_tickets(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Requests from Findings"),
            "res_model": "helpdesk.ticket",
            "view_mode": "list,form",
            "views": [(False, "list"), (False, "form")],
            "domain": [("aftersales_visit_id", "=", self.id)],
            "context": {"create": False},
        }

    # ------------------------------------------------------------------ half-year plan
    def _aftersales_plan_title(self):
        """上半年 / 下半年用户回访计划: the half of the year of the visits printed."""
        dates = self.mapped("planned_date")
        if not dates:
            return self.env._("Visit Plan")
        first = min(dates)
        if first.month <= 6:
            return self.env._("First Half-year Visit Plan %(year)s", year=first.year)
        return self.env._("Second Half-year Visit Plan %(year)s", year=first.year)

    def _aftersales_plan_groups(self):
        """[(province, [(customer, visits)])]: the plan grouped by province, then customer,
        so that one engineer makes one round trip."""
        no_province = self.env._("No province")
        groups = {}
        for visit in self.sorted(lambda v: (v.planned_date, v.id)):
            province = visit.site_state_id.name or no_province
            customer = visit.partner_id.commercial_partner_id.name or ""
            groups.setdefault(province, {}).setdefault(customer, self.browse())
            groups[province][customer] |= visit
        return [
            (province, sorted(customers.items())) for province, customers in sorted(groups.items())
        ]

    # ------------------------------------------------------------------ portal
    def _aftersales_ask_move(self, partner, wanted_date, reason):
        """The customer asks to move a planned visit (portal): a message on the project's
        portal thread and an activity for the visit's responsible. Called as sudo by the
        portal controller after it checked the customer's access to the project."""
        self.ensure_one()
        self._check_planned(self.env._("Ask to Move"))
        body = self.env._(
            "%(customer)s asks to move the visit of %(date)s to %(wanted)s: %(reason)s",
            customer=partner.name,
            date=self.planned_date,
            wanted=wanted_date,
            reason=reason or "-",
        )
        self.project_id.message_post(
            body=body,
            author_id=partner.id,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
        self.activity_schedule(
            "mail.mail_activity_data_todo",
            summary=self.env._("Customer asks to move the visit"),
            note=body,
            user_id=(self.user_id or self.project_id.user_id or self.env.user).id,
        )
        return True

    # ------------------------------------------------------------------ escalation
    @api.model
    def _aftersales_escalate_overdue(self):
        """Overdue planned visits are escalated once to the company's escalation user, with
        the requests' escalation (aftersales.deadline.warning._cron_escalate)."""
        visits = self.search([("overdue", "=", True), ("escalated_at", "=", False)])
        todo = self.env.ref("mail.mail_activity_data_todo")
        model_id = self.env["ir.model"]._get_id(self._name)
        activity_vals = []
        for visit in visits:
            manager = visit.company_id._aftersales_escalation_user()
            if not manager:
                continue
            env = self.with_context(lang=manager.lang or self.env.lang).env
            activity_vals.append(
                {
                    "res_model_id": model_id,
                    "res_id": visit.id,
                    "activity_type_id": todo.id,
                    "user_id": manager.id,
                    "summary": env._("Visit overdue"),
                    "note": env._(
                        "The visit planned on %(date)s has not been made.",
                        date=visit.planned_date,
                    ),
                    "date_deadline": self.env.company._aftersales_today(),
                }
            )
        self.env["mail.activity"].sudo().with_context(mail_activity_quick_update=True).create(
            activity_vals
        )
        visits.sudo().write({"escalated_at": fields.Datetime.now()})
        return visits
