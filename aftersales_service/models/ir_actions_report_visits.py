from odoo import models


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    def _aftersales_filed_reports(self):
        # Done visits and written-visit letters go to the archive's visits sub-item.
        return super()._aftersales_filed_reports() | {
            "aftersales_service.action_report_aftersales_visit"
        }
