from odoo import models


class IrActionsReport(models.Model):
    """The after-sales documents print in the company's time zone, whoever prints them.

    Odoo renders a report's datetimes in the printing user's zone (the context's `tz`, and
    `context_timestamp` bound to the user): a travel order printed in Shanghai and in London
    would name two departure times. Our reports are rendered with the zone of the company of the
    printed records (its working calendar's, as the deadline engine uses) in the context, so
    `t-field` datetimes and the `datetime` widget use it; the documents say which clock that is
    (`aftersales_service.report_tz_note`)."""

    _inherit = "ir.actions.report"

    def _render_qweb_html(self, report_ref, docids, data=None):
        report = self._get_report(report_ref)
        if report.report_name.startswith("aftersales_"):
            company = self._aftersales_report_company(report, docids)
            self = self.with_context(tz=company._aftersales_tz())  # noqa: PLW0642
        # The explicit form: `self` was rebound above, zero-argument super() must not depend on it.
        return super(IrActionsReport, self)._render_qweb_html(  # noqa: UP008
            report_ref, docids, data=data
        )

    def _aftersales_report_company(self, report, docids):
        """The company of the printed records (the first one's), else the current company."""
        records = self.env[report.model].sudo().browse(docids or [])
        if "company_id" in records._fields:
            company = records[:1].company_id
            if company:
                return company
        return self.env.company
