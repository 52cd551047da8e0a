from datetime import datetime, timedelta

from freezegun import freeze_time

from odoo.tests import tagged

from .common_requests import AftersalesRequestCase

MON_10 = datetime(2026, 3, 2, 2, 0)  # Monday 2 March 2026, 10:00 in Shanghai
SECOND = timedelta(seconds=1)


@tagged("post_install", "-at_install")
class TestLateBoundaries(AftersalesRequestCase):
    """Each late flag one second before its deadline, at it (on time) and one second after
    it, with the fact recorded and with the clock still running: the computed flag and the
    search on it always agree (R7 answer, R9 on site, R12 quotation)."""

    def _assert_late(self, ticket, flag, expected, message):
        ticket.invalidate_recordset()
        self.assertEqual(ticket[flag], expected, "%s: computed %s" % (message, flag))
        self.assertEqual(ticket.aftersales_late, expected, "%s: computed aftersales_late" % message)
        for value in (True, False):
            found = self.Ticket.search([("id", "=", ticket.id), (flag, "=", value)])
            self.assertEqual(
                bool(found), expected == value, "%s: search %s = %s" % (message, flag, value)
            )
            found = self.Ticket.search([("id", "=", ticket.id), (flag, "!=", value)])
            self.assertEqual(
                bool(found), expected != value, "%s: search %s != %s" % (message, flag, value)
            )
        found = self.Ticket.search([("id", "=", ticket.id), ("aftersales_late", "=", True)])
        self.assertEqual(bool(found), expected, "%s: search aftersales_late" % message)

    def _boundaries(self, ticket, flag, deadline_field, fact_field):
        deadline = ticket[deadline_field]
        self.assertTrue(deadline)
        for offset, late in ((-SECOND, False), (timedelta(0), False), (SECOND, True)):
            # The clock still runs: "now" is the fact.
            with freeze_time(deadline + offset):
                self._assert_late(
                    ticket, flag, late, "running at deadline %+ds" % offset.total_seconds()
                )
            # The fact is recorded; long after the deadline it still decides alone.
            ticket[fact_field] = deadline + offset
            with freeze_time(deadline + timedelta(days=30)):
                self._assert_late(
                    ticket, flag, late, "fact at deadline %+ds" % offset.total_seconds()
                )
            ticket[fact_field] = False

    def test_answer_boundaries(self):
        ticket = self._ticket(MON_10)
        self.assertEqual(ticket.answer_deadline, MON_10 + timedelta(hours=4))
        self._boundaries(ticket, "answer_late", "answer_deadline", "answered_at")

    def test_onsite_boundaries(self):
        ticket = self._ticket(MON_10, needs_onsite=True)
        # Answered in time: only the on-site clock is at stake.
        ticket.answered_at = MON_10 + timedelta(hours=1)
        self.assertEqual(ticket.onsite_deadline, MON_10 + timedelta(hours=24))
        self._boundaries(ticket, "onsite_late", "onsite_deadline", "onsite_at")

    def test_quote_boundaries(self):
        ticket = self._ticket(MON_10, coverage="paid", coverage_reason="Chemicals are never free")
        ticket.answered_at = MON_10 + timedelta(hours=1)
        self.assertEqual(ticket.quote_deadline, datetime(2026, 3, 2, 16, 0))
        self._boundaries(ticket, "quote_late", "quote_deadline", "quoted_at")
