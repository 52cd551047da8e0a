from datetime import datetime, timedelta

from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common_requests import AftersalesRequestCase

MON_10 = datetime(2026, 3, 2, 2, 0)


@tagged("post_install", "-at_install")
class TestRequestAccess(AftersalesRequestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.ticket = cls._ticket(MON_10)
        with freeze_time(MON_10 + timedelta(hours=5)):
            cls.env["aftersales.deadline.warning"]._cron_escalate()

    def test_engineer_reads_but_does_not_forge(self):
        warnings = self.env["aftersales.deadline.warning"].with_user(self.engineer)
        self.assertEqual(warnings.search([("ticket_id", "=", self.ticket.id)]).level, "breach")
        with self.assertRaises(AccessError):
            warnings.create(
                {
                    "ticket_id": self.ticket.id,
                    "clock": "answer",
                    "level": "warning",
                    "deadline": MON_10,
                }
            )
        with self.assertRaises(AccessError):
            self.env["aftersales.ticket.pause"].with_user(self.as_user).create(
                {"ticket_id": self.ticket.id, "date_start": MON_10}
            )
        with self.assertRaises(AccessError):
            self.env["aftersales.calendar.workday"].with_user(self.as_user).create(
                {"calendar_id": self.calendar.id, "date": "2026-03-07"}
            )

    def test_phone_intake_is_for_the_back_office(self):
        with self.assertRaises(AccessError):
            self.env["aftersales.phone.intake"].with_user(self.engineer).create({"name": "x"})
        self.assertTrue(
            self.env["aftersales.phone.intake"].with_user(self.as_user).create({"name": "x"})
        )

    def test_dispatcher_moves_stage_pause_is_recorded(self):
        ticket = self.ticket.with_user(self.as_user)
        ticket.stage_id = self.stage_waiting
        ticket.stage_id = self.stage_progress
        self.assertEqual(len(ticket.aftersales_pause_ids), 1)

    def test_other_company_sees_no_warning(self):
        self._allow_companies(self.manager, self.other_company)
        other = (
            self.env["aftersales.deadline.warning"]
            .with_user(self.manager)
            .with_context(allowed_company_ids=[self.other_company.id])
        )
        self.assertFalse(other.search([("ticket_id", "=", self.ticket.id)]))

    def test_portal_cannot_read_warnings(self):
        with self.assertRaises(AccessError):
            self.env["aftersales.deadline.warning"].with_user(self.portal_a).search([])
