from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from ..tools.counting import count_by

DISPATCH_STATES = [
    ("draft", "Draft"),
    ("confirmed", "Confirmed"),
    ("onsite", "On Site"),
    ("returned", "Returned"),
    ("closed", "Closed"),
    ("cancel", "Cancelled"),
]
PLAN_DECISIONS = [("agreed", "Agreed"), ("disagreed", "Disagreed")]
# States in which the engineers have not left yet: the trip can still be changed.
NOT_LEFT_STATES = ("draft", "confirmed")
# States in which the blockers are checked again before the trip moves forward.
BLOCKING_STATES = ("draft", "confirmed", "onsite", "returned")


class AftersalesDispatch(models.Model):
    """One trip of engineers for one service request: the travel order (出差单) and the
    service work order (施工单) of R20, the cash advance and the expense claims (R20–R21)."""

    _name = "aftersales.dispatch"
    _description = "After-sales Dispatch"
    _inherit = ["mail.thread", "mail.activity.mixin", "aftersales.gate.mixin"]
    _order = "planned_departure desc, id desc"
    _check_company_auto = True
    _rec_names_search = ["name", "work_order_no", "ticket_id.name"]
    # Set only by the actions (confirm, arrive, return, close, serve-first approval, R28).
    # The trip's state and its facts (arrival and return feed the on-site clock, statistics and
    # paid-service invoicing), the customer's decision on the repair plan (R22) and the
    # serve-first approval (R28): set only by the actions.
    _aftersales_gated_fields = (
        "state",
        "onsite_at",
        "returned_at",
        "plan_decision",
        "plan_confirmed_at",
        "serve_first_approved_by",
        "serve_first_approved_at",
    )

    name = fields.Char(
        string="Travel Order No.",
        required=True,
        copy=False,
        readonly=True,
        index="trigram",
        default=lambda self: self.env._("New"),
        help="Travel order number (出差单号), from a sequence.",
    )
    work_order_no = fields.Char(
        string="Service Work Order No.",
        copy=False,
        readonly=True,
        index="trigram",
        help="Service work order number (施工单号), from a sequence.",
    )
    state = fields.Selection(
        DISPATCH_STATES, default="draft", required=True, tracking=True, copy=False, index=True
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    ticket_id = fields.Many2one(
        "helpdesk.ticket",
        string="Service Request",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
        ondelete="restrict",
    )
    project_id = fields.Many2one(
        related="ticket_id.aftersales_project_id", store=True, index="btree_not_null"
    )
    partner_id = fields.Many2one(related="ticket_id.partner_id", string="Customer")
    lot_id = fields.Many2one(related="ticket_id.lot_id")
    equipment_category_id = fields.Many2one(
        "product.category",
        string="Equipment Category",
        compute="_compute_equipment_category_id",
    )
    employee_ids = fields.Many2many(
        "hr.employee",
        "aftersales_dispatch_employee_rel",
        "dispatch_id",
        "employee_id",
        string="Engineers",
        tracking=True,
        check_company=True,
    )
    lead_employee_id = fields.Many2one(
        "hr.employee",
        string="Lead Engineer",
        tracking=True,
        check_company=True,
        domain="[('id', 'in', employee_ids)]",
    )
    planned_departure = fields.Datetime(tracking=True, default=fields.Datetime.now)
    planned_return = fields.Datetime(tracking=True)
    destination = fields.Char(
        compute="_compute_destination",
        store=True,
        readonly=False,
        help="Proposed from the project site; may be changed.",
    )
    work_description = fields.Text(string="Work to Do")
    precautions = fields.Text(help="Precautions stated on the travel order (R20).")
    customer_helpers = fields.Text(
        string="Customer's Helpers",
        help="The customer's own people who will help on site (R19).",
    )
    onsite_at = fields.Datetime(string="Arrived On Site At", copy=False, readonly=True)
    returned_at = fields.Datetime(copy=False, readonly=True)
    work_hours = fields.Float(
        string="Person-hours", help="Hours worked on site by all engineers together."
    )
    # R22: the customer's technicians confirm the repair plan on site.
    plan_confirmed_by = fields.Char(tracking=True, help="The customer's technicians (names).")
    plan_confirmed_at = fields.Datetime(copy=False, readonly=True, tracking=True)
    plan_decision = fields.Selection(PLAN_DECISIONS, copy=False, readonly=True, tracking=True)
    plan_disagreement = fields.Text(string="Disagreement")
    # R28: a paid request is served after payment, or first on an approved exception.
    serve_first_reason = fields.Text(string="Serve-first Reason")
    serve_first_approved_by = fields.Many2one("res.users", copy=False, readonly=True, tracking=True)
    serve_first_approved_at = fields.Datetime(copy=False, readonly=True)
    payment_ok = fields.Boolean(
        compute="_compute_payment_ok", string="Payment Cleared", compute_sudo=True
    )
    # R20–R21: money of the trip.
    advance_amount = fields.Monetary(string="Cash Advance", tracking=True)
    expense_sheet_ids = fields.One2many(
        "hr.expense.sheet", "aftersales_dispatch_id", string="Expense Reports"
    )
    expense_sheet_count = fields.Integer(compute="_compute_expense_sheet_count")
    expense_cost = fields.Monetary(compute="_compute_costs", string="Travel Expenses")
    parts_cost = fields.Monetary(compute="_compute_costs", string="Parts")
    labour_cost = fields.Monetary(compute="_compute_costs", string="Hours")
    service_cost = fields.Monetary(compute="_compute_costs", string="Cost of Service")
    blocker_text = fields.Text(
        compute="_compute_blocker_text", string="Blockers", compute_sudo=True
    )
    certified_employee_ids = fields.Many2many(
        "hr.employee",
        string="Certified Engineers",
        compute="_compute_certified_employee_ids",
        compute_sudo=True,
        help="The engineers of the trip qualified for the equipment's category on the trip's "
        "last day (R45).",
    )
    is_my_dispatch = fields.Boolean(compute="_compute_is_my_dispatch")
    color = fields.Integer()

    _sql_constraints = [
        (
            "name_company_uniq",
            "unique(name, company_id)",
            "The travel order number must be unique.",
        ),
    ]

    # ------------------------------------------------------------------ computes
    @api.depends("lot_id.product_id.categ_id")
    def _compute_equipment_category_id(self):
        for dispatch in self:
            dispatch.equipment_category_id = dispatch.lot_id.product_id.categ_id

    @api.depends("ticket_id.aftersales_project_id")
    def _compute_destination(self):
        for dispatch in self:
            project = dispatch.project_id
            if project:
                parts = [project.site_state_id.name, project.site_city, project.site_street]
                dispatch.destination = " ".join(p for p in parts if p) or project.partner_id.name
            else:
                dispatch.destination = (
                    dispatch.destination
                    or dispatch.ticket_id.partner_id.contact_address_inline
                    or False
                )

    @api.depends("ticket_id.coverage", "serve_first_approved_by")
    def _compute_payment_ok(self):
        for dispatch in self:
            dispatch.payment_ok = dispatch._payment_ok()

    def _compute_expense_sheet_count(self):
        counts = count_by(self.env["hr.expense.sheet"], "aftersales_dispatch_id", self.ids)
        for dispatch in self:
            dispatch.expense_sheet_count = counts.get(dispatch.id, 0)

    @api.depends("expense_sheet_ids.total_amount", "expense_sheet_ids.approval_state", "work_hours")
    def _compute_costs(self):
        expenses = self._expense_costs()
        parts = self.ticket_id._aftersales_parts_costs()
        for dispatch in self:
            dispatch.expense_cost = expenses.get(dispatch.id, 0.0)
            dispatch.parts_cost = parts.get(dispatch.ticket_id.id, 0.0)
            dispatch.labour_cost = dispatch.work_hours * dispatch.company_id.aftersales_hour_cost
            dispatch.service_cost = (
                dispatch.expense_cost + dispatch.parts_cost + dispatch.labour_cost
            )

    def _expense_costs(self):
        """Travel expenses per dispatch: the expense claims (not the advance, which is cash
        handed out, nor refused claims), in company currency."""
        if not self.ids:
            return {}
        return {
            dispatch.id: total
            for dispatch, total in self.env["hr.expense.sheet"]
            .sudo()
            ._read_group(
                [
                    ("aftersales_dispatch_id", "in", self.ids),
                    ("advance", "=", False),
                    ("approval_state", "!=", "cancel"),
                ],
                ["aftersales_dispatch_id"],
                ["total_amount:sum"],
            )
        }

    @api.depends(
        "employee_ids.aftersales_certificate_ids.categ_id",
        "employee_ids.aftersales_certificate_ids.expiry_date",
        "equipment_category_id",
        "planned_departure",
        "planned_return",
    )
    def _compute_certified_employee_ids(self):
        """R45 for many trips at once: one query reads the certificates of all their engineers
        (the gate of 30 trips costs what the gate of one does)."""
        Certificate = self.env["aftersales.employee.certificate"]
        certificates = Certificate.search([("employee_id", "in", self.employee_ids.ids)])
        by_employee = {}
        for certificate in certificates:
            by_employee.setdefault(certificate.employee_id.id, Certificate)
            by_employee[certificate.employee_id.id] |= certificate
        for dispatch in self:
            required = dispatch.equipment_category_id._aftersales_certificate_category()
            if not required:
                dispatch.certified_employee_ids = dispatch.employee_ids
                continue
            on_day = fields.Date.to_date(dispatch.planned_return or dispatch.planned_departure) or (
                dispatch.company_id._aftersales_today()
            )
            dispatch.certified_employee_ids = dispatch.employee_ids.filtered(
                lambda e, required=required, on_day=on_day: any(
                    # A certificate for the category or one of its parents (parent_path prefix).
                    required.parent_path.startswith(c.categ_id.parent_path)
                    and (not c.expiry_date or c.expiry_date >= on_day)
                    for c in by_employee.get(e.id, Certificate)
                )
            )

    def _compute_blocker_text(self):
        for dispatch in self:
            blockers = (
                dispatch._get_dispatch_blockers() if dispatch.state in BLOCKING_STATES else []
            )
            dispatch.blocker_text = "\n".join(blockers) or False

    @api.depends_context("uid")
    @api.depends("employee_ids.user_id")
    def _compute_is_my_dispatch(self):
        for dispatch in self:
            dispatch.is_my_dispatch = self.env.user in dispatch.employee_ids.user_id

    # ------------------------------------------------------------------ constraints
    @api.constrains("planned_departure", "planned_return")
    def _check_planned_dates(self):
        for dispatch in self:
            if (
                dispatch.planned_departure
                and dispatch.planned_return
                and dispatch.planned_return < dispatch.planned_departure
            ):
                raise ValidationError(
                    self.env._(
                        "Dispatch %(name)s: the planned return cannot be before the departure.",
                        name=dispatch.name,
                    )
                )

    @api.constrains("lead_employee_id", "employee_ids")
    def _check_lead_employee(self):
        for dispatch in self:
            if dispatch.lead_employee_id and dispatch.lead_employee_id not in dispatch.employee_ids:
                raise ValidationError(
                    self.env._(
                        "Dispatch %(name)s: the lead engineer %(lead)s must be one of the "
                        "engineers.",
                        name=dispatch.name,
                        lead=dispatch.lead_employee_id.name,
                    )
                )

    @api.constrains("work_hours")
    def _check_work_hours(self):
        for dispatch in self:
            if dispatch.work_hours < 0:
                raise ValidationError(
                    self.env._(
                        "Dispatch %(dispatch)s: person-hours cannot be negative.",
                        dispatch=dispatch.display_name,
                    )
                )

    @api.constrains("advance_amount")
    def _check_advance_amount(self):
        for dispatch in self:
            if dispatch.advance_amount < 0:
                raise ValidationError(
                    self.env._(
                        "Dispatch %(name)s: the cash advance cannot be negative.",
                        name=dispatch.name,
                    )
                )

    # ------------------------------------------------------------------ CRUD
    @api.model_create_multi
    def create(self, vals_list):
        Sequence = self.env["ir.sequence"]
        for vals in vals_list:
            company = self.env["res.company"].browse(vals.get("company_id")) or self.env.company
            seq = Sequence.with_company(company)
            if not vals.get("name") or vals["name"] == self.env._("New"):
                vals["name"] = seq.next_by_code("aftersales.dispatch.travel") or self.env._("New")
            if not vals.get("work_order_no"):
                vals["work_order_no"] = seq.next_by_code("aftersales.dispatch.work")
        dispatches = super().create(vals_list)
        dispatches._set_default_lead()
        return dispatches

    def write(self, vals):
        if "employee_ids" not in vals or not self.filtered(lambda d: d.state != "draft"):
            res = super().write(vals)
            if "employee_ids" in vals:
                self._set_default_lead()
            return res
        before = {d.id: d.employee_ids for d in self}
        # A refused newcomer leaves the trip as it was.
        with self.env.cr.savepoint():
            res = super().write(vals)
            self._set_default_lead()
            self._check_newcomers(before)
        return res

    def _check_newcomers(self, before):
        """An engineer added to a trip already confirmed passes the engineers' checks
        (R43 confidentiality, R45 certificate; the hazard addon briefs him, R41)."""
        messages = []
        for dispatch in self.filtered(lambda d: d.state in ("confirmed", "onsite")):
            newcomers = dispatch.employee_ids - before.get(dispatch.id, dispatch.employee_ids)
            messages += dispatch._get_engineer_blockers(newcomers) if newcomers else []
        if messages:
            raise UserError(
                self.env._(
                    "These engineers cannot join a confirmed trip:\n%(blockers)s",
                    blockers="\n".join(f"- {m}" for m in messages),
                )
            )

    def _set_default_lead(self):
        for dispatch in self:
            if dispatch.employee_ids and dispatch.lead_employee_id not in dispatch.employee_ids:
                dispatch.lead_employee_id = dispatch.employee_ids[:1]

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft_or_cancel(self):
        if any(d.state not in ("draft", "cancel") for d in self):
            raise UserError(self.env._("Only draft or cancelled dispatches can be deleted."))

    # ------------------------------------------------------------------ gate
    def _payment_ok(self):
        """R28: pay before service; an urgent case may be served first on the manager's approval."""
        self.ensure_one()
        if not self.ticket_id or self.serve_first_approved_by:
            return True
        return self.ticket_id._aftersales_payment_ok()

    def _get_dispatch_blockers(self):
        """Reasons why this trip may not be confirmed, as translated sentences.

        Other addons extend it (``blockers = super()._get_dispatch_blockers()``, then append)."""
        self.ensure_one()
        blockers = []
        if not self.employee_ids:
            blockers.append(self.env._("No engineer is assigned."))
        blockers += self._get_engineer_blockers(self.employee_ids)
        if not self._payment_ok():
            blockers += self._get_payment_blockers()
        return blockers

    def _get_pending_acknowledgements(self):
        """What the engineers of this trip must still acknowledge in person before it moves
        on, as a list of recordsets: each record has an ``employee_id`` and an
        ``action_acknowledge()`` that only that engineer's user may take. The addon adding them
        also lists them among the blockers. None here; other addons extend it
        (``super()._get_pending_acknowledgements() + [records]``; the hazard addon: briefings)."""
        self.ensure_one()
        return []

    def _get_payment_blockers(self):
        """What a paid trip still misses before it may go (R28); the collection addon says it
        in detail (no order, no invoice, short of the total, unpaid)."""
        return [
            self.env._(
                "Request %(request)s is paid service: no payment received and no approved "
                "serve-first exception.",
                request=self.ticket_id.display_name,
            )
        ]

    def _get_engineer_blockers(self, employees):
        """Reasons why these engineers of the trip may not travel; the hazard addon adds the
        briefing. Used for the whole team and for an engineer joining a confirmed trip."""
        self.ensure_one()
        blockers = []
        employees = employees.sudo()
        # R43: every engineer has signed the confidentiality agreement.
        for employee in employees.filtered(lambda e: not e.aftersales_nda_date):
            blockers.append(
                self.env._(
                    "%(engineer)s has not signed the confidentiality agreement.",
                    engineer=employee.name,
                )
            )
        # R45: every engineer holds a valid certificate for the equipment's category.
        required = self.equipment_category_id.sudo()._aftersales_certificate_category()
        if required:
            # Computed for the whole batch of trips at once (see _compute_certified_employee_ids).
            for employee in employees - self.certified_employee_ids.sudo():
                blockers.append(
                    self.env._(
                        "%(engineer)s has no valid certificate for %(category)s.",
                        engineer=employee.name,
                        category=required.display_name,
                    )
                )
        return blockers

    # ------------------------------------------------------------------ actions
    def action_confirm(self):
        """Confirm the trip; one error lists every blocker of every dispatch."""
        messages = []
        for dispatch in self:
            if dispatch.state != "draft":
                raise UserError(self.env._("Dispatch %(name)s is not a draft.", name=dispatch.name))
            blockers = dispatch._get_dispatch_blockers()
            if blockers:
                lines = "\n".join(f"- {b}" for b in blockers)
                messages.append(f"{dispatch.name}:\n{lines}" if len(self) > 1 else lines)
        if messages:
            raise UserError(
                self.env._(
                    "The dispatch cannot be confirmed:\n%(blockers)s",
                    blockers="\n".join(messages),
                )
            )
        self._aftersales_gate_write({"state": "confirmed"})
        return True

    def _check_state(self, allowed, action):
        for dispatch in self:
            if dispatch.state not in allowed:
                raise UserError(
                    self.env._(
                        "Dispatch %(name)s: “%(action)s” is not possible in state %(state)s.",
                        name=dispatch.name,
                        action=action,
                        state=dict(self._fields["state"]._description_selection(self.env))[
                            dispatch.state
                        ],
                    )
                )

    def _check_my_trip(self):
        """Engineers act on their own trips only; the back office may act for them."""
        if self.env.user.has_group("aftersales_service.group_aftersales_user"):
            return
        for dispatch in self:
            if self.env.user not in dispatch.employee_ids.user_id:
                raise AccessError(
                    self.env._(
                        "You are not one of the engineers of dispatch %(name)s.", name=dispatch.name
                    )
                )

    def action_arrive(self):
        """Arrived on site: the first arrival is the request's on-site fact (deadline check)."""
        self._check_state(("confirmed",), self.env._("Arrived on site"))
        self._check_my_trip()
        now = fields.Datetime.now()
        # The arrival is a fact the deadline clock must not lose, whatever the checks say.
        self._aftersales_gate_write({"state": "onsite", "onsite_at": now})
        # The engineer may not write the whole request; the arrival fact is theirs to record.
        tickets = self.sudo().ticket_id.filtered(lambda t: not t.onsite_at)
        tickets.write({"onsite_at": now})
        self._notify_blocked_on_site()
        return True

    def _notify_blocked_on_site(self):
        """Checked again on arrival: a trip that no longer passes its checks is reported to the
        after-sales manager; it cannot return or close until they pass."""
        for dispatch in self:
            blockers = dispatch._get_dispatch_blockers()
            manager = blockers and dispatch.company_id._aftersales_decider("manager")
            if manager:
                dispatch.sudo().activity_schedule(
                    "mail.mail_activity_data_todo",
                    user_id=manager.id,
                    summary=self.env._("Trip on site fails its checks"),
                    note="\n".join(blockers),
                )

    def _raise_blockers(self, action):
        """The blockers are checked again whenever the trip moves forward."""
        messages = []
        for dispatch in self:
            blockers = dispatch._get_dispatch_blockers()
            if blockers:
                lines = "\n".join(f"- {b}" for b in blockers)
                messages.append(f"{dispatch.name}:\n{lines}")
        if messages:
            raise UserError(
                self.env._(
                    "“%(action)s” is not possible until the trip passes its checks:\n%(blockers)s",
                    action=action,
                    blockers="\n".join(messages),
                )
            )

    def action_return(self):
        self._check_state(("onsite",), self.env._("Returned"))
        self._check_my_trip()
        self._raise_blockers(self.env._("Returned"))
        self._aftersales_gate_write({"state": "returned", "returned_at": fields.Datetime.now()})
        return True

    def action_close(self):
        self._check_state(("returned",), self.env._("Close"))
        self._raise_blockers(self.env._("Close"))
        pending = self.expense_sheet_ids.filtered(
            lambda s: not s.advance
            and s.approval_state != "cancel"
            and not s.aftersales_reviewed_by
        )
        if pending:
            raise UserError(
                self.env._(
                    "The after-sales manager has not reviewed these expense reports yet: "
                    "%(sheets)s",
                    sheets=", ".join(pending.mapped("name")),
                )
            )
        self._aftersales_gate_write({"state": "closed"})
        return True

    def action_cancel(self):
        self._check_state(("draft", "confirmed"), self.env._("Cancel"))
        self._aftersales_gate_write({"state": "cancel"})
        return True

    def action_draft(self):
        self._check_state(("cancel", "confirmed"), self.env._("Reset to Draft"))
        self._aftersales_gate_write({"state": "draft"})
        return True

    def action_approve_serve_first(self):
        """R28: the after-sales manager lets an urgent paid request be served before payment."""
        for dispatch in self:
            if not dispatch.company_id._aftersales_is_decider("manager"):
                raise AccessError(
                    self.env._("Only the after-sales manager can approve serving first.")
                )
            if not dispatch.serve_first_reason:
                raise UserError(
                    self.env._(
                        "Dispatch %(name)s: state why the request must be served before payment.",
                        name=dispatch.name,
                    )
                )
        self._aftersales_gate_write(
            {
                "serve_first_approved_by": self.env.uid,
                "serve_first_approved_at": fields.Datetime.now(),
            }
        )
        return True

    def action_plan_agreed(self):
        """R22: the customer's technicians confirm the repair plan."""
        self._record_plan("agreed")
        return True

    def action_plan_disagreed(self):
        """R22: a disagreement goes to the engineering manager for a decision."""
        for dispatch in self:
            if not dispatch.plan_disagreement:
                raise UserError(
                    self.env._(
                        "Dispatch %(name)s: describe the disagreement first.", name=dispatch.name
                    )
                )
        self._record_plan("disagreed")
        for dispatch in self:
            manager = dispatch.company_id._aftersales_engineering_manager()
            dispatch.activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=manager.id or self.env.uid,
                summary=self.env._("Repair plan disputed by the customer"),
                note=self.env._(
                    "%(who)s disagree with the repair plan: %(why)s",
                    who=dispatch.plan_confirmed_by,
                    why=dispatch.plan_disagreement,
                ),
            )
        return True

    def _record_plan(self, decision):
        self._check_state(("onsite",), self.env._("Repair plan"))
        self._check_my_trip()
        for dispatch in self:
            if not dispatch.plan_confirmed_by:
                raise UserError(
                    self.env._(
                        "Dispatch %(name)s: enter the customer's technicians who confirm the plan.",
                        name=dispatch.name,
                    )
                )
        self._aftersales_gate_write(
            {"plan_decision": decision, "plan_confirmed_at": fields.Datetime.now()}
        )

    def action_view_expense_sheets(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "hr_expense.action_hr_expense_sheet_all"
        )
        action.update(
            domain=[("aftersales_dispatch_id", "=", self.id)],
            context={
                "default_aftersales_dispatch_id": self.id,
                "default_employee_id": self.lead_employee_id.id,
                "default_name": self.env._("Trip %(name)s", name=self.name),
            },
        )
        return action

    def action_create_advance(self):
        """R20: after-sales issues the cash advance (借款单) to the lead engineer, as an OCA
        employee-advance expense report linked to the trip."""
        self.ensure_one()
        if self.advance_amount <= 0:
            raise UserError(self.env._("Enter the amount of the cash advance first."))
        if not self.lead_employee_id:
            raise UserError(self.env._("Choose the lead engineer who receives the advance."))
        if self.expense_sheet_ids.filtered(lambda s: s.advance and s.approval_state != "cancel"):
            raise UserError(self.env._("This trip already has a cash advance."))
        product = self.env["hr.expense"]._get_product_advance()
        if not product or not product.property_account_expense_id:
            raise UserError(
                self.env._(
                    "Set the payable account of the employee advance product before issuing "
                    "advances."
                )
            )
        label = self.env._("Cash advance for trip %(name)s", name=self.name)
        expense = self.env["hr.expense"].create(
            {
                "name": label,
                "employee_id": self.lead_employee_id.id,
                "product_id": product.id,
                "total_amount_currency": self.advance_amount,
                "advance": True,
                "payment_mode": "own_account",
                "company_id": self.company_id.id,
            }
        )
        sheet = self.env["hr.expense.sheet"].create(
            {
                "name": label,
                "employee_id": self.lead_employee_id.id,
                "expense_line_ids": [(6, 0, expense.ids)],
                "advance": True,
                "aftersales_dispatch_id": self.id,
                "company_id": self.company_id.id,
            }
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "hr.expense.sheet",
            "res_id": sheet.id,
            "view_mode": "form",
            "views": [(False, "form")],
        }
