from odoo import api, models


class AftersalesDispatch(models.Model):
    _inherit = "aftersales.dispatch"

    @api.depends(
        "ticket_id.aftersales_service_order_ids.state",
        "ticket_id.aftersales_service_order_ids.amount_total",
        "ticket_id.aftersales_invoice_ids.state",
        "ticket_id.aftersales_invoice_ids.payment_state",
    )
    def _compute_payment_ok(self):
        return super()._compute_payment_ok()

    def _get_dispatch_blockers(self):
        """R28: a paid request blocks the trip with what is missing (no service order, no
        invoice, invoices short of the order's total, unpaid); an undecided coverage blocks it
        too, even with a serve-first exception, until someone decides it."""
        blockers = super()._get_dispatch_blockers()
        ticket = self.ticket_id
        if not ticket:
            return blockers
        if self._payment_ok() and not ticket.coverage:
            blockers.append(ticket._aftersales_coverage_blocker())
        return blockers

    def _get_payment_blockers(self):
        return self.ticket_id._aftersales_payment_blockers()

    def action_return(self):
        """The trip's return ends the service: a paid service served first is due from that
        day (R28). The first return counts; a later trip does not move the due date."""
        result = super().action_return()
        ended = self.env["helpdesk.ticket"].sudo()
        for dispatch in self:
            ticket = dispatch.ticket_id.sudo()
            if not ticket.aftersales_service_end_date:
                ticket.aftersales_service_end_date = dispatch.company_id._aftersales_today(
                    dispatch.returned_at
                )
                ended |= ticket
        # Invoices posted before the trip (served first) are now due N days after it.
        ended.aftersales_invoice_ids.filtered(
            lambda move: move.state == "posted"
        )._aftersales_apply_service_due_date()
        return result
