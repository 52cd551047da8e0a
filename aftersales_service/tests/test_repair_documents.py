import re

from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .pdf_text import PdfTextMixin
from .repair_common import RepairCase


@tagged("post_install", "-at_install")
class TestRepairDocuments(PdfTextMixin, RepairCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.project.write(
            {
                "site_street": "金山区化学工业区 88 号",
                "site_city": "上海",
                "site_contact": "张强",
                "site_phone": "+86 139 1234 5678",
            }
        )
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.env["ir.module.module"]._load_module_terms(["aftersales_service"], ["zh_CN"])
        cls.repair = cls._repair([(cls.part_stock, 2)], ticket=cls.ticket_free)
        cls.part_stock.write({"weight": 60.0, "volume": 0.2})

    def _html(self, report, records, lang):
        html, _type = (
            self.env["ir.actions.report"]
            .with_context(lang=lang)
            ._render_qweb_html(report, records.ids)
        )
        return html.decode()

    def _pdf(self, report, records):
        """The Chinese PDF's bytes through Odoo's wkhtmltopdf runner. The asset links are left
        out: inside the test transaction the web server could not serve the freshly built
        bundles. What the runner logs reaches setup/test.sh's warning gate."""
        html = self._html(report, records, "zh_CN")
        html = re.sub(r"<link [^>]*>|<script [^>]*>.*?</script>", "", html, flags=re.S)
        return self.env["ir.actions.report"]._run_wkhtmltopdf([html], report_ref=report)

    def _shipment(self, qty):
        out_type = self.warehouse.out_type_id
        return self.env["stock.picking"].create(
            {
                "picking_type_id": out_type.id,
                "partner_id": self.customer.id,
                "aftersales_repair_id": self.repair.id,
                "location_id": self.stock.id,
                "location_dest_id": self.env.ref("stock.stock_location_customers").id,
                "move_ids": [
                    Command.create(
                        {
                            "name": self.part_stock.name,
                            "product_id": self.part_stock.id,
                            "product_uom_qty": qty,
                            "location_id": self.stock.id,
                            "location_dest_id": self.env.ref("stock.stock_location_customers").id,
                        }
                    )
                ],
            }
        )

    def test_pick_slip_in_both_languages(self):
        # R16: one line per item with a check column, the project order number, signatures, QR.
        report = "aftersales_service.report_pick_slip"
        english = self._html(report, self.repair, "en_US")
        for text in (
            "Pick Slip",
            "Store Keeper",
            "Recipient",
            "Checked",
            self.project.name,
            self.repair.name,
            "T-SEAL",
            "data:image/png;base64,",
        ):
            self.assertTrue(text in english, text)
        chinese = self._html(report, self.repair, "zh_CN")
        for text in ("出库领料单", "仓库保管员", "领料人", self.project.name):
            self.assertTrue(text in chinese, text)
        self.assertPdfText(
            self._pdf(report, self.repair), "出库领料单", self.repair.name, self.project.name
        )

    def test_large_shipment_and_consignment_note(self):
        small = self._shipment(1)  # 60 kg, 0.2 m³
        self.assertFalse(small.aftersales_large_shipment)
        large = self._shipment(2)  # 120 kg > 100 kg
        self.assertTrue(large.aftersales_large_shipment)
        self.company.aftersales_large_weight = 500.0
        bulky = self._shipment(6)  # 360 kg, 1.2 m³ > 1 m³
        self.assertTrue(bulky.aftersales_large_shipment)
        small.aftersales_large_shipment = True  # by hand
        self.assertTrue(small.aftersales_large_shipment)
        self.assertEqual(large.aftersales_project_id, self.project)
        self.assertEqual(large.aftersales_ticket_id, self.ticket_free)
        report = "aftersales_service.report_consignment_note"
        english = self._html(report, large, "en_US")
        for text in (
            "Consignment Note",
            "Consignee Company",
            self.customer.name,
            "金山区化学工业区 88 号",
            "张强",
            "+86 139 1234 5678",
            self.project.name,
        ):
            self.assertTrue(text in english, text)
        chinese = self._html(report, large, "zh_CN")
        for text in ("托运单", "收货单位", "张强"):
            self.assertTrue(text in chinese, text)
        self.assertPdfText(
            self._pdf(report, large), "托运单", large.name, "张强", self.project.name
        )

    def test_tracking_shown_on_request(self):
        # R18: carrier, tracking number and dates are kept and shown on the request.
        shipment = self._shipment(1)
        shipment.write(
            {
                "aftersales_carrier": "顺丰速运 SF Express",
                "aftersales_tracking_ref": "SF1234567890",
                "aftersales_shipped_at": "2026-03-03 01:00:00",
                "aftersales_delivered_at": "2026-03-04 06:00:00",
            }
        )
        self.assertEqual(self.ticket_free.aftersales_shipment_ids, shipment)
        self.assertEqual(
            self.ticket_free.aftersales_shipment_ids.aftersales_tracking_ref, "SF1234567890"
        )
        with self.assertRaises(ValidationError):
            shipment.aftersales_delivered_at = "2026-03-02 00:00:00"

    def test_new_shipment_action_defaults(self):
        self.repair._aftersales_resolve_parts()
        action = self.repair.action_aftersales_new_shipment()
        context = action["context"]
        self.assertEqual(context["default_aftersales_repair_id"], self.repair.id)
        self.assertEqual(context["default_partner_id"], self.customer.id)
        self.assertEqual(context["default_picking_type_id"], self.warehouse.out_type_id.id)
