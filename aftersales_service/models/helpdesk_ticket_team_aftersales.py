from odoo import fields, models


class HelpdeskTicketTeam(models.Model):
    _inherit = "helpdesk.ticket.team"

    aftersales_team = fields.Boolean(
        string="After-sales Team",
        help="The After-sales app lists this team's requests, linked to a project or not yet "
        "(e-mails awaiting triage), besides every request filed under a project.",
    )
