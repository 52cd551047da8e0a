from datetime import date

from odoo.tests import tagged

from odoo.addons.aftersales_service.tests.pdf_text import report_text

from .common import CollectionCase


@tagged("post_install", "-at_install")
class TestCustomerFileRetention(CollectionCase):
    """R4: the customer file lists the retention money of the customer's projects, for the back
    office and accounting only."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.project = cls._project_ending(date(2026, 6, 30), "T-FILE-RET")
        cls.retention = cls._retention(cls.project, 1234.0)
        cls.other = cls._retention(
            cls._project_ending(date(2026, 6, 30), "T-FILE-RET-B", partner_id=cls.customer_b.id),
            999.0,
        )

    def test_retention_in_the_file(self):
        data = self.customer.with_user(self.as_user)._aftersales_customer_file()
        self.assertEqual(data["retentions"], self.retention)
        text = report_text(
            self, "aftersales_service.action_report_customer_file", self.customer, user=self.as_user
        )
        self.assertIn(self.retention.name.replace(" ", ""), text)
        self.assertIn("1,234.00", text)
        self.assertNotIn("T-FILE-RET-B", text)
