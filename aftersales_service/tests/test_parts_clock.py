from datetime import datetime, timedelta

from freezegun import freeze_time

from odoo.tests import tagged

from .repair_common import RepairCase

RECEIVED = datetime(2026, 3, 2, 2, 0)  # Monday 2 March 2026, 10:00 in Shanghai
STOCK_DUE = RECEIVED + timedelta(hours=24)  # R8: common spares within 24 h
SECOND = timedelta(seconds=1)


@tagged("post_install", "-at_install")
class TestPartsClock(RepairCase):
    """R8: a part line is resolved when it leaves the warehouse (its move done), not when it is
    reserved; the request's parts clock stops when its last line is resolved."""

    def _assert_parts_late(self, ticket, expected, message):
        ticket.invalidate_recordset()
        self.assertEqual(ticket.parts_late, expected, "%s: computed" % message)
        Ticket = self.env["helpdesk.ticket"]
        for value in (True, False):
            found = Ticket.search([("id", "=", ticket.id), ("parts_late", "=", value)])
            self.assertEqual(bool(found), expected == value, "%s: search = %s" % (message, value))
        found = Ticket.search([("id", "=", ticket.id), ("aftersales_late", "=", True)])
        self.assertEqual(bool(found), expected, "%s: search aftersales_late" % message)

    def _finish(self, repair, when):
        with freeze_time(when):
            repair.action_repair_start()
            repair.action_repair_end()
        self.assertEqual(repair.state, "done")

    def test_parts_boundaries(self):
        for offset, late in ((-SECOND, False), (timedelta(0), False), (SECOND, True)):
            ticket = self._ticket("Seal leaks %+d" % offset.total_seconds(), "free")
            ticket.answered_at = RECEIVED + timedelta(hours=1)
            repair = self._repair([(self.part_stock, 1)], ticket=ticket)
            self.assertEqual(ticket.parts_deadline, STOCK_DUE)
            repair._action_repair_confirm()
            self.assertEqual(repair.move_ids.state, "assigned")
            # Reserved is not resolved: the clock runs, "now" decides.
            self.assertFalse(ticket.parts_done_at, "a reservation does not stop the parts clock")
            with freeze_time(STOCK_DUE + offset):
                self._assert_parts_late(ticket, late, "running at %+ds" % offset.total_seconds())
            self._finish(repair, STOCK_DUE + offset)
            self.assertEqual(ticket.parts_done_at, STOCK_DUE + offset)
            with freeze_time(STOCK_DUE + timedelta(days=30)):
                self._assert_parts_late(ticket, late, "resolved at %+ds" % offset.total_seconds())
            self.assertFalse(ticket.closed, "the request's closing is not the parts' fact")

    def test_last_line_stops_the_clock_and_cancelled_lines_do_not_count(self):
        ticket = self.ticket_free
        first = self._repair([(self.part_stock, 1)], ticket=ticket)
        second = self._repair([(self.part_buy, 1), (self.part_stock, 1)], ticket=ticket)
        # R8: domestic, easy-to-buy items within 3 working days.
        self.assertEqual(ticket.parts_deadline, datetime(2026, 3, 5, 2, 0))
        first._action_repair_confirm()
        self._finish(first, RECEIVED + timedelta(hours=3))
        self.assertFalse(ticket.parts_done_at, "one repair's parts still wait")
        self.assertEqual(ticket.aftersales_next_clock, "answer")
        ticket.answered_at = RECEIVED + timedelta(hours=1)
        self.assertEqual(ticket.aftersales_next_clock, "parts")
        # The impeller is given up: its line no longer counts, its deadline neither.
        second.move_ids.filtered(lambda m: m.product_id == self.part_buy)._action_cancel()
        self.assertEqual(ticket.parts_deadline, STOCK_DUE)
        second._action_repair_confirm()
        self._finish(second, RECEIVED + timedelta(hours=5))
        self.assertEqual(ticket.parts_done_at, RECEIVED + timedelta(hours=5))
        self.assertFalse(ticket.parts_late)
        self.assertFalse(ticket.aftersales_next_deadline, "no clock left running")

    def test_shipment_to_the_site_resolves_the_part(self):
        ticket = self.ticket_free
        repair = self._repair([(self.part_stock, 1)], ticket=ticket)
        repair._action_repair_confirm()
        out_type = self.warehouse.out_type_id
        picking = self.env["stock.picking"].create(
            {
                "picking_type_id": out_type.id,
                "partner_id": self.customer.id,
                "aftersales_repair_id": repair.id,
                "location_id": self.stock.id,
                "location_dest_id": self.env.ref("stock.stock_location_customers").id,
                "move_ids": [
                    (
                        0,
                        0,
                        {
                            "name": self.part_stock.name,
                            "product_id": self.part_stock.id,
                            "product_uom_qty": 1,
                            "product_uom": self.part_stock.uom_id.id,
                            "location_id": self.stock.id,
                            "location_dest_id": self.env.ref("stock.stock_location_customers").id,
                        },
                    )
                ],
            }
        )
        picking.action_confirm()
        picking.action_assign()
        self.assertFalse(ticket.parts_done_at)
        with freeze_time(RECEIVED + timedelta(hours=30)):
            picking.move_ids.picked = True
            picking._action_done()
        self.assertEqual(picking.state, "done")
        self.assertEqual(ticket.parts_done_at, RECEIVED + timedelta(hours=30))
        self.assertTrue(ticket.parts_late, "shipped 6 h after the 24 h")
