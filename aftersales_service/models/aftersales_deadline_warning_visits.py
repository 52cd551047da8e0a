from odoo import api, models


class AftersalesDeadlineWarning(models.Model):
    _inherit = "aftersales.deadline.warning"

    @api.model
    def _cron_escalate(self):
        # Overdue planned visits are escalated once, with the requests' deadlines.
        result = super()._cron_escalate()
        self.env["aftersales.visit"]._aftersales_escalate_overdue()
        return result
