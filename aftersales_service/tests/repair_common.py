from odoo import Command, fields

from .common import AftersalesCase


class RepairCase(AftersalesCase):
    """Set-up for repairs and parts: a warehouse, spare parts with stock, a project with an
    installed serial, a free and a paid service request."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.warehouse = cls.env["stock.warehouse"].search(
            [("company_id", "=", cls.company.id)], limit=1
        )
        cls.stock = cls.warehouse.lot_stock_id
        Product = cls.env["product.product"]
        part = {"is_storable": True, "standard_price": 100.0, "list_price": 150.0}
        cls.part_stock = Product.create({"name": "Seal kit", "default_code": "T-SEAL", **part})
        cls.part_short = Product.create({"name": "Membrane 8040", "default_code": "T-MEM", **part})
        cls.part_equivalent = Product.create(
            {
                "name": "Membrane 8040 LF",
                "default_code": "T-MEM-LF",
                "aftersales_equivalent_ids": [Command.link(cls.part_short.product_tmpl_id.id)],
                **part,
            }
        )
        cls.part_buy = Product.create(
            {"name": "Pump impeller", "aftersales_part_origin": "domestic", **part}
        )
        cls.part_imported = Product.create(
            {"name": "Analyser (imported)", "aftersales_part_origin": "imported", **part}
        )
        cls.labour = Product.create(
            {
                "name": "On-site labour",
                "type": "service",
                "standard_price": 300.0,
                "list_price": 500.0,
            }
        )
        Quant = cls.env["stock.quant"]
        Quant._update_available_quantity(cls.part_stock, cls.stock, 5.0)
        Quant._update_available_quantity(cls.part_equivalent, cls.stock, 4.0)
        cls.equipment = Product.create(
            {"name": "RO unit", "is_storable": True, "tracking": "serial"}
        )
        cls.project = cls._project("T-R-0001")
        cls.serial = cls.env["stock.lot"].create(
            {
                "name": "RO-T-0001",
                "product_id": cls.equipment.id,
                "company_id": cls.company.id,
                "aftersales_project_id": cls.project.id,
            }
        )
        cls.ticket_free = cls._ticket("Membranes fouled", "free")
        cls.ticket_paid = cls._ticket("Pump noisy", "paid")

    @classmethod
    def _ticket(cls, name, coverage, **vals):
        return cls.env["helpdesk.ticket"].create(
            {
                "name": name,
                "description": name,
                "partner_id": cls.customer.id,
                "aftersales_project_id": cls.project.id,
                "lot_id": cls.serial.id,
                "coverage": coverage,
                "coverage_reason": "Set by the test",
                # Monday 2 March 2026, 10:00 in Shanghai
                "received_at": fields.Datetime.to_datetime("2026-03-02 02:00:00"),
                **vals,
            }
        )

    @classmethod
    def _repair(cls, lines, ticket=None, **vals):
        """A draft repair with part lines [(product, qty, extra vals), ...]."""
        return cls.env["repair.order"].create(
            {
                "partner_id": cls.customer.id,
                "ticket_id": ticket.id if ticket else False,
                "aftersales_project_id": cls.project.id,
                "move_ids": [
                    Command.create(
                        {
                            "repair_line_type": "add",
                            "product_id": line[0].id,
                            "product_uom_qty": line[1],
                            **(line[2] if len(line) > 2 else {}),
                        }
                    )
                    for line in lines
                ],
                **vals,
            }
        )
