from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

MEASURES = [
    ("letter", "Formal reminder letter"),
    ("visit", "Visit by management"),
    ("legal", "Legal action"),
]
# R33: stronger measures as the item stays overdue, in multiples of the company's escalation
# delay: a letter up to twice the delay, a visit by management up to four times, then legal action.
LETTER_UNTIL_DELAYS = 2
VISIT_UNTIL_DELAYS = 4


class AftersalesRetentionEscalation(models.Model):
    """R33: overdue retention money without a quality dispute is reported to management with a
    proposed collection measure; an after-sales manager approves or refuses it, and the decision
    is logged on the project."""

    _name = "aftersales.retention.escalation"
    _description = "Retention Escalation"
    _inherit = [
        "aftersales.collection.item.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "aftersales.gate.mixin",
    ]
    _order = "create_date desc, id desc"
    _check_company_auto = True
    # R33: approved or refused only by management's decision.
    _aftersales_gated_fields = ("state", "decided_by_id", "decided_on")

    # What is overdue: retention money, or a final contract invoice (R33).
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
        readonly=True,
    )
    project_id = fields.Many2one(
        "aftersales.project", compute="_compute_item_links", store=True, index=True, precompute=True
    )
    partner_id = fields.Many2one("res.partner", compute="_compute_item_values", string="Customer")
    company_id = fields.Many2one(
        "res.company", compute="_compute_item_links", store=True, index=True, precompute=True
    )
    currency_id = fields.Many2one("res.currency", compute="_compute_item_values")
    amount = fields.Monetary(compute="_compute_item_values")
    overdue_days = fields.Integer(string="Days Overdue", readonly=True)
    measure = fields.Selection(MEASURES, string="Proposed Measure", required=True, tracking=True)
    proposal = fields.Text()
    state = fields.Selection(
        [("proposed", "Proposed"), ("approved", "Approved"), ("refused", "Refused")],
        default="proposed",
        required=True,
        tracking=True,
        index=True,
        copy=False,
    )
    decided_by_id = fields.Many2one("res.users", string="Decided By", readonly=True, copy=False)
    decided_on = fields.Date(readonly=True, copy=False)
    decision_note = fields.Text()

    _sql_constraints = [
        (
            "one_item",
            "CHECK((retention_id IS NULL) != (move_id IS NULL))",
            "An escalation is about either retention money or a final invoice.",
        ),
    ]

    @api.depends("retention_id.amount", "move_id.amount_residual")
    def _compute_item_values(self):
        for escalation in self:
            retention, move = escalation.retention_id, escalation.move_id
            escalation.partner_id = retention.partner_id or move.commercial_partner_id
            escalation.currency_id = escalation._item().currency_id
            escalation.amount = retention.amount if retention else move.amount_residual

    @api.model
    def _measure_for(self, late_days, company):
        """The measure proposed for an item `late_days` overdue: a letter first, then a visit
        by management, then legal action, in steps of the company's escalation delay."""
        delay = max(company.aftersales_escalation_days, 1)
        if late_days <= LETTER_UNTIL_DELAYS * delay:
            return "letter"
        return "visit" if late_days <= VISIT_UNTIL_DELAYS * delay else "legal"

    def _compute_display_name(self):
        for escalation in self:
            escalation.display_name = self.env._(
                "Escalation of %(retention)s", retention=escalation._item_name()
            )

    def _notify_management(self):
        """Log each proposal on its project and give management (上级领导) an activity."""
        for escalation in self:
            escalation.project_id.message_post(body=escalation._log_line(self.env._("proposed")))
            for manager in escalation.company_id._aftersales_decider("management"):
                escalation.activity_schedule(
                    "mail.mail_activity_data_todo",
                    user_id=manager.id,
                    summary=self.env._(
                        "Approve or refuse the escalation of %(project)s",
                        project=escalation.project_id.name,
                    ),
                )

    def _log_line(self, verb):
        measure = dict(self._fields["measure"]._description_selection(self.env))[self.measure]
        if self.move_id:
            return Markup("%s") % self.env._(
                "Escalation of final invoice %(invoice)s (%(days)s days overdue, %(amount)s "
                "%(currency)s) %(verb)s: %(measure)s.",
                invoice=self.move_id.name,
                days=self.overdue_days,
                amount=self.amount,
                currency=self.currency_id.name,
                verb=verb,
                measure=measure,
            )
        return Markup("%s") % self.env._(
            "Escalation of retention %(retention)s (%(days)s days overdue, %(amount)s "
            "%(currency)s) %(verb)s: %(measure)s.",
            retention=self.retention_id.name,
            days=self.overdue_days,
            amount=self.amount,
            currency=self.currency_id.name,
            verb=verb,
            measure=measure,
        )

    def _check_manager(self):
        if not all(e.company_id._aftersales_is_decider("management") for e in self):
            raise AccessError(self.env._("Only management can decide on an escalation."))
        if self.filtered(lambda e: e.state != "proposed"):
            raise UserError(self.env._("This escalation has already been decided."))

    def _decide(self, state, verb):
        self._check_manager()
        self._aftersales_gate_write(
            {
                "state": state,
                "decided_by_id": self.env.user.id,
                "decided_on": self.env.company._aftersales_today(),
            },
            access="read",
        )
        self.sudo().activity_unlink(["mail.mail_activity_data_todo"])
        for escalation in self:
            escalation.project_id.message_post(body=escalation._log_line(verb))

    def action_approve(self):
        self._decide("approved", self.env._("approved by %s", self.env.user.name))

    def action_refuse(self):
        self._decide("refused", self.env._("refused by %s", self.env.user.name))
        # Back to the ordinary reminders; a refused escalation is not proposed again.
        self.retention_id.filtered(lambda r: r.state == "escalated").sudo().write(
            {"state": "reminded"}
        )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_decided(self):
        if self.filtered(lambda e: e.state != "proposed"):
            raise UserError(
                self.env._("A decided escalation is part of the record and cannot be deleted.")
            )
