from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools.access import internal_only

CORRECTABLE = [
    ("received_at", "Received At"),
    ("answered_at", "Answered At"),
    ("onsite_at", "On Site At"),
    ("quoted_at", "Quoted At"),
]


class AftersalesClockCorrection(models.TransientModel):
    """The one way to correct a request's receipt time or a fact of its clocks: the after-sales
    manager, with a reason, tracked on the request (every deadline moves with them)."""

    _name = "aftersales.clock.correction"
    _description = "Clock Correction"

    ticket_id = fields.Many2one("helpdesk.ticket", string="Request", required=True, readonly=True)
    field_name = fields.Selection(CORRECTABLE, string="Time to Correct", required=True)
    current_value = fields.Datetime(compute="_compute_current_value")
    new_value = fields.Datetime(
        string="Corrected Value", help="Empty clears a fact recorded by mistake."
    )
    reason = fields.Text(required=True)

    @api.depends("ticket_id", "field_name")
    def _compute_current_value(self):
        for wizard in self:
            wizard.current_value = (
                wizard.ticket_id[wizard.field_name]
                if wizard.ticket_id and wizard.field_name
                else False
            )

    @internal_only("aftersales_service.group_aftersales_manager")
    def action_correct(self):
        self.ensure_one()
        if not (self.reason or "").strip():
            raise UserError(self.env._("A correction needs a reason."))
        if self.field_name == "received_at" and not self.new_value:
            raise UserError(self.env._("A request always has the time it was received."))
        ticket = self.ticket_id
        label = dict(self._fields["field_name"]._description_selection(self.env))[self.field_name]
        old = ticket[self.field_name]
        ticket._aftersales_gate_write({self.field_name: self.new_value or False})
        ticket.message_post(
            body=Markup("%s<br/>%s")
            % (
                self.env._(
                    "%(time)s corrected from %(old)s to %(new)s (UTC).",
                    time=label,
                    old=old or self.env._("none"),
                    new=self.new_value or self.env._("none"),
                ),
                self.env._("Reason: %(reason)s", reason=self.reason.strip()),
            ),
            subtype_xmlid="mail.mt_note",
        )
        return {"type": "ir.actions.act_window_close"}
