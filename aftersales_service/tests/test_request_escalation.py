from datetime import datetime, timedelta

from freezegun import freeze_time

from odoo.tests import tagged

from .common_requests import AftersalesRequestCase

MON_10 = datetime(2026, 3, 2, 2, 0)


@tagged("post_install", "-at_install")
class TestEscalation(AftersalesRequestCase):
    """The scheduled escalation warns the manager at 75 % of a window and at its breach,
    once per deadline however often it runs."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Warning = cls.env["aftersales.deadline.warning"]
        cls.ticket = cls._ticket(MON_10)  # answer due at 14:00 local (06:00 UTC)

    def _activities(self, ticket):
        return self.env["mail.activity"].search(
            [("res_model", "=", "helpdesk.ticket"), ("res_id", "=", ticket.id)]
        )

    def test_warning_once_then_breach_once(self):
        with freeze_time(MON_10 + timedelta(hours=2, minutes=59)):
            self.assertEqual(self.Warning._cron_escalate(), 0, "before 75 %: nothing")
        with freeze_time(MON_10 + timedelta(hours=3)):
            self.assertEqual(self.Warning._cron_escalate(), 1)
            self.assertEqual(self.Warning._cron_escalate(), 0, "run twice: one warning")
        warning = self.ticket.aftersales_warning_ids
        self.assertEqual(
            (warning.clock, warning.level, warning.deadline),
            ("answer", "warning", self.ticket.answer_deadline),
        )
        activity = self._activities(self.ticket)
        self.assertEqual(activity.user_id, self.manager)
        self.assertEqual(warning.activity_id, activity)
        notes = self.ticket.message_ids.filtered(lambda m: "75 %" in (m.body or ""))
        self.assertEqual(len(notes), 1)
        with freeze_time(MON_10 + timedelta(hours=4)):
            self.assertEqual(self.Warning._cron_escalate(), 1)
            self.assertEqual(self.Warning._cron_escalate(), 0)
        self.assertEqual(
            sorted(self.ticket.aftersales_warning_ids.mapped("level")), ["breach", "warning"]
        )
        self.assertEqual(len(self._activities(self.ticket)), 2)

    def test_answered_closed_or_waiting_not_warned(self):
        answered = self._ticket(MON_10)
        answered.action_aftersales_answer()
        waiting = self._ticket(MON_10, stage_id=self.stage_waiting.id)
        done = self._ticket(
            MON_10, stage_id=self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done").id
        )
        with freeze_time(MON_10 + timedelta(hours=5)):
            self.Warning._cron_escalate()
        self.assertFalse((answered | waiting | done).aftersales_warning_ids)
        self.assertEqual(
            self.ticket.aftersales_warning_ids.level, "breach", "late first run: breach only"
        )

    def test_new_deadline_new_warning_and_percent_setting(self):
        self.company.aftersales_escalation_percent = 50
        with freeze_time(MON_10 + timedelta(hours=2)):
            self.assertEqual(self.Warning._cron_escalate(), 1)
        self.ticket.severity = "major"  # the deadline moves to +24 h: a new window
        with freeze_time(MON_10 + timedelta(hours=12)):
            self.assertEqual(self.Warning._cron_escalate(), 1)
        self.assertEqual(len(self.ticket.aftersales_warning_ids), 2)
