from odoo.tests import tagged

from .repair_common import RepairCase


@tagged("post_install", "-at_install")
class TestPartsCostOnce(RepairCase):
    """The parts cost has one definition (issue 20): the repair, its request and the request's
    dispatches show the same figure, in the product's unit whatever unit the line uses."""

    def test_part_in_other_unit_costs_the_same_everywhere(self):
        dozen = self.env.ref("uom.product_uom_dozen")
        # 2 dozens of seal kits at 100 each: 24 units, 2,400.
        repair = self._repair(
            [(self.part_stock, 2, {"product_uom": dozen.id})], ticket=self.ticket_paid
        )
        self.assertEqual(repair.move_ids.product_qty, 24)
        self.assertEqual(repair.move_ids._aftersales_parts_cost(), {repair.move_ids.id: 2400.0})
        self.assertEqual(repair.aftersales_parts_cost, 2400.0)
        self.assertEqual(self.ticket_paid._aftersales_parts_costs(), {self.ticket_paid.id: 2400.0})
        self.ticket_paid.invalidate_recordset(["aftersales_service_cost"])
        self.assertEqual(self.ticket_paid.aftersales_service_cost, 2400.0)
