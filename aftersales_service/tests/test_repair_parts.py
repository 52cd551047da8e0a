from datetime import datetime

from odoo import Command, fields
from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged

from .repair_common import RepairCase


@tagged("post_install", "-at_install")
class TestRepairParts(RepairCase):
    def _resolver(self, repair):
        action = repair.action_aftersales_resolve_parts()
        return self.env[action["res_model"]].browse(action["res_id"])

    # --- repair from the request -------------------------------------------------------
    def test_create_repair_from_request(self):
        action = self.ticket_free.action_create_repair()
        repair = self.env["repair.order"].browse(action["res_id"])
        self.assertEqual(repair.ticket_id, self.ticket_free)
        self.assertEqual(self.ticket_free.repair_ids, repair)
        self.assertEqual(repair.partner_id, self.customer)
        self.assertEqual(repair.aftersales_project_id, self.project)
        self.assertEqual(repair.lot_id, self.serial)
        self.assertEqual(repair.product_id, self.equipment)
        # R5/R6: warranty follows the request's coverage, also when it changes.
        self.assertTrue(repair.under_warranty)
        self.ticket_free.write({"coverage": "paid", "coverage_reason": "Damage by the operator"})
        self.assertFalse(repair.under_warranty)
        paid = self.env["repair.order"].browse(self.ticket_paid.action_create_repair()["res_id"])
        self.assertFalse(paid.under_warranty)

    def test_equivalents_are_symmetric(self):
        short = self.part_short.product_tmpl_id
        equivalent = self.part_equivalent.product_tmpl_id
        self.assertIn(equivalent, short.aftersales_equivalent_ids)
        short.aftersales_equivalent_ids = [Command.unlink(equivalent.id)]
        self.assertNotIn(short, equivalent.aftersales_equivalent_ids)

    # --- resolver branches (R14, R15) ---------------------------------------------------
    def test_stock_first_reserves(self):
        repair = self._repair([(self.part_stock, 2)], ticket=self.ticket_free)
        wizard = self._resolver(repair)
        line = wizard.line_ids
        self.assertEqual(
            (line.decision, line.on_hand, line.free, line.quantity), ("reserve", 5.0, 5.0, 2.0)
        )
        wizard.action_confirm()
        move = repair.move_ids
        self.assertEqual(repair.state, "confirmed")
        self.assertEqual(move.state, "assigned")
        self.assertEqual(move.aftersales_decision, "reserve")
        self.assertFalse(repair.aftersales_purchase_request_ids)

    def test_reserved_by_others_is_shown_and_respected(self):
        first = self._repair([(self.part_stock, 4)])
        first._aftersales_resolve_parts()
        second = self._repair([(self.part_stock, 2)])
        line = self._resolver(second).line_ids
        self.assertEqual((line.on_hand, line.reserved_other, line.free), (5.0, 4.0, 1.0))
        # 1 free of 2: the free unit is reserved, the missing one is requested.
        self.assertEqual((line.decision, line.buy_quantity), ("purchase", 1.0))

    def test_equivalent_swap_confirmed_in_wizard(self):
        repair = self._repair([(self.part_short, 3)], ticket=self.ticket_free)
        wizard = self._resolver(repair)
        line = wizard.line_ids
        self.assertEqual(line.decision, "swap")
        self.assertEqual(line.equivalent_product_id, self.part_equivalent)
        self.assertEqual((line.on_hand, line.free), (0.0, 0.0))
        self.assertTrue(line.accept_swap)
        wizard.action_confirm()
        move = repair.move_ids
        self.assertEqual(move.product_id, self.part_equivalent)
        self.assertEqual(move.aftersales_requested_product_id, self.part_short)
        self.assertEqual(move.state, "assigned")
        body = repair.message_ids[0].body
        self.assertIn(self.part_short.display_name, body)
        self.assertIn(self.part_equivalent.display_name, body)

    def test_equivalent_refused_goes_to_purchase(self):
        repair = self._repair([(self.part_short, 3)])
        wizard = self._resolver(repair)
        with Form(wizard) as form:
            with form.line_ids.edit(0) as line:
                line.accept_swap = False
        wizard.action_confirm()
        self.assertEqual(repair.move_ids.product_id, self.part_short)
        self.assertEqual(repair.move_ids.aftersales_decision, "purchase")
        self.assertEqual(repair.aftersales_purchase_request_ids.line_ids.product_qty, 3.0)

    def test_purchase_request_one_per_run_linked(self):
        repair = self._repair(
            [(self.part_buy, 2), (self.part_stock, 1), (self.part_short, 10)],
            ticket=self.ticket_free,
        )
        repair._aftersales_resolve_parts()
        request = repair.aftersales_purchase_request_ids
        self.assertEqual(len(request), 1)
        self.assertEqual(request.aftersales_ticket_id, self.ticket_free)
        self.assertEqual(request.origin, repair.name)
        self.assertEqual(request.state, "to_approve")
        self.assertEqual(
            sorted(request.line_ids.mapped(lambda rec: (rec.product_id.id, rec.product_qty))),
            sorted([(self.part_buy.id, 2.0), (self.part_short.id, 10.0)]),
        )
        moves = repair.move_ids.filtered(lambda m: m.aftersales_decision == "purchase")
        self.assertEqual(moves.aftersales_purchase_line_ids, request.line_ids)
        # the line is due by its part deadline (domestic: 3 working days)
        buy_line = request.line_ids.filtered(lambda rec: rec.product_id == self.part_buy)
        self.assertEqual(buy_line.date_required, fields.Date.to_date("2026-03-05"))

    def test_receipt_reserves_waiting_repair(self):
        repair = self._repair([(self.part_buy, 2)])
        repair._aftersales_resolve_parts()
        move = repair.move_ids
        self.assertEqual(move.state, "confirmed")
        receipt = self.env["stock.picking"].create(
            {
                "picking_type_id": self.warehouse.in_type_id.id,
                "location_id": self.env.ref("stock.stock_location_suppliers").id,
                "location_dest_id": self.stock.id,
                "move_ids": [
                    Command.create(
                        {
                            "name": self.part_buy.name,
                            "product_id": self.part_buy.id,
                            "product_uom_qty": 2.0,
                            "location_id": self.env.ref("stock.stock_location_suppliers").id,
                            "location_dest_id": self.stock.id,
                        }
                    )
                ],
            }
        )
        receipt.action_confirm()
        receipt.move_ids.quantity = 2.0
        receipt.move_ids.picked = True
        receipt.button_validate()
        self.assertEqual(receipt.state, "done")
        # Odoo's own reservation on receipt: the waiting repair line gets the goods.
        self.assertEqual(move.state, "assigned")
        self.assertEqual(move.quantity, 2.0)

    # --- deadlines (R8) -----------------------------------------------------------------
    def test_part_deadlines_and_request_parts_deadline(self):
        repair = self._repair(
            [
                (self.part_stock, 1),
                (self.part_buy, 1),
                (self.part_imported, 1, {"aftersales_contract_date": "2026-04-30"}),
            ],
            ticket=self.ticket_free,
        )
        deadlines = {m.product_id: m.aftersales_parts_deadline for m in repair.move_ids}
        self.assertEqual(deadlines[self.part_stock], datetime(2026, 3, 3, 2, 0))
        self.assertEqual(deadlines[self.part_buy], datetime(2026, 3, 5, 2, 0))
        # contract date: the end of that day in Shanghai
        self.assertEqual(deadlines[self.part_imported], datetime(2026, 4, 30, 16, 0))
        self.assertEqual(self.ticket_free.parts_deadline, datetime(2026, 4, 30, 16, 0))
        self.assertEqual(
            self.ticket_free._aftersales_parts_deadline(), datetime(2026, 4, 30, 16, 0)
        )
        repair.move_ids.filtered(lambda m: m.product_id == self.part_imported).unlink()
        self.assertEqual(self.ticket_free.parts_deadline, datetime(2026, 3, 5, 2, 0))

    def test_domestic_deadline_skips_company_holiday(self):
        calendar = self.company.resource_calendar_id
        calendar.tz = "Asia/Shanghai"
        self.env["resource.calendar.leaves"].create(
            {
                "name": "Company holiday",
                "calendar_id": calendar.id,
                "date_from": "2026-03-02 16:00:00",  # 3 March 00:00 in Shanghai
                "date_to": "2026-03-03 15:59:59",
            }
        )
        repair = self._repair([(self.part_buy, 1)], ticket=self.ticket_free)
        self.assertEqual(repair.move_ids.aftersales_parts_deadline, datetime(2026, 3, 6, 2, 0))

    # --- bad input ----------------------------------------------------------------------
    def test_bad_input_is_refused_and_nothing_written(self):
        Repair = self.env["repair.order"]
        count = Repair.search_count([])
        move_count = self.env["stock.move"].search_count([])
        with self.assertRaises(ValidationError):
            self._repair([(self.part_imported, 1)])
        with self.assertRaises(UserError):
            Repair.create(
                {
                    "partner_id": self.customer.id,
                    "move_ids": [Command.create({"repair_line_type": "add", "product_uom_qty": 1})],
                }
            )
        with self.assertRaises(ValidationError):
            Repair.create(
                {
                    "partner_id": self.customer_b.id,
                    "product_id": self.equipment.id,
                    "lot_id": self.serial.id,
                }
            )
        self.assertEqual(Repair.search_count([]), count)
        self.assertEqual(self.env["stock.move"].search_count([]), move_count)

    def test_done_repair_cannot_be_resolved(self):
        repair = self._repair([(self.part_stock, 1)])
        repair.action_repair_cancel()
        with self.assertRaises(UserError):
            repair._aftersales_resolve_parts()

    def test_part_quantity_positive_where_it_does_harm(self):
        """A part line may be drafted with any quantity, as in Odoo (issue 20: Odoo's repair
        suite runs unchanged with ours installed); our repairs refuse a zero or negative one
        when the parts are resolved, the repair confirmed or ended, and nothing is written.
        Odoo's own repairs (no request, no project) keep Odoo's rules."""
        repair = self._repair([(self.part_stock, 0)], ticket=self.ticket_free)
        self.assertEqual(repair.move_ids.product_uom_qty, 0.0)
        with self.assertRaisesRegex(UserError, "must be positive"):
            repair._aftersales_resolve_parts()
        with self.assertRaisesRegex(UserError, "must be positive"):
            repair.action_validate()
        self.assertEqual(repair.state, "draft")
        self.assertEqual(repair.move_ids.state, "draft")
        repair.move_ids.product_uom_qty = -2
        with self.assertRaisesRegex(UserError, "must be positive"):
            repair.action_repair_start()
        repair.move_ids.product_uom_qty = 1
        repair.action_validate()
        repair.action_repair_start()
        repair.move_ids.product_uom_qty = 0
        with self.assertRaisesRegex(UserError, "must be positive"):
            repair.action_repair_end()
        self.assertEqual(repair.state, "under_repair")
        odoo_repair = self._repair([(self.part_stock, 0)], aftersales_project_id=False)
        odoo_repair.action_validate()
        self.assertEqual(odoo_repair.state, "confirmed")
