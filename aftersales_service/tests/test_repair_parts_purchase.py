from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import Form, new_test_user, tagged

from .pdf_text import report_text
from .repair_common import RepairCase


@tagged("post_install", "-at_install")
class TestRepairPartsPurchase(RepairCase):
    """Issue 16, parts: no double purchasing (R15), receipt reserves for the repair, the pick slip
    separates what is reserved from what is awaited and the item-by-item check is recorded (R16)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # 6 seals in stock (5 from the common set-up)
        cls.env["stock.quant"]._update_available_quantity(cls.part_stock, cls.stock, 1.0)
        cls.vendor = cls.env["res.partner"].create({"name": "Seal Works Ltd"})
        cls.store_keeper = new_test_user(
            cls.env, "t_store_keeper", groups="stock.group_stock_user", company_id=cls.company.id
        )

    def _resolver(self, repair):
        action = repair.action_aftersales_resolve_parts()
        self.assertEqual(action["context"]["dialog_size"], "extra-large")
        return self.env[action["res_model"]].browse(action["res_id"])

    def _order_and_receive(self, request_lines, quantity):
        """Purchasing turns the request into a purchase order (OCA's wizard) and receives it."""
        request_lines.request_id.button_approved()
        wizard = (
            self.env["purchase.request.line.make.purchase.order"]
            .with_context(active_model="purchase.request.line", active_ids=request_lines.ids)
            .create({"supplier_id": self.vendor.id})
        )
        wizard.make_purchase_order()
        order = request_lines.purchase_lines.order_id
        order.button_confirm()
        receipt = order.picking_ids
        receipt.move_ids.quantity = quantity
        receipt.move_ids.picked = True
        action = receipt.button_validate()
        if isinstance(action, dict):  # part of it: Odoo's backorder for the rest
            Form.from_action(self.env, action).save().process()
        self.assertEqual(receipt.state, "done")
        return order

    def test_resolver_twice_requests_once(self):
        repair = self._repair([(self.part_stock, 40)], ticket=self.ticket_free)
        self._resolver(repair).action_confirm()
        request = repair.aftersales_purchase_request_ids
        self.assertEqual(request.line_ids.product_qty, 34.0)
        self.assertEqual(repair.move_ids.quantity, 6.0)
        # second run: the open request covers the shortage; nothing is requested again
        wizard = self._resolver(repair)
        line = wizard.line_ids
        self.assertEqual(
            (line.quantity, line.requested_quantity, line.buy_quantity, line.requested_refs),
            (34.0, 34.0, 0.0, request.name),
        )
        wizard.action_confirm()
        self.assertEqual(repair.aftersales_purchase_request_ids, request)
        self.assertIn("already requested on %s" % request.name, repair.message_ids[0].body)
        # another repair's shortage is its own: the first repair's request does not cover it
        other = self._repair([(self.part_stock, 10)])
        other._aftersales_resolve_parts()
        self.assertEqual(other.aftersales_purchase_request_ids.line_ids.product_qty, 10.0)
        self.assertEqual(repair.aftersales_purchase_request_ids, request)
        # more needed on the line: only the difference is requested
        repair.move_ids.product_uom_qty = 45
        repair._aftersales_resolve_parts()
        new = repair.aftersales_purchase_request_ids - request
        self.assertEqual(new.line_ids.product_qty, 5.0)
        # a rejected request no longer covers anything
        (request | new).button_rejected()
        self.assertEqual(self._resolver(repair).line_ids.buy_quantity, 39.0)

    def test_purchase_order_covers_and_receipt_reserves_for_the_repair(self):
        # other demand for the same part, older than the repair, waits for stock too
        other_demand = self.env["stock.picking"].create(
            {
                "picking_type_id": self.warehouse.out_type_id.id,
                "location_id": self.stock.id,
                "location_dest_id": self.env.ref("stock.stock_location_customers").id,
                "move_ids": [
                    Command.create(
                        {
                            "name": self.part_buy.name,
                            "product_id": self.part_buy.id,
                            "product_uom_qty": 2.0,
                            "location_id": self.stock.id,
                            "location_dest_id": self.env.ref("stock.stock_location_customers").id,
                        }
                    )
                ],
            }
        )
        other_demand.action_confirm()
        repair = self._repair([(self.part_buy, 2)], ticket=self.ticket_free)
        repair._aftersales_resolve_parts()
        move = repair.move_ids
        self.assertEqual(move.state, "confirmed")
        request = repair.aftersales_purchase_request_ids
        self.assertEqual(request.group_id, repair.procurement_group_id)
        self._order_and_receive(request.line_ids, 2.0)
        # the receipt serves the repair it was bought for, not the older demand
        self.assertEqual((move.state, move.quantity), ("assigned", 2.0))
        self.assertEqual(other_demand.move_ids.quantity, 0.0)
        # received and reserved: nothing left to request
        line = self._resolver(repair).line_ids
        self.assertEqual(
            (line.decision, line.requested_quantity, line.buy_quantity), ("reserved", 0.0, 0.0)
        )

    def test_partial_receipt_keeps_the_rest_requested(self):
        repair = self._repair([(self.part_buy, 5)])
        repair._aftersales_resolve_parts()
        request = repair.aftersales_purchase_request_ids
        order = self._order_and_receive(request.line_ids, 3.0)
        self.assertEqual(repair.move_ids.quantity, 3.0)
        # 2 are still on the purchase order's backorder: not requested again
        self.assertTrue(order.picking_ids.filtered(lambda p: p.state not in ("done", "cancel")))
        line = self._resolver(repair).line_ids
        self.assertEqual(
            (line.quantity, line.requested_quantity, line.buy_quantity), (2.0, 2.0, 0.0)
        )

    def test_pick_slip_lists_reserved_and_awaited(self):
        # R16: the store keeper picks the 6 reserved seals; 34 are awaited on the purchase request
        repair = self._repair([(self.part_stock, 40)], ticket=self.ticket_free)
        repair._aftersales_resolve_parts()
        request = repair.aftersales_purchase_request_ids
        text = report_text(self, "aftersales_service.report_pick_slip", repair)
        self.assertIn("ToPickNow", text)
        self.assertIn("Awaited", text)
        to_pick, awaited = text.split("Awaited", 1)
        self.assertIn("T-SEALSealkit6.0", to_pick)
        self.assertNotIn("40.0", text)
        self.assertIn("T-SEALSealkit34.0Units%s" % request.name, awaited)

    def test_shipment_leaves_only_checked_item_by_item(self):
        # R16: Odoo's per-line `picked` is the check; validation records who and when
        repair = self._repair([(self.part_stock, 2)], ticket=self.ticket_free)
        customers = self.env.ref("stock.stock_location_customers")
        shipment = self.env["stock.picking"].create(
            {
                "picking_type_id": self.warehouse.out_type_id.id,
                "aftersales_repair_id": repair.id,
                "location_id": self.stock.id,
                "location_dest_id": customers.id,
                "move_ids": [
                    Command.create(
                        {
                            "name": product.name,
                            "product_id": product.id,
                            "product_uom_qty": 1.0,
                            "location_id": self.stock.id,
                            "location_dest_id": customers.id,
                        }
                    )
                    for product in (self.part_stock, self.part_equivalent)
                ],
            }
        )
        shipment.action_confirm()
        shipment.action_assign()
        shipment = shipment.with_user(self.store_keeper)
        with self.assertRaisesRegex(UserError, "item by item"):
            shipment.button_validate()
        self.assertEqual(shipment.state, "assigned")
        self.assertFalse(shipment.move_ids.filtered("picked"))
        # the seal is checked, the membrane is not: only the seal leaves (Odoo's backorder)
        seal = shipment.move_ids.filtered(lambda m: m.product_id == self.part_stock)
        seal.picked = True
        action = shipment.button_validate()
        Form.from_action(self.env(user=self.store_keeper), action).save().process()
        self.assertEqual(shipment.state, "done")
        self.assertEqual(shipment.move_ids.product_id, self.part_stock)
        self.assertEqual(shipment.aftersales_checked_by_id, self.store_keeper)
        self.assertTrue(shipment.date_done)
        backorder = shipment.backorder_ids
        self.assertEqual(backorder.move_ids.product_id, self.part_equivalent)
        self.assertEqual(backorder.aftersales_repair_id, repair)
        self.assertFalse(backorder.aftersales_checked_by_id)
