from dateutil.relativedelta import relativedelta

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .common import CollectionCase


@tagged("post_install", "-at_install")
class TestDisputeEscalation(CollectionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.project = cls._project_ending(cls.today + relativedelta(days=10), "T-DIS-1")
        cls.retention = cls._retention(cls.project, 20000.0)
        cls.ticket = cls.env["helpdesk.ticket"].create(
            {
                "name": "Membrane fouling, customer withholds retention",
                "description": "Customer says the RO output is below contract.",
                "aftersales_project_id": cls.project.id,
                "partner_id": cls.customer.id,
            }
        )
        cls.late_project = cls._project_ending(cls.today - relativedelta(days=45), "T-ESC-1")
        cls.late = cls._retention(cls.late_project, 80000.0)

    def _open_dispute(self, retention):
        return self.env["aftersales.retention.dispute"].create(
            {"retention_id": retention.id, "ticket_id": self.ticket.id, "reason": "Output too low"}
        )

    def test_dispute_pauses_and_resumes_reminders(self):
        """R32: reminders pause while the quality claim is verified, resume once resolved."""
        dispute = self._open_dispute(self.retention)
        self.assertEqual(self.retention.state, "disputed")
        self.Retention._cron_send_reminders()
        self.assertEqual(self.retention.state, "disputed")
        self.assertFalse(self.retention.reminded_on, "no reminder during the dispute")
        with self.assertRaises(UserError):
            dispute.action_resolve()  # no outcome yet
        with Form(dispute) as form:
            form.outcome = "amount_reduced"
            form.agreed_amount = 15000.0
            form.resolution = "Two membranes replaced under warranty; 5,000 deducted."
        dispute.action_resolve()
        self.assertEqual(dispute.state, "resolved")
        self.assertEqual(dispute.resolved_on, self.today)
        self.assertEqual(self.retention.state, "pending")
        self.assertEqual(self.retention.amount, 15000.0)
        self.Retention._cron_send_reminders()
        self.assertEqual(self.retention.state, "reminded", "reminders resume")

    def test_reduced_amount_must_be_lower(self):
        dispute = self._open_dispute(self.retention)
        dispute.write({"outcome": "amount_reduced", "agreed_amount": 25000.0})
        with self.assertRaises(UserError):
            dispute.action_resolve()
        self.assertEqual(self.retention.state, "disputed")

    def test_escalation_approved_by_manager(self):
        """R33: overdue beyond the setting without dispute → proposal → manager decides."""
        self.Retention._cron_send_reminders()
        self.assertEqual(self.late.state, "escalated")
        escalation = self.late.escalation_ids
        self.assertEqual(len(escalation), 1)
        self.assertEqual(escalation.overdue_days, 45)
        self.assertEqual(escalation.measure, "letter")
        self.assertEqual(escalation.state, "proposed")
        self.assertNotEqual(self.retention.state, "escalated", "not overdue")
        # Only once, even when the cron runs again.
        self.Retention._cron_send_reminders()
        self.assertEqual(len(self.late.escalation_ids), 1)
        with self.assertRaises(AccessError):
            escalation.with_user(self.as_user).action_approve()
        escalation.with_user(self.manager).action_approve()
        self.assertEqual(escalation.state, "approved")
        self.assertEqual(escalation.decided_by_id, self.manager)
        logged = self.late_project.message_ids.filtered(lambda m: "approved" in (m.body or ""))
        self.assertTrue(logged, "the decision is logged on the project")
        with self.assertRaises(UserError):
            escalation.with_user(self.manager).action_refuse()

    def test_escalation_goes_to_management(self):
        """R33: the company's management (上级领导) receives and decides the escalation."""
        self.company.aftersales_management_user_ids = self.as_user
        self.Retention._cron_send_reminders()
        escalation = self.late.escalation_ids
        self.assertEqual(escalation.activity_ids.user_id, self.as_user)
        with self.assertRaises(AccessError):
            escalation.with_user(self.manager).action_approve()
        escalation.with_user(self.as_user).action_approve()
        self.assertEqual((escalation.state, escalation.decided_by_id), ("approved", self.as_user))
        self.assertFalse(escalation.activity_ids)

    def test_escalation_refused_returns_to_reminders(self):
        self.Retention._cron_send_reminders()
        escalation = self.late.escalation_ids
        escalation.with_user(self.manager).action_refuse()
        self.assertEqual(escalation.state, "refused")
        self.assertEqual(self.late.state, "reminded")
        self.Retention._cron_send_reminders()
        self.assertEqual(
            len(self.late.escalation_ids), 1, "a refused escalation is not re-proposed"
        )

    def test_disputed_retention_is_not_escalated(self):
        self._open_dispute(self.late)
        self.Retention._cron_send_reminders()
        self.assertEqual(self.late.state, "disputed")
        self.assertFalse(self.late.escalation_ids)

    def test_escalation_delay_is_a_setting(self):
        self.company.aftersales_escalation_days = 60
        self.Retention._cron_send_reminders()
        self.assertFalse(self.late.escalation_ids)
