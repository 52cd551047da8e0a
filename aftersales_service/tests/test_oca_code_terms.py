from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from odoo.addons.purchase_request.models.purchase_order import PurchaseOrder, PurchaseOrderLine
from odoo.addons.purchase_request.models.purchase_request_allocation import (
    PurchaseRequestAllocation,
)
from odoo.addons.purchase_request.models.stock_move_line import StockMoveLine

from ..tools.oca_terms import reword_oca_message
from .dispatch_common import DispatchCase
from .portal_common import AftersalesPortalCase
from .repair_common import RepairCase


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

    def test_window_titles(self):
        """The windows the advance buttons open are titled in the user's language."""
        sheet = self.env["hr.expense.sheet"].create(
            {"name": "Trip advance", "employee_id": self.emp_engineer.id}
        )
        titles = {
            "zh_CN": ("预支单", "核销单", "退还付款"),
            "en_US": ("Advance Sheet", "Clearing Sheets", "Payment Return"),
        }
        for lang, expected in titles.items():
            with self.subTest(lang=lang):
                employee = self.emp_engineer.with_context(lang=lang)
                own_sheet = sheet.with_context(lang=lang)
                actions = (
                    employee.action_open_advance_clearing(),
                    own_sheet.action_open_clearings(),
                    own_sheet.action_open_payment_return(),
                )
                self.assertEqual(tuple(action["name"] for action in actions), expected)
                self.assertEqual(actions[1]["res_model"], "hr.expense.sheet")  # the OCA's action

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


@tagged("post_install", "-at_install")
class TestOcaPurchaseRequestTerms(RepairCase):
    """purchase_request's chatter lines and errors met by the purchase requests of the parts
    resolver (R15), which it leaves without Chinese: in the user's language (issue 14)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.vendor = cls.env["res.partner"].create({"name": "Valve Supplies Ltd"})

    def _make_order(self, lines):
        return (
            lines.env["purchase.request.line.make.purchase.order"]
            .with_context(active_model="purchase.request.line", active_ids=lines.ids)
            .create({"supplier_id": self.vendor.id})
        )

    def test_ordered_and_received_in_chinese(self):
        repair = self._repair([(self.part_buy, 2)]).with_context(lang="zh_CN")
        repair._aftersales_resolve_parts()
        request = repair.aftersales_purchase_request_ids
        lines = request.line_ids
        with self.assertRaises(UserError) as caught:
            self._make_order(lines)
        self.assertEqual(str(caught.exception), "请购单 %s 未批准或不在处理中" % request.name)
        self.assertFalse(lines.purchase_lines)
        self.assertEqual(lines.action_show_details()["name"], "明细行详情")
        request.button_approved()
        self._make_order(lines).make_purchase_order()
        order = lines.purchase_lines.order_id
        order.button_confirm()
        receipt = order.picking_ids
        receipt.move_ids.quantity = 2.0
        receipt.move_ids.picked = True
        receipt.button_validate()
        self.assertEqual(receipt.state, "done")
        bodies = "\n".join(request.message_ids.mapped("body"))
        for text in (
            f"请购单 {request.name} 的订单确认 {order.name}",
            f"请购单 {request.name} 中的以下物品现已在采购订单 {order.name} 中确认：",
            "：订购数量 2.0",
            f"请购单 {request.name} 的收货确认 {receipt.name}",
            f"现已通过调拨 {receipt.name} 收入",
            "调拨数量 2.0",
        ):
            self.assertIn(text, bodies)
        self.assertNotIn("have now been", bodies)
        receipt_bodies = "\n".join(receipt.message_ids.mapped("body"))
        self.assertIn(f"请购单 {request.name} 的收货确认", receipt_bodies)
        self.assertNotIn("Transferred quantity", receipt_bodies)

    def test_english_lines_are_the_oca_lines(self):
        """English stays purchase_request's own text: each line built again equals the OCA's."""
        env = self.env(context=dict(self.env.context, lang="en_US"))
        request = env["purchase.request"].create({"name": "PR/T/1"})
        order = env["purchase.order"].create({"partner_id": self.vendor.id, "name": "PO/T/1"})
        lines = {
            1: {
                "name": "Seal & ring",
                "product_qty": 2.0,
                "product_uom": "Units",
                "date_planned": "2026-12-01 08:00:00",
            }
        }
        data = {
            "request_name": request.name,
            "picking_name": "WH/IN/0001",
            "product_name": "Seal <12 mm>",
            "product_qty": 2.0,
            "product_uom": "Units",
            "location_name": "WH/Stock",
            "requestor": "Wang Fang",
        }
        order_lines = env["purchase.order.line"]
        moves = env["stock.move.line"]
        allocations = env["purchase.request.allocation"]
        pairs = (
            (
                order._purchase_request_confirm_message_content(request, lines),
                PurchaseOrder._purchase_request_confirm_message_content(order, request, lines),
            ),
            (
                order_lines._purchase_request_confirm_done_message_content(data),
                PurchaseOrderLine._purchase_request_confirm_done_message_content(order_lines, data),
            ),
            (
                moves._purchase_request_confirm_done_message_content(data),
                StockMoveLine._purchase_request_confirm_done_message_content(moves, data),
            ),
            (
                moves._picking_confirm_done_message_content(data),
                StockMoveLine._picking_confirm_done_message_content(moves, data),
            ),
            (
                allocations._purchase_request_confirm_done_message_content(data),
                PurchaseRequestAllocation._purchase_request_confirm_done_message_content(
                    allocations, data
                ),
            ),
        )
        for ours, oca in pairs:
            self.assertEqual(str(ours), str(oca))
        zh = self.env(context=dict(self.env.context, lang="zh_CN"))
        chinese = zh["purchase.order.line"]._purchase_request_confirm_done_message_content(data)
        self.assertEqual(
            str(chinese),
            "<h3>请购单 PR/T/1 的服务确认</h3>Wang Fang 申请的请购单 PR/T/1 中的以下服务现已收到："
            "<ul><li><b>Seal &lt;12 mm&gt;</b>: 已收数量 2.0 Units</li></ul>",
        )
