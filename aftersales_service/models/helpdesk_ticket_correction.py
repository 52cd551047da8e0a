from odoo import models


class HelpdeskTicket(models.Model):
    """The receipt time and the facts of the clocks change only through their actions (answer,
    arrival, quotation sent, ...) or the manager's correction wizard with a reason: moving them
    moves every deadline and can erase lateness (R7-R12)."""

    _name = "helpdesk.ticket"
    _inherit = ["helpdesk.ticket", "aftersales.gate.mixin"]
    _aftersales_gated_fields = ("received_at", "answered_at", "onsite_at", "quoted_at")

    def _aftersales_gate_allows(self, fname, value, vals):
        # Intake writes when the request really reached us (a phone request typed in later).
        return not self and fname == "received_at"
