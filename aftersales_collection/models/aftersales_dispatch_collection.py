from odoo import fields, models


class AftersalesDispatch(models.Model):
    _inherit = "aftersales.dispatch"

    def action_return(self):
        """The trip's return ends the service: a paid service served first is due from that
        day (R28). The first return counts; a later trip does not move the due date."""
        result = super().action_return()
        for dispatch in self:
            ticket = dispatch.ticket_id.sudo()
            if not ticket.aftersales_service_end_date:
                ticket.aftersales_service_end_date = fields.Date.context_today(
                    dispatch, dispatch.returned_at
                )
        return result
