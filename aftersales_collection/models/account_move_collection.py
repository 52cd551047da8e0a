from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.osv import expression
from odoo.tools import SQL

from odoo.addons.aftersales_service.tools.access import internal_only

from .aftersales_project_collection import RECEIVABLE_GROUPS

# Payment states of a posted invoice that still has money to collect.
OPEN_PAYMENT_STATES = ("not_paid", "partial")
# Customer invoices with money to collect and no dispute open: an open dispute pauses every
# reminder and escalation until it is resolved (R32).
COLLECTIBLE_DOMAIN = [
    ("move_type", "=", "out_invoice"),
    ("state", "=", "posted"),
    ("payment_state", "in", OPEN_PAYMENT_STATES),
    "!",
    ("aftersales_dispute_ids.state", "=", "open"),
]
OVERDUE_BATCH_SIZE = 500


class AccountMove(models.Model):
    """Contract invoices and payments filed under their after-sales project (R29); paid service
    invoices linked to their request and due 15 days after the service ends (R28)."""

    _name = "account.move"
    _inherit = ["account.move", "aftersales.gate.mixin"]
    # What the collection's crons did (R28 overdue reminder, R34 ageing alert, R29 payment
    # notice): written by them alone, so that nobody silences the next one.
    _aftersales_gated_fields = (
        "aftersales_overdue_reminded_on",
        "aftersales_ageing_alerted_on",
        "aftersales_notice_sent_on",
    )

    # Both links follow the sale orders of the invoice lines: the invoice of a repair's service
    # order belongs to its request and project, the invoice of a project's contract to the
    # project. An invoice made by hand (no sale order) keeps the link its author sets.
    aftersales_project_id = fields.Many2one(
        "aftersales.project",
        string="After-sales Project",
        compute="_compute_aftersales_links",
        store=True,
        readonly=False,
        index="btree_not_null",
        tracking=True,
        check_company=True,
        copy=False,
    )
    aftersales_ticket_id = fields.Many2one(
        "helpdesk.ticket",
        string="Service Request",
        compute="_compute_aftersales_links",
        store=True,
        readonly=False,
        index="btree_not_null",
        tracking=True,
        check_company=True,
        copy=False,
        help="The paid service request this invoice bills: the request of the invoiced service "
        "order, or the one set by hand on an invoice made without a sale order.",
    )
    aftersales_overdue_reminded_on = fields.Date(
        string="Overdue Reminder Sent On",
        readonly=True,
        copy=False,
        help="Day the overdue paid-service invoice was reminded (once, R28).",
    )
    aftersales_ageing_alerted_on = fields.Date(
        string="Ageing Limit Alerted On",
        readonly=True,
        copy=False,
        help="Day the invoice crossed the ageing limit and alerted the after-sales manager (R34).",
    )
    aftersales_notice_sent_on = fields.Date(
        string="Payment Notice Sent On",
        readonly=True,
        copy=False,
        help="Last day the project's payment notice was sent for this invoice from the ageing.",
    )
    # R32, R33 for final contract payments: the same dispute and escalation records as
    # retention money.
    aftersales_dispute_ids = fields.One2many(
        "aftersales.retention.dispute", "move_id", string="After-sales Disputes"
    )
    aftersales_escalation_ids = fields.One2many(
        "aftersales.retention.escalation", "move_id", string="After-sales Escalations"
    )
    aftersales_retention_ids = fields.One2many(
        "aftersales.retention",
        "move_id",
        string="Retention Money Invoiced",
        groups=RECEIVABLE_GROUPS,
    )

    @api.depends(
        "invoice_line_ids.sale_line_ids.order_id.aftersales_ticket_id.aftersales_project_id"
    )
    def _compute_aftersales_links(self):
        orders = self.invoice_line_ids.sale_line_ids.order_id
        contracts = {}
        if orders:
            for project in (
                self.env["aftersales.project"]
                .sudo()
                .search([("sale_order_id", "in", orders.ids)], order="id")
            ):
                contracts.setdefault(project.sale_order_id.id, project)
        for move in self:
            move_orders = move.invoice_line_ids.sale_line_ids.order_id
            if not move_orders:
                # Made by hand: the link set on the invoice stays.
                move.aftersales_ticket_id = move.aftersales_ticket_id
                move.aftersales_project_id = move.aftersales_project_id
                continue
            ticket = move_orders.aftersales_ticket_id[:1]
            contract_project = next(
                (contracts[order.id] for order in move_orders if order.id in contracts), None
            )
            move.aftersales_ticket_id = ticket
            move.aftersales_project_id = (
                ticket.aftersales_project_id or contract_project or move.aftersales_project_id
            )

    @api.constrains("aftersales_ticket_id", "partner_id")
    def _check_aftersales_ticket_customer(self):
        """An invoice made by hand pays a request of its own customer only (R28: its payment
        opens that request's trip)."""
        for move in self:
            ticket = move.aftersales_ticket_id.sudo()  # accounting may not read requests
            if (
                ticket.partner_id
                and not move.invoice_line_ids.sale_line_ids
                and move.commercial_partner_id != ticket.partner_id.commercial_partner_id
            ):
                raise ValidationError(
                    self.env._(
                        "Invoice %(invoice)s is made out to %(customer)s; it cannot pay request "
                        "%(request)s of %(owner)s.",
                        invoice=move.display_name,
                        customer=move.commercial_partner_id.display_name,
                        request=ticket.display_name,
                        owner=ticket.partner_id.commercial_partner_id.display_name,
                    )
                )

    @api.onchange("aftersales_ticket_id")
    def _onchange_aftersales_ticket_id(self):
        ticket = self.aftersales_ticket_id
        if ticket.aftersales_project_id and not self.aftersales_project_id:
            self.aftersales_project_id = ticket.aftersales_project_id
        self._aftersales_apply_service_due_date()

    def _aftersales_apply_service_due_date(self):
        """R28: an invoice of a paid request served before payment is due N calendar days
        (setting, 15) after the service ended, whatever the customer's usual terms.

        A draft gets the due date instead of its payment term; a posted invoice still open
        (made before the trip ended) gets its instalments moved to that day."""
        for move in self:
            due = move.aftersales_ticket_id._aftersales_payment_due_date()
            if not (move.is_sale_document() and due):
                continue
            if move.state == "draft":
                move.invoice_payment_term_id = False
                move.invoice_date_due = due
            elif move.state == "posted" and move.payment_state in OPEN_PAYMENT_STATES:
                terms = move.line_ids.filtered(
                    lambda line: line.display_type == "payment_term" and not line.reconciled
                )
                terms.write({"date_maturity": due})
                move.invoice_date_due = due

    def _post(self, soft=True):
        self.filtered(
            lambda move: move.aftersales_ticket_id and move.state == "draft"
        )._aftersales_apply_service_due_date()
        return super()._post(soft=soft)

    # ------------------------------------------------------------------ overdue reminder (R28)
    @api.model
    def _aftersales_overdue_domain(self, today):
        """Posted invoices of paid services already served, unpaid after their due date and not
        reminded yet."""
        return [
            *COLLECTIBLE_DOMAIN,
            ("aftersales_ticket_id", "!=", False),
            ("aftersales_ticket_id.aftersales_service_end_date", "!=", False),
            ("invoice_date_due", "<", today),
            ("aftersales_overdue_reminded_on", "=", False),
        ]

    @api.model
    def _cron_remind_overdue_paid_services(self, batch_size=OVERDUE_BATCH_SIZE):
        """Daily: one activity per request whose served, paid-service invoices are overdue
        (R28), for the request's assignee, else the company's after-sales manager. Each invoice
        is reminded once; the cron runner calls again while the progress reports work left."""
        today = self.env.company._aftersales_today()
        overdue = self.search(
            self._aftersales_overdue_domain(today), limit=batch_size, order="invoice_date_due, id"
        )
        overdue._aftersales_remind_overdue()
        remaining = 0
        if len(overdue) == batch_size:
            remaining = self.search_count(self._aftersales_overdue_domain(today))
        self.env["ir.cron"]._notify_progress(done=len(overdue), remaining=remaining)
        return remaining

    def _aftersales_remind_overdue(self):
        if not self:
            return
        activity_type = self.env.ref("aftersales_collection.mail_activity_paid_service_overdue")
        model_id = self.env["ir.model"]._get_id("helpdesk.ticket")
        today = self.env.company._aftersales_today()
        by_ticket = {}
        for move in self:
            by_ticket.setdefault(move.aftersales_ticket_id, self.browse())
            by_ticket[move.aftersales_ticket_id] |= move
        values = []
        for ticket, moves in by_ticket.items():
            lines = []
            for move in moves:
                lines.append(
                    self.env._(
                        "%(invoice)s: %(residual)s due since %(due)s",
                        invoice=move.name,
                        residual=move.currency_id.format(move.amount_residual),
                        due=move.invoice_date_due,
                    )
                )
            values.append(
                {
                    "res_model_id": model_id,
                    "res_id": ticket.id,
                    "activity_type_id": activity_type.id,
                    "automated": True,
                    "user_id": ticket._aftersales_collector().id,
                    "date_deadline": today,
                    "summary": self.env._(
                        "Collect the overdue paid service of %(request)s",
                        request=ticket.display_name,
                    ),
                    "note": self.env._(
                        "The service ended on %(end)s and was to be paid within %(days)s days "
                        "(R28). Overdue: %(invoices)s",
                        end=ticket.aftersales_service_end_date,
                        days=ticket.company_id.aftersales_paid_service_due_days,
                        invoices="; ".join(lines),
                    ),
                }
            )
        self.env["mail.activity"].sudo().create(values)
        self._aftersales_gate_write({"aftersales_overdue_reminded_on": today})

    # ------------------------------------------------------------------ final payments (R32, R33)
    @api.model
    def _aftersales_final_escalation_domain(self, today):
        """Final contract invoices (of a project, not of a paid service request, not the
        invoice of retention money) unpaid for longer than the company's escalation delay after
        their due date, no dispute open, never escalated (R33)."""
        per_company = [
            [
                ("company_id", "=", company.id),
                (
                    "invoice_date_due",
                    "<",
                    today - relativedelta(days=company.aftersales_escalation_days),
                ),
            ]
            for company in self.env["res.company"].sudo().search([])
        ]
        return expression.AND(
            [
                [
                    *COLLECTIBLE_DOMAIN,
                    ("aftersales_project_id", "!=", False),
                    ("aftersales_ticket_id", "=", False),
                    ("aftersales_escalation_ids", "=", False),
                    ("aftersales_retention_ids", "=", False),
                ],
                expression.OR(per_company) if per_company else expression.FALSE_DOMAIN,
            ]
        )

    @api.model
    def _cron_escalate_final_payments(self, batch_size=OVERDUE_BATCH_SIZE):
        """Daily: overdue final payments without a quality dispute are proposed to management
        for stronger collection measures (R33), once each, in batches (the cron runner commits
        and calls again while the progress reports work left)."""
        today = self.env.company._aftersales_today()
        overdue = self.search(
            self._aftersales_final_escalation_domain(today),
            limit=batch_size,
            order="invoice_date_due, id",
        )
        overdue._aftersales_escalate(today)
        remaining = 0
        if len(overdue) == batch_size:
            remaining = self.search_count(self._aftersales_final_escalation_domain(today))
        self.env["ir.cron"]._notify_progress(done=len(overdue), remaining=remaining)
        return remaining

    def _aftersales_escalate(self, today):
        Escalation = self.env["aftersales.retention.escalation"]
        if not self:
            return Escalation
        escalations = Escalation.sudo().create(
            [
                {
                    "move_id": move.id,
                    "overdue_days": (today - move.invoice_date_due).days,
                    "measure": Escalation._measure_for(
                        (today - move.invoice_date_due).days, move.company_id
                    ),
                }
                for move in self
            ]
        )
        escalations._notify_management()
        return escalations

    @internal_only("aftersales_service.group_aftersales_user")
    def action_aftersales_open_dispute(self):
        """R32: the customer refuses to pay this final invoice citing quality."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Dispute"),
            "res_model": "aftersales.retention.dispute",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
            "context": {"default_move_id": self.id},
        }

    def _aftersales_send_payment_notices(self):
        """The payment notice of the projects of these invoices, once a day per invoice: the
        invoices are locked first (`FOR UPDATE SKIP LOCKED`) and marked in the same transaction
        as the queued e-mails, so a second sender skips them (R29)."""
        if not self:
            return self
        today = self.env.company._aftersales_today()
        self.flush_recordset(["aftersales_notice_sent_on"])
        self.env.cr.execute(
            SQL(
                "SELECT id FROM account_move WHERE id IN %s AND aftersales_project_id IS NOT NULL "
                "AND (aftersales_notice_sent_on IS NULL OR aftersales_notice_sent_on < %s) "
                "ORDER BY id FOR UPDATE SKIP LOCKED",
                tuple(self.ids),
                today,
            )
        )
        locked = self.browse([row[0] for row in self.env.cr.fetchall()])
        self.invalidate_recordset(["aftersales_notice_sent_on"])
        template = self.env.ref("aftersales_collection.mail_template_payment_notice")
        for project in locked.sudo().aftersales_project_id.with_env(self.env):
            project.message_post_with_source(template, subtype_xmlid="mail.mt_comment")
        locked.sudo().write({"aftersales_notice_sent_on": today})
        return locked
