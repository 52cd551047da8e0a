from odoo import models


class HelpdeskTicket(models.Model):
    """The receipt time and the facts of the clocks change only through their actions (answer,
    first public reply, arrival, quotation sent) or the manager's correction wizard with a
    reason: moving them moves every deadline and can erase lateness (R7-R12)."""

    _name = "helpdesk.ticket"
    _inherit = ["helpdesk.ticket", "aftersales.gate.mixin"]
    _aftersales_gated_fields = ("answered_at", "onsite_at", "quoted_at")

    def write(self, vals):
        # Intake writes when the request really reached us (a phone request typed in later,
        # on create); afterwards only the correction wizard moves it.
        if "received_at" in vals and not self.env.su:
            changed = self.filtered(
                lambda t: t.received_at
                != self._fields["received_at"].convert_to_cache(vals["received_at"], t)
            )
            if changed:
                self.check_access("write")
                self._aftersales_gate_refuse({"received_at"})
        return super().write(vals)
