from odoo import api, fields, models

from .helpdesk_ticket_stage_portal import PORTAL_STATUSES


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    aftersales_portal_status = fields.Selection(
        PORTAL_STATUSES,
        string="Status",
        compute="_compute_aftersales_portal_status",
        help="The request's progress as the customer reads it in the portal.",
    )

    @api.depends(
        "stage_id.aftersales_portal_status",
        "stage_id.closed",
        "stage_id.aftersales_pause",
        "stage_id.unattended",
    )
    def _compute_aftersales_portal_status(self):
        for ticket in self:
            stage = ticket.stage_id
            ticket.aftersales_portal_status = (
                stage._aftersales_portal_status() if stage else "received"
            )
