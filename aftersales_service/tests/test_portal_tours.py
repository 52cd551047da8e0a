from datetime import datetime

from odoo.tests import tagged

from .portal_common import AftersalesPortalCase


@tagged("post_install", "-at_install")
class TestPortalTours(AftersalesPortalCase):
    """The customer in a real (headless Chromium) browser."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.portal_a.partner_id.name = "Tour Customer"
        # The customer starts without any request (OCA/helpdesk#820 hides the button then).
        (cls.report_a | cls.report_b).unlink()
        (cls.ticket_a | cls.ticket_b).unlink()

    def test_file_request_with_photo_and_see_deadline(self):
        self.start_tour("/my", "aftersales_portal_request", login="t_portal_a")
        ticket = self.env["helpdesk.ticket"].search([("name", "=", "Dosing pump leaking")])
        self.assertEqual(len(ticket), 1)
        self.assertEqual(
            ticket.channel_id, self.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_web")
        )
        self.assertEqual(
            (ticket.lot_id, ticket.severity, ticket.needs_onsite), (self.lot_a, "major", True)
        )
        photo = self.env["ir.attachment"].search(
            [("res_model", "=", "helpdesk.ticket"), ("res_id", "=", ticket.id)]
        )
        self.assertEqual(photo.name, "leaking_pump.png")
        # The answer deadline (UTC) as the deadline engine sets it; the customer sees Shanghai time.
        ticket.answer_deadline = datetime(2026, 3, 2, 2, 0)
        self.start_tour("/my/aftersales", "aftersales_portal_deadline", login="t_portal_a")

    def test_sign_and_rate_report(self):
        ticket = self.env["helpdesk.ticket"].create(
            {
                "name": "Pump A leaking",
                "description": "<p>leak</p>",
                "partner_id": self.portal_a.partner_id.id,
                "aftersales_project_id": self.project_a.id,
            }
        )
        self.env["aftersales.service.report"].create(self._report_vals(ticket))
        report = self.project_a.ticket_ids.aftersales_report_ids
        self.assertEqual(len(report), 1)
        self.start_tour("/my/aftersales", "aftersales_portal_sign_rate", login="t_portal_a")
        self.assertEqual(report.state, "signed")
        self.assertEqual(report.signed_by, "Tour Customer")
        self.assertTrue(report.signature)
        self.assertEqual((report.rating, report.rating_comment), ("4", "Quick and clean work."))
        self.assertEqual(
            (report.rating_speed, report.rating_quality, report.rating_attitude), ("5", "4", "3")
        )
        self.assertEqual(report.signed_attachment_id.res_id, self.project_a.id)
