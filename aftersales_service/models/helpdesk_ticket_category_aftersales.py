from odoo import fields, models


class HelpdeskTicketCategory(models.Model):
    """The request type (R3: repair, parts supply, chemicals, training, consultation, visit):
    helpdesk_mgmt's ticket category, with the clocks that apply to it (data, editable)."""

    _inherit = "helpdesk.ticket.category"

    aftersales_onsite_clock = fields.Boolean(
        string="On-site Clock",
        default=True,
        help="Requests of this type that need a visit have an on-site deadline (R9-R10).",
    )
    aftersales_quote_clock = fields.Boolean(
        string="Quotation Clock",
        default=True,
        help="Paid requests of this type need a quotation by the R12 deadline.",
    )
    aftersales_parts_clock = fields.Boolean(
        string="Parts Clock",
        default=True,
        help="The spare parts of requests of this type are due by the R8 deadlines.",
    )
