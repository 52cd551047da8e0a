from datetime import timedelta

from odoo import _, api, fields, models
from odoo.addons.aftersales_service.tools.access import internal_only


class HelpdeskTicket(models.Model):
    """Paid service requests and their invoices (R28)."""

    _inherit = "helpdesk.ticket"

    aftersales_invoice_ids = fields.One2many(
        "account.move", "aftersales_ticket_id", string="Service Invoices"
    )
    aftersales_invoice_count = fields.Integer(compute="_compute_aftersales_invoice_count")
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
        counts = {
            ticket.id: count
            for ticket, count in self.env["account.move"]._read_group(
                [("aftersales_ticket_id", "in", self.ids)], ["aftersales_ticket_id"], ["__count"]
            )
        }
        for ticket in self:
            ticket.aftersales_invoice_count = counts.get(ticket.id, 0)

    @api.depends("aftersales_service_end_date", "coverage", "company_id.aftersales_paid_service_due_days")
    def _compute_aftersales_payment_due_date(self):
        for ticket in self:
            ticket.aftersales_payment_due_date = ticket._aftersales_payment_due_date()

    def _aftersales_payment_due_date(self):
        if len(self) != 1 or self.coverage != "paid" or not self.aftersales_service_end_date:
            return False
        days = self.company_id.aftersales_paid_service_due_days
        return self.aftersales_service_end_date + timedelta(days=days)

    def _aftersales_payment_ok(self):
        """R28: a paid request is OK once every posted invoice of the request is paid (or the
        base answer, e.g. an approved "serve first" exception, says so)."""
        if super()._aftersales_payment_ok():
            return True
        invoices = self.aftersales_invoice_ids.filtered(
            lambda move: move.state == "posted" and move.move_type == "out_invoice"
        )
        return bool(invoices) and all(
            move.payment_state in ("paid", "in_payment") for move in invoices
        )

    @internal_only()
    def action_view_aftersales_invoices(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("account.action_move_out_invoice_type")
        action.update(
            name=_("Service Invoices"),
            domain=[("aftersales_ticket_id", "=", self.id)],
            context={
                "default_move_type": "out_invoice",
                "default_aftersales_ticket_id": self.id,
                "default_aftersales_project_id": self.aftersales_project_id.id,
                "default_partner_id": self.partner_id.commercial_partner_id.id,
            },
        )
        return action
