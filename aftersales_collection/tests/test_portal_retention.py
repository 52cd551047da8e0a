from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools.misc import format_date

from odoo.addons.aftersales_service.tests.portal_common import AftersalesPortalCase


@tagged("post_install", "-at_install")
class TestPortalRetention(AftersalesPortalCase):
    """Retention notices on the customer's project page (issue 7): their own retention money
    with its reminder letter (R30); another customer's never, whatever the id."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer.email = "finance@customer-a.example.com"
        cls.company.email = "aftersales@example.com"
        Retention = cls.env["aftersales.retention"]
        cls.pending_a = Retention.create({"project_id": cls.project_a.id, "amount": 12345.0})
        cls.reminded_a = Retention.create({"project_id": cls.project_a.id, "amount": 6789.0})
        cls.reminded_a.action_send_reminder()
        # Customer B: one in the other company, one in ours (same company, other customer).
        cls.project_b_here = cls._project("SECRET-B-HERE", partner_id=cls.customer_b.id)
        cls.retention_b = Retention.with_company(cls.other_company).create(
            {"project_id": cls.project_b.id, "amount": 99999.0}
        )
        cls.retention_b_here = Retention.create(
            {"project_id": cls.project_b_here.id, "amount": 88888.0}
        )
        (cls.retention_b | cls.retention_b_here)._record_reminders()
        cls.foreign = cls.retention_b | cls.retention_b_here

    def setUp(self):
        super().setUp()
        self.authenticate("t_portal_a", "t_portal_a")

    def test_own_project_shows_retention_notices(self):
        self.assertEqual(self.reminded_a.state, "reminded")
        response = self.url_open(f"/my/aftersales/projects/{self.project_a.id}")
        self.assertEqual(response.status_code, 200)
        for retention in self.pending_a | self.reminded_a:
            self.assertIn(retention.name, response.text)
        self.assertIn("12,345.00", response.text)
        self.assertIn("6,789.00", response.text)
        self.assertTrue(self.pending_a.due_date)
        self.assertIn(format_date(self.env, self.pending_a.due_date), response.text)
        # In the customer's words, not the collection team's states (issue 14).
        self.assertIn("Payment requested", response.text)
        self.assertIn(
            "Not yet due"
            if self.pending_a.due_date >= self.env.company._aftersales_today()
            else "Due",
            response.text,
        )
        self.assertNotIn("Pending", response.text)
        self.assertIn(f"/my/aftersales/retentions/{self.reminded_a.id}/letter", response.text)
        self.assertNotIn(f"/my/aftersales/retentions/{self.pending_a.id}/letter", response.text)
        for retention in self.foreign:
            self.assertNotIn(retention.name, response.text)
        self.assertNotIn("99,999.00", response.text)
        self.assertNotIn("88,888.00", response.text)

    def test_reminder_letter_of_own_reminded_retention_only(self):
        letter = self.url_open(f"/my/aftersales/retentions/{self.reminded_a.id}/letter")
        self.assertEqual(letter.status_code, 200)
        self.assertIn(self.reminded_a.name, letter.text)
        self.assertEqual(
            self.url_open(f"/my/aftersales/retentions/{self.pending_a.id}/letter").status_code, 404
        )
        for retention in self.foreign:
            response = self.url_open(f"/my/aftersales/retentions/{retention.id}/letter")
            self.assertEqual(response.status_code, 404)
            self.assertNotIn(retention.name, response.text)

    def test_other_customers_pages_and_records_stay_closed(self):
        for project in (self.project_b, self.project_b_here):
            response = self.url_open(f"/my/aftersales/projects/{project.id}")
            self.assertEqual(response.status_code, 404)
            self.assertNotIn("SECRET", response.text)
        Retention = self.env["aftersales.retention"].with_user(self.portal_a)
        self.assertEqual(
            Retention.search([]), (self.pending_a | self.reminded_a).with_user(self.portal_a)
        )
        for retention in self.foreign:
            with self.assertRaises(AccessError):
                retention.with_user(self.portal_a).read(["amount"])
        with self.assertRaises(AccessError):
            self.pending_a.with_user(self.portal_a).write({"amount": 1.0})
