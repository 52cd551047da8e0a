from datetime import date, timedelta

from psycopg2 import IntegrityError

from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common import AftersalesCase


@tagged("post_install", "-at_install")
class TestProjectWarranty(AftersalesCase):
    def test_warranty_from_acceptance_else_delivery(self):
        project = self._project(delivery_date="2026-01-15")
        self.assertEqual(project.warranty_start, date(2026, 1, 15))
        self.assertEqual(project.warranty_end, date(2027, 1, 15))
        project.acceptance_date = "2026-02-10"
        self.assertEqual(project.warranty_start, date(2026, 2, 10))
        self.assertEqual(project.warranty_end, date(2027, 2, 10))

    def test_custom_months_and_month_end(self):
        project = self._project(delivery_date="2026-01-31", warranty_months=1)
        self.assertEqual(project.warranty_end, date(2026, 2, 28))
        project.delivery_date = "2027-01-31"  # 2028 is a leap year, 2027 is not
        project.warranty_months = 13
        self.assertEqual(project.warranty_end, date(2028, 2, 29))
        project.warranty_months = 18
        self.assertEqual(project.warranty_end, date(2028, 7, 31))

    def test_default_months_from_company_settings(self):
        self.company.aftersales_warranty_months = 24
        project = self._project()
        self.assertEqual(project.warranty_months, 24)
        self.assertEqual(project.warranty_end, date(2028, 1, 15))

    def test_no_dates_no_warranty(self):
        project = self.Project.create({"name": "T-ND", "partner_id": self.customer.id})
        self.assertFalse(project.warranty_start)
        self.assertFalse(project.warranty_end)
        self.assertEqual(project.warranty_status, "none")
        self.assertFalse(project._covers(date(2026, 1, 1)))

    def test_covers_last_day_not_the_next(self):
        project = self._project(delivery_date="2026-01-15")
        self.assertTrue(project._covers(date(2027, 1, 15)))
        self.assertFalse(project._covers(date(2027, 1, 16)))

    def test_status_badge_and_search(self):
        today = self.env.company._aftersales_today()
        expired = self._project("T-EXP", delivery_date=today - timedelta(days=400))
        expiring = self._project("T-SOON", delivery_date=today - timedelta(days=350))
        fine = self._project("T-OK", delivery_date=today - timedelta(days=10))
        self.assertEqual(expired.warranty_status, "expired")
        self.assertEqual(expiring.warranty_status, "expiring")
        self.assertEqual(fine.warranty_status, "in_warranty")
        mine = expired | expiring | fine
        for status, project in [
            ("expired", expired),
            ("expiring", expiring),
            ("in_warranty", fine),
        ]:
            found = self.Project.search([("id", "in", mine.ids), ("warranty_status", "=", status)])
            self.assertEqual(found, project, status)
            others = self.Project.search(
                [("id", "in", mine.ids), ("warranty_status", "!=", status)]
            )
            self.assertEqual(others, mine - project, status)

    def test_site_filled_from_customer(self):
        self.customer.write({"street": "1 Test Road", "city": "Suzhou", "phone": "+86 512 1"})
        with Form(self.Project) as form:
            form.name = "T-FORM"
            form.partner_id = self.customer
            self.assertEqual(form.site_street, "1 Test Road")
            self.assertEqual(form.site_city, "Suzhou")
            self.assertEqual(form.site_phone, "+86 512 1")


@tagged("post_install", "-at_install")
class TestProjectValidation(AftersalesCase):
    def test_unique_number_per_company(self):
        # The database refuses the duplicate; Odoo shows the constraint's translated message.
        self._project("XM-1")
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError) as caught:
            with self.env.cr.savepoint():
                self._project("XM-1")
        self.assertIn("aftersales_project_name_company_uniq", str(caught.exception))
        other = self.Project.create(
            {"name": "XM-1", "partner_id": self.customer.id, "company_id": self.other_company.id}
        )
        self.assertEqual(other.company_id, self.other_company)
        constraint = self.env["ir.model.constraint"].search(
            [("name", "=", "aftersales_project_name_company_uniq")]
        )
        self.assertEqual(constraint.message, "A project order number must be unique per company.")

    def test_acceptance_before_delivery(self):
        with self.assertRaisesRegex(ValidationError, "acceptance date"):
            self._project("T-AD1", delivery_date="2026-03-01", acceptance_date="2026-02-28")
        project = self._project("T-AD2", delivery_date="2026-03-01", acceptance_date="2026-03-01")
        with self.assertRaises(ValidationError):
            project.acceptance_date = "2026-02-01"

    def test_warranty_months_in_range(self):
        # Issue 12: 100000 months used to end in a raw "year out of range".
        for months in (0, -3, 121, 100000):
            with self.assertRaises(ValidationError) as caught:
                self._project(f"T-M{months}", warranty_months=months)
            self.assertIn("from 1 to 120 months", str(caught.exception))
        project = self._project("T-M120", warranty_months=120)
        self.assertEqual(str(project.warranty_end), "2036-01-15")
        with self.assertRaises(ValidationError):
            project.warranty_months = 100000
        self.assertEqual(project.warranty_months, 120)

    def test_negative_distance(self):
        with self.assertRaisesRegex(ValidationError, "cannot be negative"):
            self._project("T-D1", site_distance_km=-1)
        self.assertEqual(self._project("T-D2", site_distance_km=0).site_distance_km, 0)

    def test_errors_are_translated(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(["aftersales_service"], ["zh_CN"])
        with self.assertRaisesRegex(ValidationError, "不能为负"):
            self._project().with_context(lang="zh_CN").site_distance_km = -5

    def test_serial_of_other_company_refused(self):
        project = self._project()
        product = self.env["product.product"].create(
            {"name": "Pump", "is_storable": True, "tracking": "serial"}
        )
        lot = self.env["stock.lot"].create(
            {"name": "SN-X", "product_id": product.id, "company_id": self.other_company.id}
        )
        with self.assertRaisesRegex(ValidationError, "cannot be installed"):
            lot.aftersales_project_id = project
