from datetime import timedelta

from odoo import api, fields, models

from odoo.addons.aftersales_service.tools.access import internal_only
from odoo.addons.aftersales_service.tools.counting import count_by

from .account_move_collection import OPEN_PAYMENT_STATES


class HelpdeskTicket(models.Model):
    """Paid service requests and their invoices (R28)."""

    _inherit = "helpdesk.ticket"

    aftersales_invoice_ids = fields.One2many(
        "account.move", "aftersales_ticket_id", string="Service Invoices"
    )
    aftersales_invoice_count = fields.Integer(compute="_compute_aftersales_invoice_count")
    aftersales_service_order_ids = fields.One2many(
        "sale.order", "aftersales_ticket_id", string="Service Orders"
    )
    aftersales_service_end_date = fields.Date(
        string="Service Ended On",
        tracking=True,
        copy=False,
        help="Day the service trip returned; a paid service served first is due from it.",
    )
    aftersales_payment_due_date = fields.Date(
        string="Payment Due",
        compute="_compute_aftersales_payment_due_date",
        help="Service end plus the company's payment term for paid services (R28: 15 days).",
    )

    @api.depends("aftersales_invoice_ids")
    def _compute_aftersales_invoice_count(self):
        counts = count_by(self.env["account.move"], "aftersales_ticket_id", self.ids)
        for ticket in self:
            ticket.aftersales_invoice_count = counts.get(ticket.id, 0)

    @api.depends(
        "aftersales_service_end_date", "coverage", "company_id.aftersales_paid_service_due_days"
    )
    def _compute_aftersales_payment_due_date(self):
        for ticket in self:
            ticket.aftersales_payment_due_date = ticket._aftersales_payment_due_date()

    def _aftersales_payment_due_date(self):
        if len(self) != 1 or self.coverage != "paid" or not self.aftersales_service_end_date:
            return False
        days = self.company_id.aftersales_paid_service_due_days
        return self.aftersales_service_end_date + timedelta(days=days)

    def _aftersales_payment_ok(self):
        """R28: a request may be served once it is free, or paid and its service orders are
        invoiced and paid (see :meth:`_aftersales_payment_blockers`). A request whose coverage
        is still undecided is not free."""
        self.ensure_one()
        if not self.coverage:
            return False
        return super()._aftersales_payment_ok() or not self._aftersales_payment_blockers()

    def _aftersales_coverage_blocker(self):
        return self.env._(
            "Request %(request)s: its coverage (free or paid) is not decided yet; decide it "
            "before the trip.",
            request=self.display_name,
        )

    def _aftersales_payment_blockers(self):
        """What the request still lacks before it may be served, as translated sentences;
        empty when it is free, or paid and paid for.

        Paid (R25, R28) means: the customer confirmed the service order (the agreement), its
        posted invoices cover the order's total, and every posted invoice of the request is
        paid or in payment. An invoice made by hand for the request (no sale order) counts as
        the agreement's invoice when no service order is confirmed."""
        self.ensure_one()
        if not self.coverage:
            return [self._aftersales_coverage_blocker()]
        if self.coverage != "paid":
            return []
        ticket = self.sudo()  # a dispatcher reads the payment, not the accounts
        request = self.display_name
        orders = ticket.aftersales_service_order_ids
        confirmed = orders.filtered(lambda o: o.state == "sale")
        posted = (
            confirmed.order_line.invoice_lines.move_id | ticket.aftersales_invoice_ids
        ).filtered(lambda m: m.state == "posted" and m.move_type in ("out_invoice", "out_refund"))
        manual = posted.filtered(
            lambda m: m.move_type == "out_invoice" and not m.invoice_line_ids.sale_line_ids
        )
        if not confirmed and not manual:
            quotations = orders.filtered(lambda o: o.state in ("draft", "sent"))
            if quotations:
                return [
                    self.env._(
                        "Request %(request)s is paid service: no payment received; the customer "
                        "has not confirmed the service order %(orders)s yet (R25).",
                        request=request,
                        orders=", ".join(quotations.mapped("name")),
                    )
                ]
            return [
                self.env._(
                    "Request %(request)s is paid service: no payment received, no service order "
                    "confirmed and nothing invoiced (R25).",
                    request=request,
                )
            ]
        blockers = []
        for order in confirmed:
            currency = order.currency_id
            if currency.is_zero(order.amount_total):
                continue
            lines = order.order_line.invoice_lines.filtered(lambda line: line.move_id in posted)
            if not lines.move_id.filtered(lambda m: m.move_type == "out_invoice"):
                blockers.append(
                    self.env._(
                        "Request %(request)s is paid service: service order %(order)s "
                        "(%(total)s) has no posted invoice.",
                        request=request,
                        order=order.name,
                        total=currency.format(order.amount_total),
                    )
                )
                continue
            invoiced = sum(
                line.currency_id._convert(
                    line.price_total * (-1 if line.move_id.move_type == "out_refund" else 1),
                    currency,
                    order.company_id,
                    line.move_id.invoice_date or order.company_id._aftersales_today(),
                )
                for line in lines
            )
            if currency.compare_amounts(invoiced, order.amount_total) < 0:
                blockers.append(
                    self.env._(
                        "Request %(request)s is paid service: the posted invoices of service order "
                        "%(order)s cover %(invoiced)s of its %(total)s.",
                        request=request,
                        order=order.name,
                        invoiced=currency.format(invoiced),
                        total=currency.format(order.amount_total),
                    )
                )
        for move in posted.filtered(
            lambda m: m.move_type == "out_invoice" and m.payment_state in OPEN_PAYMENT_STATES
        ):
            values = {
                "request": request,
                "invoice": move.name,
                "residual": move.currency_id.format(move.amount_residual),
                "total": move.currency_id.format(move.amount_total),
            }
            if move.payment_state == "partial":
                blockers.append(
                    self.env._(
                        "Request %(request)s is paid service: invoice %(invoice)s is only partly "
                        "paid, %(residual)s of %(total)s still due.",
                        **values,
                    )
                )
            else:
                blockers.append(
                    self.env._(
                        "Request %(request)s is paid service: no payment received for invoice "
                        "%(invoice)s (%(total)s).",
                        **values,
                    )
                )
        return blockers

    def _aftersales_collector(self):
        """Who chases the request's money: its assignee, else the company's after-sales
        manager (the deciders helper)."""
        self.ensure_one()
        user = self.user_id
        if user.active and not user.share:
            return user
        return (self.company_id or self.env.company)._aftersales_decider("manager")

    @internal_only()
    def action_view_aftersales_invoices(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "account.action_move_out_invoice_type"
        )
        action.update(
            name=self.env._("Service Invoices"),
            domain=[("aftersales_ticket_id", "=", self.id)],
            context={
                "default_move_type": "out_invoice",
                "default_aftersales_ticket_id": self.id,
                "default_aftersales_project_id": self.aftersales_project_id.id,
                "default_partner_id": self.partner_id.commercial_partner_id.id,
            },
        )
        return action
