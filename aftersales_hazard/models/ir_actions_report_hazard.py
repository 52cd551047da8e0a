from odoo import models


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    def _aftersales_filed_reports(self):
        # The briefing sheet the engineers acknowledge is filed with the project (R38, issue 16).
        return super()._aftersales_filed_reports() | {
            "aftersales_hazard.action_report_hazard_briefing"
        }
