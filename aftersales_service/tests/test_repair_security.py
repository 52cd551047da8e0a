from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .repair_common import RepairCase


@tagged("post_install", "-at_install")
class TestRepairPurchaseRights(RepairCase):
    """R15: after-sales raises purchase requests; only purchasing buys."""

    def test_groups_do_not_grant_purchase_rights(self):
        for user in (self.as_user, self.manager):
            self.assertTrue(user.has_group("purchase_request.group_purchase_request_user"))
            self.assertFalse(user.has_group("purchase.group_purchase_user"))

    def test_user_creates_purchase_request_through_resolver(self):
        repair = self._repair([(self.part_buy, 3)], ticket=self.ticket_free)
        request = repair.with_user(self.as_user)._aftersales_resolve_parts()
        self.assertEqual(request.requested_by, self.as_user)
        self.assertEqual(request.line_ids.product_qty, 3.0)

    def test_user_cannot_create_or_confirm_purchase_orders(self):
        vendor = self.env["res.partner"].create({"name": "Membrane vendor"})
        PurchaseOrder = self.env["purchase.order"].with_user(self.as_user)
        with self.assertRaises(AccessError):
            PurchaseOrder.create(
                {
                    "partner_id": vendor.id,
                    "order_line": [
                        Command.create({"product_id": self.part_buy.id, "product_qty": 1})
                    ],
                }
            )
        order = self.env["purchase.order"].create(
            {
                "partner_id": vendor.id,
                "order_line": [Command.create({"product_id": self.part_buy.id, "product_qty": 1})],
            }
        )
        for user in (self.as_user, self.manager):
            with self.assertRaises(AccessError):
                order.with_user(user).button_confirm()
        self.assertEqual(order.state, "draft")
