from odoo import api, fields, models


class AccountMove(models.Model):
    """Contract invoices and payments filed under their after-sales project (R29); paid service
    invoices linked to their request and due 15 days after the service ends (R28)."""

    _inherit = "account.move"

    aftersales_project_id = fields.Many2one(
        "aftersales.project",
        string="After-sales Project",
        index="btree_not_null",
        tracking=True,
        check_company=True,
        copy=False,
    )
    aftersales_ticket_id = fields.Many2one(
        "helpdesk.ticket",
        string="Service Request",
        index="btree_not_null",
        tracking=True,
        check_company=True,
        copy=False,
        help="The paid service request this invoice bills.",
    )

    @api.onchange("aftersales_ticket_id")
    def _onchange_aftersales_ticket_id(self):
        ticket = self.aftersales_ticket_id
        if ticket.aftersales_project_id and not self.aftersales_project_id:
            self.aftersales_project_id = ticket.aftersales_project_id
        self._aftersales_apply_service_due_date()

    def _aftersales_apply_service_due_date(self):
        """R28: an invoice of a paid request served before payment is due N calendar days
        (setting, 15) after the service ended, whatever the customer's usual terms."""
        for move in self:
            due = move.aftersales_ticket_id._aftersales_payment_due_date()
            if move.is_sale_document() and due:
                move.invoice_payment_term_id = False
                move.invoice_date_due = due

    def _post(self, soft=True):
        self.filtered(
            lambda move: move.aftersales_ticket_id and move.state == "draft"
        )._aftersales_apply_service_due_date()
        return super()._post(soft=soft)

