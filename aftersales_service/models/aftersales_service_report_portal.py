from odoo import models

from ..tools.access import internal_only


class AftersalesServiceReport(models.Model):
    _inherit = "aftersales.service.report"

    @internal_only()
    def action_share(self):
        return super().action_share()
