from odoo.exceptions import ValidationError
from odoo.tests import tagged

from ..tools.oca_terms import reword_oca_message
from .dispatch_common import DispatchCase
from .portal_common import AftersalesPortalCase


@tagged("post_install", "-at_install")
class TestOcaPortalLabels(AftersalesPortalCase):
    """helpdesk_mgmt's portal labels are code terms Odoo reads only from helpdesk_mgmt's own
    .po files (no Chinese there): /my/tickets shows them in our translation (issue 14)."""

    def test_ticket_list_labels_in_chinese(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"].search(
            [("name", "in", ("aftersales_service", "helpdesk_mgmt"))]
        )._update_translations("zh_CN")
        self.authenticate("t_portal_a", "t_portal_a")
        english = self.url_open("/my/tickets").text
        for label in ("Newest", "Search in Title", "Search in Number", "Last Stage Update"):
            self.assertIn(label, english)  # English stays complete
        self.portal_a.lang = "zh_CN"
        self.authenticate("t_portal_a", "t_portal_a")  # the session takes the user's language
        page = self.url_open("/my/tickets").text
        for label in ("最新", "按标题搜索", "按编号搜索", "搜索全部", "最近阶段更新", "阶段"):
            self.assertIn(label, page)
        for label in ("Newest", "Search in Title", "Search in Number", "Last Stage Update"):
            self.assertNotIn(label, page)


@tagged("post_install", "-at_install")
class TestOcaAdvanceErrors(DispatchCase):
    """hr_expense_advance_clearing's errors, met when after-sales issues and clears the cash
    advance of a trip (R20, R21), read in the user's language (issue 14)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.env["ir.module.module"]._load_module_terms(["aftersales_service"], ["zh_CN"])
        product = cls.env["hr.expense"]._get_product_advance()
        if not product.property_account_expense_id:
            product.property_account_expense_id = cls.env["account.account"].create(
                {"name": "Employee advances", "code": "1221TST", "account_type": "asset_current"}
            )
        cls.other_product = cls.env["product.product"].create(
            {"name": "Train ticket", "can_be_expensed": True}
        )

    def _advance_line(self, lang):
        return (
            self.env["hr.expense"]
            .with_context(lang=lang)
            .create(
                {
                    "name": "Cash advance",
                    "employee_id": self.emp_engineer.id,
                    "product_id": self.other_product.id,
                    "total_amount_currency": 100.0,
                    "advance": True,
                }
            )
        )

    def test_advance_error_in_chinese(self):
        with self.assertRaises(ValidationError) as caught:
            self._advance_line("zh_CN")
        self.assertEqual(str(caught.exception), "员工借款：所选产品无效")
        self.assertFalse(self.env["hr.expense"].search([("name", "=", "Cash advance")]))

    def test_advance_error_in_english(self):
        with self.assertRaisesRegex(
            ValidationError, "^Employee advance, selected product is not valid$"
        ):
            self._advance_line("en_US")

    def test_messages_with_values(self):
        env = self.env(context=dict(self.env.context, lang="zh_CN"))
        message = (
            "You cannot return advance more than actual remaining (¥1,000.00)"
            "\nNote: pending amount clearing is ¥200.00"
        )
        self.assertEqual(
            reword_oca_message(env, message),
            "退还的借款不能超过实际余额（¥1,000.00）\n注：待核销金额为 ¥200.00",
        )
        self.assertEqual(
            reword_oca_message(env, "Advance: EXP/2026/0001 has no amount to clear"),
            "借款 EXP/2026/0001 已无可核销金额",
        )
        self.assertIsNone(reword_oca_message(env, "Some other message"))
