from contextlib import closing

from odoo import Command
from odoo.tests import tagged

from .concurrency import CommittedDataCase


@tagged("post_install", "-at_install")
class TestResolverConcurrency(CommittedDataCase):
    """Two repairs resolve the last unit at the same moment, in two real transactions (the
    committed set-up: CommittedDataCase)."""

    def _create_committed(self, env):
        warehouse = env["stock.warehouse"].search([("company_id", "=", env.company.id)], limit=1)
        product = env["product.product"].create(
            {"name": "Concurrency test part", "is_storable": True}
        )
        env["stock.quant"]._update_available_quantity(product, warehouse.lot_stock_id, 1.0)
        partner = env["res.partner"].create({"name": "Concurrency test customer"})
        repairs = env["repair.order"].create(
            [
                {
                    "partner_id": partner.id,
                    "move_ids": [
                        Command.create(
                            {
                                "repair_line_type": "add",
                                "product_id": product.id,
                                "product_uom_qty": 1.0,
                            }
                        )
                    ],
                }
                for _i in range(2)
            ]
        )
        return {
            "product": product.id,
            "partner": partner.id,
            "repairs": repairs.ids,
            "groups": repairs.procurement_group_id.ids,
        }

    def _cleanup_committed(self, env):
        cr = env.cr
        repairs = env["repair.order"].browse(self.ids["repairs"]).exists()
        requests = env["purchase.request"].search([("aftersales_repair_id", "in", repairs.ids)])
        requests.button_draft()
        requests.unlink()
        moves = repairs.move_ids
        repairs.action_repair_cancel()
        moves.unlink()
        env["mail.message"].search(
            [("model", "=", "repair.order"), ("res_id", "in", repairs.ids)]
        ).unlink()
        repairs.unlink()
        env["procurement.group"].browse(self.ids["groups"]).exists().unlink()
        cr.execute("DELETE FROM stock_quant WHERE product_id = %s", [self.ids["product"]])
        product = env["product.product"].browse(self.ids["product"])
        template = product.product_tmpl_id
        product.unlink()
        template.unlink()
        env["res.partner"].browse(self.ids["partner"]).unlink()

    def test_last_unit_reserved_once(self):
        with self._two_transactions() as (env_a, env_b):
            repair_a = env_a["repair.order"].browse(self.ids["repairs"][0])
            repair_b = env_b["repair.order"].browse(self.ids["repairs"][1])
            # A locks and reserves the last unit but has not committed yet ...
            request_a = repair_a._aftersales_resolve_parts()
            env_a.flush_all()
            # ... while B resolves at the same moment: it must not count that unit.
            request_b = repair_b._aftersales_resolve_parts()
            env_b.flush_all()
            self.assertEqual(repair_a.move_ids.state, "assigned")
            self.assertFalse(request_a)
            self.assertEqual(repair_b.move_ids.state, "confirmed")
            self.assertEqual(repair_b.move_ids.aftersales_decision, "purchase")
            self.assertEqual(request_b.line_ids.product_qty, 1.0)
        with closing(self.registry.cursor()) as cr:
            env = self._env(cr)
            quant = env["stock.quant"].search(
                [("product_id", "=", self.ids["product"]), ("location_id.usage", "=", "internal")]
            )
            self.assertEqual(sum(quant.mapped("reserved_quantity")), 1.0)
            states = env["repair.order"].browse(self.ids["repairs"]).move_ids.mapped("state")
            self.assertEqual(sorted(states), ["assigned", "confirmed"])
