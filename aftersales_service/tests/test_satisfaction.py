from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import AftersalesCase
from .portal_common import PNG_B64

SUBJECT = "please sign and rate service report"


@tagged("post_install", "-at_install")
class TestSatisfaction(AftersalesCase):
    """R23, R44: once a service report is ready, the customer is invited once by e-mail to sign
    and rate it; the rating, with its three aspects, is the customer's only."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.project = cls._project("T-SAT-001")
        cls.ticket = cls.env["helpdesk.ticket"].create(
            {
                "name": "Pump noisy",
                "description": "<p>noisy</p>",
                "partner_id": cls.customer_contact.id,
                "aftersales_project_id": cls.project.id,
            }
        )
        cls.Report = cls.env["aftersales.service.report"].with_user(cls.as_user)

    def _invitations(self, report):
        return report.message_ids.filtered(lambda m: SUBJECT in (m.subject or ""))

    def _report(self, **vals):
        return self.Report.create(
            {
                "ticket_id": self.ticket.id,
                "engineer_id": self.engineer.id,
                "work_done": "Replaced the bearing.",
                "test_result": "pass",
                **vals,
            }
        )

    def test_invitation_sent_once_when_ready(self):
        report = self._report(test_result=False)
        self.assertFalse(self._invitations(report), "not ready: no test after repair yet")
        self.assertFalse(report.rating_invited_on)
        report.test_result = "pass"
        invitation = self._invitations(report)
        self.assertEqual(len(invitation), 1)
        self.assertEqual(invitation.partner_ids, self.customer_contact)
        self.assertIn(report.get_portal_url(), str(invitation.body))
        self.assertTrue(report.rating_invited_on)
        self.assertEqual(
            invitation.notification_ids.mapped(lambda n: (n.res_partner_id, n.notification_type)),
            [(self.customer_contact, "email")],
        )
        # Edited again, or asked again: never a second invitation.
        report.work_done = "Replaced the bearing and the seal."
        report._aftersales_send_invitation()
        report._aftersales_ready_to_sign()._aftersales_send_invitation()
        self.assertEqual(len(self._invitations(report)), 1)

    def test_no_invitation_without_email(self):
        self.customer_contact.email = False
        report = self._report()
        self.assertFalse(self._invitations(report))
        self.assertFalse(report.rating_invited_on)

    def test_rating_with_aspects_is_the_customers(self):
        report = self._report()
        report.sudo()._action_sign("Contact A", PNG_B64)
        with self.assertRaisesRegex(UserError, "can only change through the actions"):
            report.with_user(self.manager).write({"rating_speed": "5"})
        with self.assertRaisesRegex(UserError, "1 to 5"):
            report.sudo()._action_rate(5, "Fine", aspects={"rating_speed": "6"})
        self.assertFalse(report.rating)
        report.sudo()._action_rate(
            4,
            "Quick and friendly",
            aspects={"rating_speed": "5", "rating_quality": "4", "rating_attitude": "3"},
        )
        self.assertEqual(
            (report.rating, report.rating_speed, report.rating_quality, report.rating_attitude),
            ("4", "5", "4", "3"),
        )
        with self.assertRaisesRegex(UserError, "already rated"):
            report.sudo()._action_rate(1, "Changed my mind", aspects={"rating_speed": "1"})
        self.assertEqual(report.rating_speed, "5")
