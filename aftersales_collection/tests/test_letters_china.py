from dateutil.relativedelta import relativedelta

from odoo.modules.module import get_manifest
from odoo.tests import HttpCase, TransactionCase, tagged

from odoo.addons.aftersales_service.tests.pdf_text import report_text

from .common import CollectionCase

NOTICE = "aftersales_collection.action_report_payment_notice"
LETTER = "aftersales_collection.action_report_retention_reminder"


@tagged("post_install", "-at_install")
class TestCustomerLettersChina(CollectionCase, HttpCase):
    """R29, R30 in China: amounts in renminbi (¥, 人民币 in capitals), capitals only for CNY,
    every customer letter in the company's layout with its bank accounts, the after-sales
    contact and a place for the seal; the retention letter's wording follows the due date.
    Real PDFs (wkhtmltopdf), read back with pdftotext."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cny = cls.env.ref("base.CNY")
        cls.company.currency_id = cls.cny
        bank = cls.env["res.bank"].create({"name": "ICBC Songjiang"})
        cls.env["res.partner.bank"].create(
            {
                "partner_id": cls.company.partner_id.id,
                "bank_id": bank.id,
                "acc_number": "6222 0001 2345 678",
            }
        )
        cls.company.aftersales_contact_id = cls.env["res.partner"].create(
            {
                "name": "After-sales Desk",
                "phone": "400-820-1888",
                "parent_id": cls.company.partner_id.id,
            }
        )
        cls.project = cls._project("T-CN-001")
        cls.invoice = cls._invoice(cls.project, 215000.0, currency_id=cls.cny.id)

    def test_payment_notice_in_renminbi(self):
        text = report_text(self, NOTICE, self.project)
        self.assertIn("¥", text)
        self.assertIn("215,000.00", text)
        self.assertIn("RMB贰拾壹万伍仟元整", text)
        # the letter's close: bank account, the after-sales contact, the seal
        self.assertIn("62220001234", text.replace(" ", ""))
        self.assertIn("After-salesDesk", text)
        self.assertIn("400-820-1888", text)
        self.assertIn("Companyseal", text)

    def test_payment_notice_in_chinese(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"].search(
            [("name", "in", ("aftersales_service", "aftersales_collection"))]
        )._update_translations("zh_CN")
        self.project.partner_id.lang = "zh_CN"
        text = report_text(self, NOTICE, self.project, lang="zh_CN")
        self.assertIn("人民币贰拾壹万伍仟元整", text)
        self.assertIn("公司盖章", text)

    def test_other_currency_without_capitals(self):
        """Capitals are yuan: a dollar amount is written with its currency's name instead."""
        usd = self.env.ref("base.USD")
        usd.active = True
        self.env["res.currency.rate"].create(
            {"currency_id": usd.id, "rate": 0.14, "name": "2020-01-01"}
        )
        project = self._project("T-CN-USD")
        self._invoice(project, 45000.0, currency_id=usd.id)
        text = report_text(self, NOTICE, project)
        self.assertIn("$", text)
        self.assertIn("45,000.00", text)
        self.assertIn(usd.full_name.replace(" ", ""), text)
        self.assertNotIn("元", text)
        self.assertNotIn("¥", text)

    def test_retention_letter_before_and_after_due(self):
        soon = self._retention(
            self._project_ending(self.today + relativedelta(days=20), "T-CN-SOON"), 45000.0
        )
        late = self._retention(
            self._project_ending(self.today - relativedelta(days=40), "T-CN-LATE"), 30000.0
        )
        before = report_text(self, LETTER, soon)
        after = report_text(self, LETTER, late)
        self.assertIn("RMB肆万伍仟元整", before)
        self.assertIn("endson", before)
        self.assertIn("arrangethepaymentontheduedate", before)
        self.assertNotIn("stillunpaid", before)
        self.assertIn("endedon", after)
        self.assertIn("stillunpaid", after)
        self.assertIn("withoutfurtherdelay", after)
        self.assertNotIn("willend", after)
        for text in (before, after):
            self.assertIn("400-820-1888", text)
            self.assertIn("Companyseal", text)


@tagged("post_install", "-at_install")
class TestDemoChina(TransactionCase):
    """The demo as a Chinese after-sales manager meets it: the company in China keeps its books
    in renminbi on the Chinese chart (l10n_cn, loaded from the country, not our manifests), has a
    logo, a bank account and an after-sales contact for the letters, and the demo customer has
    invoices to look at."""

    def test_demo_company_in_china(self):
        company = self.env.ref("base.main_company")
        self.assertEqual(company.country_id.code, "CN")
        self.assertEqual(company.currency_id.name, "CNY")
        self.assertTrue(company.chart_template and company.chart_template.startswith("cn"))
        self.assertTrue(
            self.env["account.journal"].search_count(
                [("company_id", "=", company.id), ("type", "=", "sale")]
            )
        )
        self.assertTrue(company.logo)
        self.assertTrue(company.partner_id.bank_ids)
        self.assertEqual(company.aftersales_contact_id.phone, "400-820-1888")
        for module in ("aftersales_service", "aftersales_hazard", "aftersales_collection"):
            self.assertNotIn("l10n_cn", get_manifest(module)["depends"])

    def test_demo_customer_invoices(self):
        customer = self.env.ref("aftersales_service.partner_pujiang")
        invoices = self.env["account.move"].search(
            [
                ("partner_id", "=", customer.id),
                ("move_type", "=", "out_invoice"),
                ("state", "=", "posted"),
            ]
        )
        self.assertGreaterEqual(len(invoices), 2)
        self.assertEqual(invoices.currency_id.name, "CNY")
