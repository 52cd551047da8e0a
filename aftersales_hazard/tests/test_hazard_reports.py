import re

from odoo.tests import HttpCase, tagged

from odoo.addons.aftersales_service.tests.dispatch_common import DispatchCase
from odoo.addons.aftersales_service.tests.pdf_text import PdfTextMixin, layout_header_text


@tagged("post_install", "-at_install")
class TestHazardReports(DispatchCase):
    """R41: the briefing sheet, per engineer, in English and in Chinese."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.env["ir.module.module"]._load_module_terms(
            ["aftersales_service", "aftersales_hazard"], ["zh_CN"]
        )
        cls.env["aftersales.hazard"].create(
            {
                "project_id": cls.project.id,
                "name": "Live cabinet",
                "category": "electrical",
                "control_measures": "Lock out, tag out",
                "ppe": "Insulated gloves",
            }
        )
        cls.briefing = cls._dispatch(employees=cls.emp_engineer).briefing_ids
        cls.report = "aftersales_hazard.action_report_hazard_briefing"

    def _html(self, lang):
        html, _kind = (
            self.env["ir.actions.report"]
            .with_context(lang=lang)
            ._render_qweb_html(self.report, self.briefing.ids)
        )
        return html.decode()

    def test_briefing_sheet_english(self):
        html = self._html("en_US")
        for text in (
            "Site Hazard Briefing",
            "Eng One",
            "Live cabinet",
            "Lock out, tag out",
            "Insulated gloves",
            "Engineer's signature",
        ):
            self.assertIn(text, html)

    def test_briefing_sheet_chinese(self):
        html = self._html("zh_CN")
        for text in ("现场危险源告知单", "工程师签字", "Live cabinet", "控制措施"):
            self.assertIn(text, html)
        self.assertNotIn("Engineer's signature", html)


@tagged("post_install", "-at_install")
class TestHazardReportPdf(PdfTextMixin, DispatchCase, HttpCase):
    """The real PDF through wkhtmltopdf, read back with pdftotext; an HttpCase so that
    wkhtmltopdf's requests for the report assets are served on the test cursor. Whatever the
    report engine logs reaches setup/test.sh's warning gate (only the stock Debian wkhtmltopdf's
    known notice is expected there, setup/log-allow.txt)."""

    def test_briefing_sheet_pdf(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(
            ["aftersales_service", "aftersales_hazard"], ["zh_CN"]
        )
        briefing = self._dispatch(employees=self.emp_engineer).briefing_ids
        for lang in ("en_US", "zh_CN"):
            pdf, kind = (
                self.env["ir.actions.report"]
                .with_context(lang=lang, force_report_rendering=True)
                ._render_qweb_pdf("aftersales_hazard.action_report_hazard_briefing", briefing.ids)
            )
            self.assertEqual(kind, "pdf")
            # In the system CJK font (aftersales_service's report stylesheet) the Latin text
            # reads back too: the travel order and project numbers; the company in the header.
            numbers = (briefing.dispatch_id.name, briefing.project_id.name)
            if lang == "zh_CN":
                self.assertPdfText(
                    pdf, "现场危险源告知单", "出差单号", "项目令号", "控制措施", *numbers
                )
            else:
                self.assertPdfText(pdf, "Site Hazard Briefing", "Travel Order No.", *numbers)
        header = layout_header_text(
            self, "aftersales_hazard.action_report_hazard_briefing", briefing
        )
        self.assertIn(re.sub(r"\s+", "", briefing.company_id.name), header)
