from odoo import fields, models

# What a customer reads of a request's progress in the portal (issue 14, R1): plain words for
# them, never the back office's stage names or internal states.
PORTAL_STATUSES = [
    ("received", "Request Received"),
    ("in_progress", "Being Handled"),
    ("waiting", "Waiting for Your Reply"),
    ("done", "Completed"),
    ("cancelled", "Cancelled"),
]


class HelpdeskTicketStage(models.Model):
    _inherit = "helpdesk.ticket.stage"

    aftersales_portal_status = fields.Selection(
        PORTAL_STATUSES,
        string="Status Shown to Customers",
        help="What customers read in the portal while a request is in this stage. Empty: "
        "closed stages read Completed, new ones Request Received, waiting ones Waiting for "
        "Your Reply, the others Being Handled.",
    )

    def _aftersales_portal_status(self):
        self.ensure_one()
        if self.aftersales_portal_status:
            return self.aftersales_portal_status
        if self.closed:
            return "done"
        if self.aftersales_pause:
            return "waiting"
        return "received" if self.unattended else "in_progress"
