from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

MARGIN_STATES = [
    ("below", "Below Target"),
    ("in_range", "In Target Range"),
    ("above", "Above Target"),
]


class SaleOrder(models.Model):
    """The quotation of a paid repair is its service order (R25)."""

    _name = "sale.order"
    _inherit = ["sale.order", "aftersales.gate.mixin"]
    # R26: set only by the approval of management. Guarded on every order: an order becomes a
    # service order once its repair links it, so an approval written before would slip through.
    _aftersales_gated_fields = (
        "aftersales_approved_by_id",
        "aftersales_approved_at",
        "aftersales_approved_amount",
    )

    aftersales_is_service_order = fields.Boolean(
        string="After-sales Service Order",
        compute="_compute_aftersales_is_service_order",
        store=True,
    )
    aftersales_ticket_id = fields.Many2one(
        "helpdesk.ticket",
        string="Service Request",
        compute="_compute_aftersales_is_service_order",
        store=True,
        readonly=False,
        index="btree_not_null",
        help="The request this quotation answers: taken from its repairs, or linked by hand; "
        "sending it stops the request's quotation clock (R12).",
    )
    aftersales_cost = fields.Monetary(
        string="Company Cost",
        compute="_compute_aftersales_margin",
        help="Cost price of the products and services quoted.",
    )
    aftersales_margin = fields.Monetary(string="Margin", compute="_compute_aftersales_margin")
    aftersales_margin_percent = fields.Float(
        string="Margin (%)", compute="_compute_aftersales_margin", digits=(16, 1)
    )
    aftersales_margin_state = fields.Selection(
        MARGIN_STATES, string="Margin Check", compute="_compute_aftersales_margin"
    )
    aftersales_needs_approval = fields.Boolean(
        string="Needs Manager Approval",
        compute="_compute_aftersales_needs_approval",
        help="Above the company's amount threshold a service order is approved by the "
        "after-sales manager before it is sent (R26).",
    )
    aftersales_approved_by_id = fields.Many2one(
        "res.users", string="Approved By", readonly=True, copy=False, tracking=True
    )
    aftersales_approved_at = fields.Datetime(string="Approved At", readonly=True, copy=False)
    aftersales_approved_amount = fields.Monetary(
        string="Approved Amount",
        readonly=True,
        copy=False,
        help="Untaxed amount the manager approved; a higher amount needs a new approval.",
    )

    @api.depends("repair_order_ids.ticket_id")
    def _compute_aftersales_is_service_order(self):
        for order in self:
            repairs = order.sudo().repair_order_ids
            order.aftersales_is_service_order = bool(repairs)
            # A quotation linked to the request by hand keeps its link (R12).
            order.aftersales_ticket_id = repairs.ticket_id[:1] or order.aftersales_ticket_id

    @api.depends(
        "order_line.product_id",
        "order_line.product_uom_qty",
        "order_line.product_uom",
        "amount_untaxed",
        "company_id.aftersales_margin_min",
        "company_id.aftersales_margin_max",
    )
    def _compute_aftersales_margin(self):
        # R27: after-sales should make a profit, the margin in the middle-to-high range.
        for order in self:
            cost = sum(
                line.product_id.standard_price
                * line.product_uom._compute_quantity(line.product_uom_qty, line.product_id.uom_id)
                for line in order.order_line
                if line.product_id and not line.display_type
            )
            margin = order.amount_untaxed - cost
            percent = margin / order.amount_untaxed * 100 if order.amount_untaxed else 0.0
            order.aftersales_cost = cost
            order.aftersales_margin = margin
            order.aftersales_margin_percent = percent
            if not order.aftersales_is_service_order or not order.amount_untaxed:
                order.aftersales_margin_state = False
            elif percent < order.company_id.aftersales_margin_min:
                order.aftersales_margin_state = "below"
            elif percent > order.company_id.aftersales_margin_max:
                order.aftersales_margin_state = "above"
            else:
                order.aftersales_margin_state = "in_range"

    @api.depends(
        "amount_untaxed",
        "aftersales_is_service_order",
        "company_id.aftersales_quote_approval_amount",
    )
    def _compute_aftersales_needs_approval(self):
        for order in self:
            order.aftersales_needs_approval = (
                order.aftersales_is_service_order
                and order.currency_id.compare_amounts(
                    order.amount_untaxed, order.company_id.aftersales_quote_approval_amount
                )
                > 0
            )

    def _aftersales_approval_missing(self):
        return self.filtered(
            lambda o: o.aftersales_needs_approval
            and (
                not o.aftersales_approved_by_id
                or o.currency_id.compare_amounts(o.amount_untaxed, o.aftersales_approved_amount) > 0
            )
        )

    def action_aftersales_approve(self):
        """Management (上级领导) approves a large service order (R26)."""
        for order in self:
            if not order.company_id._aftersales_is_decider("management"):
                raise AccessError(self.env._("Only management can approve a large service order."))
            if not order.aftersales_is_service_order:
                raise UserError(
                    self.env._("%(order)s is not an after-sales service order.", order=order.name)
                )
        for order in self:
            order._aftersales_gate_write(
                {
                    "aftersales_approved_by_id": self.env.uid,
                    "aftersales_approved_at": fields.Datetime.now(),
                    "aftersales_approved_amount": order.amount_untaxed,
                },
                access="read",
            )
        return True

    def _aftersales_raise_unapproved(self):
        missing = self._aftersales_approval_missing()
        if missing:
            raise UserError(
                self.env._(
                    "Service order %(orders)s exceeds %(amount)s and needs the after-sales "
                    "manager's approval before it is sent or confirmed.",
                    orders=", ".join(missing.mapped("name")),
                    amount=missing[0].company_id.aftersales_quote_approval_amount,
                )
            )

    def action_quotation_send(self):
        self._aftersales_raise_unapproved()
        return super().action_quotation_send()

    def _confirmation_error_message(self):
        if self._aftersales_approval_missing():
            return self.env._("This service order needs the after-sales manager's approval first.")
        return super()._confirmation_error_message()

    def _action_confirm(self):
        result = super()._action_confirm()
        # R13: the day the customer's order takes effect, the parts go to the warehouse and
        # what is missing to purchasing: resolve the parts not resolved yet.
        repairs = self.sudo().repair_order_ids.filtered(
            lambda r: r.state in ("draft", "confirmed")
            and any(not m.aftersales_decision for m in r._aftersales_part_lines())
        )
        for repair in repairs.sudo(False):
            repair._aftersales_resolve_parts()
        return result

    def write(self, vals):
        if vals.get("state") == "sent":
            self._aftersales_raise_unapproved()
        # R12: any quotation linked to the request, sent (or confirmed unsent), is its quotation.
        if vals.get("state") in ("sent", "sale"):
            quoting = self.filtered(lambda o: o.state == "draft" and o.aftersales_ticket_id)
        else:
            quoting = self.browse()
        result = super().write(vals)
        tickets = quoting.aftersales_ticket_id.filtered(lambda t: not t.quoted_at)
        if tickets:
            tickets.sudo().write({"quoted_at": fields.Datetime.now()})
        return result
