from datetime import datetime, timedelta

from freezegun import freeze_time

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common_requests import AftersalesRequestCase
from .portal_common import PNG_B64

MON_10 = datetime(2026, 3, 2, 2, 0)  # Monday 2 March 2026, 10:00 in Shanghai


@tagged("post_install", "-at_install")
class TestOnsiteFactAndStages(AftersalesRequestCase):
    """The arrival on site written on a service report stops the on-site clock (R9-R10), never
    later than the customer's signature; the request's stage follows the work forward."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Report = cls.env["aftersales.service.report"]
        cls.stage_answered = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_in_progress")
        cls.stage_onsite = cls.env.ref("aftersales_service.helpdesk_ticket_stage_onsite")
        cls.stage_done = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done")

    def _report(self, ticket, **vals):
        return self.Report.create(
            {
                "ticket_id": ticket.id,
                "engineer_id": self.engineer.id,
                "work_done": "Replaced the seal.",
                "test_result": "pass",
                **vals,
            }
        )

    def test_report_arrival_stops_the_onsite_clock(self):
        ticket = self._ticket(MON_10, needs_onsite=True)
        self.assertFalse(ticket.dispatch_ids)
        with freeze_time(MON_10 + timedelta(days=2)):
            ticket.invalidate_recordset()
            self.assertTrue(ticket.onsite_late, "no arrival recorded: the clock still runs")
            report = self._report(ticket, arrived_at=MON_10 + timedelta(hours=20))
            self.assertEqual(ticket.onsite_at, MON_10 + timedelta(hours=20))
            ticket.invalidate_recordset()
            self.assertFalse(ticket.onsite_late)
            self.assertFalse(
                self.Ticket.search([("id", "=", ticket.id), ("onsite_late", "=", True)])
            )
            # A later arrival (a second visit) does not move the first one.
            self._report(ticket, arrived_at=MON_10 + timedelta(hours=30))
            self.assertEqual(ticket.onsite_at, MON_10 + timedelta(hours=20))
            # An earlier arrival written afterwards is the real first one.
            report.arrived_at = MON_10 + timedelta(hours=18)
            self.assertEqual(ticket.onsite_at, MON_10 + timedelta(hours=18))

    def test_arrival_never_after_the_signature(self):
        ticket = self._ticket(MON_10, needs_onsite=True)
        report = self._report(ticket)
        report.signed_on = MON_10 + timedelta(hours=5)
        with self.assertRaises(ValidationError):
            report.arrived_at = MON_10 + timedelta(hours=5, seconds=1)
        self.assertFalse(ticket.onsite_at, "nothing written")
        report.arrived_at = MON_10 + timedelta(hours=5)
        self.assertEqual(ticket.onsite_at, MON_10 + timedelta(hours=5))
        with self.assertRaises(ValidationError):
            self._report(ticket, arrived_at=datetime.now() + timedelta(days=1))

    def test_stage_follows_the_work_forward_only(self):
        ticket = self._ticket(MON_10, needs_onsite=True)
        self.assertEqual(ticket.stage_id, self.stage_new)
        ticket.action_aftersales_answer()
        self.assertEqual(ticket.stage_id, self.stage_answered, "answered")
        # Moved back by hand: the stage stays until the next fact.
        ticket.stage_id = self.stage_new
        ticket.write({"needs_onsite": True, "severity": "major"})
        self.assertEqual(ticket.stage_id, self.stage_new, "no new fact, the hand's choice stays")
        report = self._report(ticket, arrived_at=MON_10 + timedelta(hours=6))
        self.assertEqual(ticket.stage_id, self.stage_onsite, "next fact: on site")
        # An earlier step's fact never moves it back.
        ticket.answered_at = MON_10 + timedelta(hours=1)
        self.assertEqual(ticket.stage_id, self.stage_onsite)
        # Waiting for the customer: facts do not pull it out of the pause.
        ticket.stage_id = self.stage_waiting
        self._report(ticket, arrived_at=MON_10 + timedelta(hours=5))
        self.assertEqual(ticket.stage_id, self.stage_waiting)
        ticket.stage_id = self.stage_onsite
        # R23: the customer signs the report: the work is done.
        report._action_sign("Contact A", PNG_B64)
        self.assertEqual(ticket.stage_id, self.stage_done)
