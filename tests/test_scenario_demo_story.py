"""The demo story a newcomer sees after setup/run.sh, checked on the test database
(which setup/test.sh builds with the three addons and their demo data)."""

from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestDemoStory(TransactionCase):
    def test_three_addons_installed(self):
        modules = self.env["ir.module.module"].search(
            [("name", "in", ["aftersales_service", "aftersales_hazard", "aftersales_collection"])]
        )
        self.assertEqual(set(modules.mapped("state")), {"installed"})
        self.assertEqual(len(modules), 3)

    def test_water_treatment_maker_and_its_customers(self):
        company = self.env.ref("base.main_company")
        self.assertEqual(company.state_id, self.env.ref("base.state_cn_SH"))
        self.assertEqual(company.resource_calendar_id.tz, "Asia/Shanghai")
        projects = self.env["aftersales.project"].search([("company_id", "=", company.id)])
        demo = projects.filtered(lambda p: p.get_external_id()[p.id].startswith("aftersales_"))
        self.assertEqual(len(demo), 9)
        self.assertEqual(len(demo.partner_id), 4)
        by_xmlid = {p.get_external_id()[p.id].split(".")[1]: p for p in demo}
        near = by_xmlid["project_pujiang_upw"]
        self.assertLessEqual(near.site_distance_km, 100)
        self.assertEqual(near.site_state_id, self.env.ref("base.state_cn_SH"))
        jiangsu = by_xmlid["project_sunan_dye"]
        self.assertEqual(jiangsu.site_state_id, self.env.ref("base.state_cn_JS"))
        self.assertEqual(jiangsu.site_distance_km, 180)
        self.assertEqual(
            by_xmlid["project_zhujiang_food"].site_state_id, self.env.ref("base.state_cn_GD")
        )
        self.assertEqual(by_xmlid["project_jiahe_paper"].warranty_status, "expired")
        self.assertEqual(by_xmlid["project_pujiang_ww"].warranty_status, "expiring")
        self.assertEqual(by_xmlid["project_pujiang_upw"].warranty_status, "in_warranty")
        self.assertTrue(all(p.lot_ids for p in demo), "every demo project has installed serials")

    def test_spare_parts_in_stock(self):
        seal = self.env.ref("aftersales_service.product_pump_seal")
        membrane = self.env.ref("aftersales_service.product_ro_membrane")
        self.assertEqual(seal.qty_available, 6)
        self.assertEqual(membrane.qty_available, 24)
