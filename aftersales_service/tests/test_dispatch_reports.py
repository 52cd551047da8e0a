import re

from odoo.tests import HttpCase, tagged

from .dispatch_common import DispatchCase
from .pdf_text import PdfTextMixin, layout_header_text


@tagged("post_install", "-at_install")
class TestDispatchReports(DispatchCase):
    """R20: the travel order and the service work order print in English and in Chinese."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.env["ir.module.module"]._load_module_terms(["aftersales_service"], ["zh_CN"])
        cls.dispatch = cls._dispatch(
            work_description="Replace the high-pressure pump seal",
            precautions="Lock out the pump before opening",
            customer_helpers="Two fitters of the customer",
        )
        cls.Report = cls.env["ir.actions.report"]

    def _html(self, report, lang):
        html, _kind = self.Report.with_context(lang=lang)._render_qweb_html(
            report, self.dispatch.ids
        )
        return html.decode()

    def test_travel_order_english_and_chinese(self):
        report = "aftersales_service.action_report_dispatch_travel"
        english = self._html(report, "en_US")
        self.assertIn("Travel Order", english)
        self.assertIn(self.dispatch.name, english)
        self.assertIn("Eng One", english)
        self.assertIn("Lead Engineer", english)
        self.assertIn("Lock out the pump before opening", english)
        chinese = self._html(report, "zh_CN")
        self.assertIn("出差单", chinese)
        self.assertIn("出差单号", chinese)
        self.assertIn("负责工程师", chinese)
        self.assertNotIn("Lead Engineer", chinese)
        self.assertIn(self.dispatch.name, chinese)

    def test_work_order_english_and_chinese(self):
        report = "aftersales_service.action_report_dispatch_work"
        english = self._html(report, "en_US")
        self.assertIn("Service Work Order", english)
        self.assertIn(self.dispatch.work_order_no, english)
        self.assertIn("RO-T-001", english)
        self.assertIn("Two fitters of the customer", english)
        chinese = self._html(report, "zh_CN")
        self.assertIn("施工单", chinese)
        self.assertIn("客户协助人员", chinese)
        self.assertIn(self.dispatch.work_order_no, chinese)


@tagged("post_install", "-at_install")
class TestDispatchReportPdf(PdfTextMixin, DispatchCase, HttpCase):
    """The real PDFs through wkhtmltopdf, read back with pdftotext; an HttpCase so that
    wkhtmltopdf's requests for the report assets are served on the test cursor. Whatever the
    report engine logs reaches setup/test.sh's warning gate."""

    def test_pdf_renders(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(["aftersales_service"], ["zh_CN"])
        dispatch = self._dispatch(work_description="Replace the pump seal")
        for report, chinese in (
            (
                "aftersales_service.action_report_dispatch_travel",
                ("出差单", "出差单号", "负责工程师"),
            ),
            ("aftersales_service.action_report_dispatch_work", ("施工单", "施工单号")),
        ):
            for lang in ("en_US", "zh_CN"):
                pdf, kind = (
                    self.env["ir.actions.report"]
                    .with_context(lang=lang, force_report_rendering=True)
                    ._render_qweb_pdf(report, dispatch.ids)
                )
                self.assertEqual(kind, "pdf")
                # Set in a system CJK font (static/src/css/aftersales_report.css), the Latin text
                # has a text layer too: the numbers, and the company in the layout's header.
                self.assertPdfText(
                    pdf,
                    dispatch.name,
                    dispatch.work_order_no,
                    *(chinese if lang == "zh_CN" else ("Travel Order No.",)),
                )
            self.assertIn(
                re.sub(r"\s+", "", dispatch.company_id.name),
                layout_header_text(self, report, dispatch),
            )
