from odoo import models

from ..tools.access import internal_only


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    @internal_only("aftersales_service.group_aftersales_manager")
    def action_aftersales_correct_clock(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Correct a Time"),
            "res_model": "aftersales.clock.correction",
            "views": [(False, "form")],
            "target": "new",
            "context": {"default_ticket_id": self.id},
        }
