from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .repair_common import RepairCase


@tagged("post_install", "-at_install")
class TestRepairQuotation(RepairCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.write(
            {
                "aftersales_margin_min": 25.0,
                "aftersales_margin_max": 45.0,
                "aftersales_quote_approval_amount": 1000.0,
            }
        )

    def _quotation(self, repair, user):
        action = repair.with_user(user).action_create_sale_order()
        return self.env["sale.order"].browse(action["res_id"]).with_user(user)

    def test_free_repair_zero_price_cost_shown(self):
        # R5: in warranty the customer pays nothing, the company's cost is still shown.
        repair = self._repair([(self.part_stock, 2)], ticket=self.ticket_free)
        self.assertTrue(repair.under_warranty)
        order = self._quotation(repair, self.as_user)
        self.assertEqual(order.order_line.price_unit, 0.0)
        self.assertEqual(order.amount_untaxed, 0.0)
        self.assertEqual(repair.aftersales_parts_cost, 200.0)
        self.assertEqual(repair.aftersales_cost_total, 200.0)
        self.assertEqual(repair.aftersales_customer_amount, 0.0)

    def test_paid_quotation_is_service_order_with_margin(self):
        repair = self._repair([(self.part_stock, 2)], ticket=self.ticket_paid)
        order = self._quotation(repair, self.as_user)
        # R25: the repair's quotation is the service order of the request.
        self.assertTrue(order.aftersales_is_service_order)
        self.assertEqual(order.aftersales_ticket_id, self.ticket_paid)
        self.assertEqual(order.amount_untaxed, 300.0)
        self.assertEqual(order.aftersales_cost, 200.0)
        self.assertAlmostEqual(order.aftersales_margin_percent, 100 / 3, places=1)
        self.assertEqual(order.aftersales_margin_state, "in_range")
        # labour on the service order counts in the repair's company cost
        self.env["sale.order.line"].create(
            {"order_id": order.id, "product_id": self.labour.id, "product_uom_qty": 2}
        )
        self.assertEqual(repair.aftersales_labour_cost, 600.0)
        self.assertEqual(repair.aftersales_cost_total, 800.0)

    def test_margin_below_range_warns(self):
        # R27: a margin under the company's range is flagged.
        repair = self._repair([(self.part_stock, 1)], ticket=self.ticket_paid)
        order = self._quotation(repair, self.as_user)
        order.order_line.price_unit = 110.0
        self.assertEqual(order.aftersales_margin_state, "below")
        order.order_line.price_unit = 250.0
        self.assertEqual(order.aftersales_margin_state, "above")
        self.company.aftersales_margin_max = 70.0
        order.invalidate_recordset(["aftersales_margin_state"])
        self.assertEqual(order.aftersales_margin_state, "in_range")

    def test_small_quotation_sent_sets_quoted_at(self):
        repair = self._repair([(self.part_stock, 2)], ticket=self.ticket_paid)
        order = self._quotation(repair, self.as_user)
        self.assertFalse(order.aftersales_needs_approval)
        self.assertFalse(self.ticket_paid.quoted_at)
        order.action_quotation_sent()
        self.assertEqual(order.state, "sent")
        self.assertTrue(self.ticket_paid.quoted_at)

    def test_large_quotation_needs_manager_approval(self):
        # R26: above the threshold the after-sales manager approves before sending.
        repair = self._repair([(self.part_stock, 5)], ticket=self.ticket_paid)
        order = self._quotation(repair, self.as_user)
        order.order_line.price_unit = 300.0  # 1500 > 1000
        self.assertTrue(order.aftersales_needs_approval)
        with self.assertRaises(UserError):
            order.action_quotation_send()
        with self.assertRaises(UserError):
            order.action_quotation_sent()
        with self.assertRaises(UserError):
            order.action_confirm()
        with self.assertRaises(AccessError):
            order.action_aftersales_approve()
        self.assertFalse(self.ticket_paid.quoted_at)
        self.assertEqual(order.state, "draft")
        order.with_user(self.manager).action_aftersales_approve()
        self.assertEqual(order.aftersales_approved_by_id, self.manager)
        order.action_quotation_sent()
        self.assertEqual(order.state, "sent")
        self.assertTrue(self.ticket_paid.quoted_at)

    def test_management_approves_large_orders(self):
        """R26: when the company names its management (上级领导), they approve, not the manager."""
        self.company.aftersales_management_user_ids = self.as_user
        repair = self._repair([(self.part_stock, 5)], ticket=self.ticket_paid)
        order = self._quotation(repair, self.as_user)
        order.order_line.price_unit = 300.0
        with self.assertRaises(AccessError):
            order.with_user(self.manager).action_aftersales_approve()
        self.assertFalse(order.aftersales_approved_by_id)
        order.with_user(self.as_user).action_aftersales_approve()
        self.assertEqual(order.aftersales_approved_by_id, self.as_user)

    def test_changed_quotation_needs_new_approval(self):
        repair = self._repair([(self.part_stock, 5)], ticket=self.ticket_paid)
        order = self._quotation(repair, self.as_user)
        order.order_line.price_unit = 300.0
        order.with_user(self.manager).action_aftersales_approve()
        self.assertEqual(order.aftersales_approved_amount, 1500.0)
        order.order_line.price_unit = 250.0  # a lower amount stays approved
        self.assertFalse(order._aftersales_approval_missing())
        order.write({"order_line": [Command.update(order.order_line.id, {"price_unit": 400.0})]})
        with self.assertRaises(UserError):
            order.action_quotation_sent()
        order.with_user(self.manager).action_aftersales_approve()
        order.action_quotation_sent()
        self.assertEqual(order.state, "sent")

    def test_confirmed_order_resolves_parts_same_day(self):
        # R13: the order takes effect, the parts are reserved or requested that day.
        repair = self._repair([(self.part_stock, 1), (self.part_buy, 2)], ticket=self.ticket_paid)
        order = self._quotation(repair, self.as_user)
        order.action_confirm()
        self.assertEqual(order.state, "sale")
        self.assertEqual(repair.state, "confirmed")
        decisions = {m.product_id: m.aftersales_decision for m in repair.move_ids}
        self.assertEqual(decisions, {self.part_stock: "reserve", self.part_buy: "purchase"})
        request = repair.aftersales_purchase_request_ids
        self.assertEqual(request.line_ids.product_qty, 2.0)
