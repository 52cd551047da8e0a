from odoo.tests import tagged

from .common import AftersalesCase
from .pdf_text import report_text


@tagged("post_install", "-at_install")
class TestCustomerFile(AftersalesCase):
    """R4: the customer file: projects with warranty and maintenance status, serials, open and
    past requests, complaints, service reports with ratings, receivables; printable, reachable
    from every request."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.project = cls._project("T-FILE-001", title="Boiler water")
        cls.other_project = cls._project("T-FILE-OTHER", partner_id=cls.customer_b.id)
        product = cls.env["product.product"].create(
            {"name": "Pump", "is_storable": True, "tracking": "serial"}
        )
        cls.lot = cls.env["stock.lot"].create(
            {"name": "SN-FILE-1", "product_id": product.id, "aftersales_project_id": cls.project.id}
        )
        Ticket = cls.env["helpdesk.ticket"]
        cls.open_ticket = Ticket.create(
            {
                "name": "Open noise",
                "description": "<p>noise</p>",
                "partner_id": cls.customer_contact.id,
                "aftersales_project_id": cls.project.id,
                "lot_id": cls.lot.id,
            }
        )
        cls.past_ticket = Ticket.create(
            {
                "name": "Past leak",
                "description": "<p>leak</p>",
                "partner_id": cls.customer_contact.id,
                "aftersales_project_id": cls.project.id,
                "stage_id": cls.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done").id,
            }
        )
        cls.complaint = cls.env["aftersales.complaint"].create(
            {
                "partner_id": cls.customer_contact.id,
                "project_id": cls.project.id,
                "description": "Late engineer",
            }
        )
        cls.env["aftersales.complaint"].create(
            {"partner_id": cls.customer_b.id, "description": "Not A's"}
        )

    def test_counts_and_contents(self):
        partner = self.customer_contact.with_user(self.as_user)
        self.assertEqual(
            (partner.aftersales_project_count, partner.aftersales_complaint_count), (1, 1)
        )
        data = partner._aftersales_customer_file()
        self.assertEqual(data["projects"], self.project)
        self.assertEqual(data["open_tickets"], self.open_ticket)
        self.assertEqual(data["past_tickets"], self.past_ticket)
        self.assertEqual(data["complaints"], self.complaint)
        self.assertFalse(self.project._aftersales_maintenance_end() or False)
        action = partner.action_aftersales_complaints()
        self.assertEqual(self.env["aftersales.complaint"].search(action["domain"]), self.complaint)

    def test_reachable_from_every_request(self):
        action = self.open_ticket.with_user(self.as_user).action_open_customer_file()
        self.assertEqual((action["res_model"], action["res_id"]), ("res.partner", self.customer.id))

    def test_printed_file(self):
        text = report_text(
            self,
            "aftersales_service.action_report_customer_file",
            self.customer,
            user=self.as_user,
        )
        for expected in (
            "TestCustomerA",
            "T-FILE-001",
            "SN-FILE-1",
            "Opennoise",
            "Pastleak",
            self.complaint.name,
        ):
            self.assertIn(expected, text)
        self.assertNotIn("T-FILE-OTHER", text)
