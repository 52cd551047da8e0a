from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from odoo.addons.aftersales_service.tests.dispatch_common import DispatchCase


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
        html, _kind = self.env["ir.actions.report"].with_context(lang=lang)._render_qweb_html(
            self.report, self.briefing.ids
        )
        return html.decode()

    def test_briefing_sheet_english(self):
        html = self._html("en_US")
        for text in ("Site Hazard Briefing", "Eng One", "Live cabinet", "Lock out, tag out",
                     "Insulated gloves", "Engineer's signature"):
            self.assertIn(text, html)

    def test_briefing_sheet_chinese(self):
        html = self._html("zh_CN")
        for text in ("现场危险源告知单", "工程师签字", "Live cabinet", "控制措施"):
            self.assertIn(text, html)
        self.assertNotIn("Engineer's signature", html)


@tagged("post_install", "-at_install")
class TestHazardReportPdf(DispatchCase, HttpCase):
    """The real PDF through wkhtmltopdf; an HttpCase so that wkhtmltopdf's requests for the
    report assets are served on the test cursor."""

    # This wkhtmltopdf build (unpatched Qt) warns that it ignores the header/footer switches.
    @mute_logger("odoo.addons.base.models.ir_actions_report")
    def test_briefing_sheet_pdf(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        briefing = self._dispatch(employees=self.emp_engineer).briefing_ids
        for lang in ("en_US", "zh_CN"):
            pdf, kind = self.env["ir.actions.report"].with_context(
                lang=lang, force_report_rendering=True
            )._render_qweb_pdf("aftersales_hazard.action_report_hazard_briefing", briefing.ids)
            self.assertEqual(kind, "pdf")
            self.assertTrue(pdf.startswith(b"%PDF"))
