from odoo import models


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    def _aftersales_filed_reports(self):
        """The retention reminder letter is filed in its project's archive when it is printed
        or sent (R38): the reminder e-mail attaches it through its template's report, so the
        print is what the archive keeps (category of the retention money, A4)."""
        return super()._aftersales_filed_reports() | {
            "aftersales_collection.action_report_retention_reminder"
        }
