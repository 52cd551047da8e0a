from odoo import fields, models


class HelpdeskTicketStage(models.Model):
    _inherit = "helpdesk.ticket.stage"

    aftersales_pause = fields.Boolean(
        string="Waiting for Customer",
        help="While a request is in this stage, its answer and on-site clocks stop; the "
        "time spent here extends those deadlines.",
    )
