from odoo import models

from ..tools.access import internal_only
from .res_partner_customer_file import FILE_GROUP


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    @internal_only(FILE_GROUP)
    def action_open_customer_file(self):
        """The customer file, from every request (R4)."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "res.partner",
            "res_id": self.commercial_partner_id.id,
            "views": [(False, "form")],
            "target": "current",
        }
