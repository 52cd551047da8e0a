from odoo import _, api, fields, models
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
    _inherit = ["mail.thread", "mail.activity.mixin", "aftersales.gate.mixin"]
    _order = "create_date desc, id desc"
    _check_company_auto = True
    # Resolved only by resolving it, which resumes the reminders (R32).
    _aftersales_gated_fields = ("state", "resolved_on", "resume_state")

    retention_id = fields.Many2one(
        "aftersales.retention",
        string="Retention",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    project_id = fields.Many2one(related="retention_id.project_id", store=True, index=True)
    company_id = fields.Many2one(related="retention_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="retention_id.currency_id")
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
    agreed_amount = fields.Monetary(string="Agreed Amount", tracking=True)
    resolution = fields.Text()
    resolved_on = fields.Date(readonly=True, copy=False)
    resume_state = fields.Selection(
        [("pending", "Pending"), ("reminded", "Reminded")],
        readonly=True,
        copy=False,
        help="State the retention returns to when the dispute is resolved.",
    )

    @api.depends("retention_id.name", "ticket_id")
    def _compute_display_name(self):
        for dispute in self:
            dispute.display_name = _(
                "Dispute on %(retention)s", retention=dispute.retention_id.name or "…"
            )

    @api.model_create_multi
    def create(self, vals_list):
        disputes = super().create(vals_list)
        for dispute in disputes:
            retention = dispute.retention_id
            if retention.state not in ("pending", "reminded", "escalated"):
                raise UserError(
                    _(
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
                body=_(
                    "Dispute opened under request %(ticket)s: reminders are paused.",
                    ticket=dispute.ticket_id.display_name,
                )
            )
        return disputes

    def action_resolve(self):
        for dispute in self:
            if dispute.state != "open":
                raise UserError(_("This dispute is already resolved."))
            if not dispute.outcome:
                raise UserError(_("Record the outcome before resolving the dispute."))
            if dispute.outcome == "amount_reduced" and not (
                0 < dispute.agreed_amount < dispute.retention_id.amount
            ):
                raise UserError(
                    _(
                        "A reduced settlement needs an agreed amount between zero and "
                        "%(amount)s.",
                        amount=dispute.retention_id.amount,
                    )
                )
        for dispute in self:
            retention = dispute.retention_id
            if dispute.outcome == "amount_reduced":
                retention.write({"amount_type": "fixed", "amount": dispute.agreed_amount})
            retention._aftersales_gate_write({"state": dispute.resume_state or "pending"})
            dispute._aftersales_gate_write(
                {"state": "resolved", "resolved_on": fields.Date.context_today(self)}
            )
            outcome = dict(self._fields["outcome"]._description_selection(self.env))[dispute.outcome]
            retention.message_post(
                body=_("Dispute resolved: %(outcome)s. Reminders resume.", outcome=outcome)
            )
