from odoo import api, fields, models
from odoo.exceptions import UserError

OUTCOMES = [
    ("claim_fixed", "Quality problem confirmed and fixed; customer pays"),
    ("claim_rejected", "No quality problem found; customer pays"),
    ("amount_reduced", "Settled with a reduced amount"),
]


class AftersalesRetentionDispute(models.Model):
    """R32: the customer refuses to pay citing quality. After-sales verifies it through a service
    request, acts and resolves; while the dispute is open the reminders of the retention pause."""

    _name = "aftersales.retention.dispute"
    _description = "Retention Dispute"
    _inherit = [
        "aftersales.collection.item.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "aftersales.gate.mixin",
    ]
    _order = "create_date desc, id desc"
    _check_company_auto = True
    # Resolved only by resolving it, which resumes the reminders (R32).
    _aftersales_gated_fields = ("state", "resolved_on", "resume_state")

    # What the customer refuses to pay: retention money, or a final contract invoice (R32).
    retention_id = fields.Many2one(
        "aftersales.retention",
        string="Retention",
        index="btree_not_null",
        ondelete="cascade",
        check_company=True,
    )
    move_id = fields.Many2one(
        "account.move",
        string="Final Invoice",
        index="btree_not_null",
        ondelete="cascade",
        check_company=True,
        domain="[('move_type', '=', 'out_invoice'), ('state', '=', 'posted'), "
        "('aftersales_project_id', '!=', False), ('payment_state', 'in', ('not_paid', 'partial'))]",
    )
    project_id = fields.Many2one(
        "aftersales.project",
        compute="_compute_item_links",
        store=True,
        index=True,
        precompute=True,
    )
    company_id = fields.Many2one(
        "res.company", compute="_compute_item_links", store=True, index=True, precompute=True
    )
    currency_id = fields.Many2one("res.currency", compute="_compute_currency_id")
    ticket_id = fields.Many2one(
        "helpdesk.ticket",
        string="Service Request",
        required=True,
        tracking=True,
        check_company=True,
        domain="[('aftersales_project_id', '=', project_id)]",
        help="The request under which the claimed quality problem is verified and fixed.",
    )
    reason = fields.Text(string="Customer's Claim", required=True)
    state = fields.Selection(
        [("open", "Open"), ("resolved", "Resolved")],
        default="open",
        required=True,
        tracking=True,
        index=True,
        copy=False,
    )
    outcome = fields.Selection(OUTCOMES, tracking=True)
    agreed_amount = fields.Monetary(tracking=True)
    resolution = fields.Text()
    resolved_on = fields.Date(readonly=True, copy=False)
    resume_state = fields.Selection(
        [("pending", "Pending"), ("reminded", "Reminded")],
        readonly=True,
        copy=False,
        help="State the retention returns to when the dispute is resolved.",
    )

    _sql_constraints = [
        (
            "one_item",
            "CHECK((retention_id IS NULL) != (move_id IS NULL))",
            "A dispute is about either retention money or a final invoice.",
        ),
    ]

    @api.depends("retention_id.currency_id", "move_id.currency_id")
    def _compute_currency_id(self):
        for dispute in self:
            dispute.currency_id = dispute._item().currency_id

    @api.depends("retention_id.name", "move_id.name", "ticket_id")
    def _compute_display_name(self):
        for dispute in self:
            dispute.display_name = self.env._(
                "Dispute on %(retention)s",
                retention=dispute._item_name(),
            )

    def _open_on_invoice(self):
        """R32 for a final invoice: posted, still to be paid, of a project, no other dispute
        open; its overdue reminders and escalation pause while the dispute is open."""
        move = self.move_id.sudo()  # after-sales reads project invoices; the checks read more
        if not (
            move.move_type == "out_invoice"
            and move.state == "posted"
            and move.aftersales_project_id
            and move.payment_state in ("not_paid", "partial")
        ):
            raise UserError(
                self.env._(
                    "Invoice %(invoice)s cannot be disputed: only posted, unpaid invoices of a "
                    "project can.",
                    invoice=move.display_name,
                )
            )
        if move.aftersales_dispute_ids.filtered(lambda d: d.state == "open") - self:
            raise UserError(
                self.env._(
                    "Invoice %(invoice)s already has an open dispute.", invoice=move.display_name
                )
            )
        move.message_post(
            body=self.env._(
                "Dispute opened under request %(ticket)s: reminders and escalation are paused.",
                ticket=self.ticket_id.display_name,
            )
        )

    @api.model_create_multi
    def create(self, vals_list):
        disputes = super().create(vals_list)
        for dispute in disputes:
            if dispute.move_id:
                dispute._open_on_invoice()
                continue
            retention = dispute.retention_id
            if retention.state not in ("pending", "reminded", "escalated"):
                raise UserError(
                    self.env._(
                        "Retention %(name)s is %(state)s: it cannot be disputed.",
                        name=retention.name,
                        state=dict(retention._fields["state"]._description_selection(self.env))[
                            retention.state
                        ],
                    )
                )
            dispute.sudo().resume_state = "pending" if not retention.reminded_on else "reminded"
            retention._aftersales_gate_write({"state": "disputed"})
            retention.message_post(
                body=self.env._(
                    "Dispute opened under request %(ticket)s: reminders are paused.",
                    ticket=dispute.ticket_id.display_name,
                )
            )
        return disputes

    def action_resolve(self):
        for dispute in self:
            if dispute.state != "open":
                raise UserError(self.env._("This dispute is already resolved."))
            if not dispute.outcome:
                raise UserError(self.env._("Record the outcome before resolving the dispute."))
            disputed_amount = (
                dispute.retention_id.amount
                if dispute.retention_id
                else dispute.move_id.amount_residual
            )
            if dispute.outcome == "amount_reduced" and not (
                0 < dispute.agreed_amount < disputed_amount
            ):
                raise UserError(
                    self.env._(
                        "A reduced settlement needs an agreed amount between zero and %(amount)s.",
                        amount=disputed_amount,
                    )
                )
        for dispute in self:
            if dispute.move_id:
                dispute._resolve_on_invoice()
                continue
            retention = dispute.retention_id
            if dispute.outcome == "amount_reduced":
                retention.write({"amount_type": "fixed", "amount": dispute.agreed_amount})
            retention._aftersales_gate_write({"state": dispute.resume_state or "pending"})
            dispute._aftersales_gate_write(
                {"state": "resolved", "resolved_on": self.env.company._aftersales_today()}
            )
            outcome = dict(self._fields["outcome"]._description_selection(self.env))[
                dispute.outcome
            ]
            retention.message_post(
                body=self.env._("Dispute resolved: %(outcome)s. Reminders resume.", outcome=outcome)
            )

    def _resolve_on_invoice(self):
        """The outcome is recorded on the invoice; a reduced settlement is booked by a credit
        note of the difference, which accounting issues (the dispute never changes a posted
        invoice)."""
        self._aftersales_gate_write(
            {"state": "resolved", "resolved_on": self.env.company._aftersales_today()}
        )
        outcome = dict(self._fields["outcome"]._description_selection(self.env))[self.outcome]
        body = self.env._("Dispute resolved: %(outcome)s. Reminders resume.", outcome=outcome)
        if self.outcome == "amount_reduced":
            body = self.env._(
                "Dispute resolved: %(outcome)s. Agreed amount %(agreed)s: issue a credit note "
                "of %(difference)s.",
                outcome=outcome,
                agreed=self.move_id.currency_id.format(self.agreed_amount),
                difference=self.move_id.currency_id.format(
                    self.move_id.amount_residual - self.agreed_amount
                ),
            )
        self.move_id.sudo().message_post(body=body)
