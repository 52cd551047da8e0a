from datetime import datetime, timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.tests import tagged

from .common_requests import AftersalesRequestCase

MON_10 = datetime(2026, 3, 2, 2, 0)  # Monday 2 March 2026, 10:00 in Shanghai


@tagged("post_install", "-at_install")
class TestRequestDeadlines(AftersalesRequestCase):
    def test_answer_onsite_quote_from_the_engine(self):
        # R7: general 4 h; R9: within 100 km on site in 24 h.
        near = self._ticket(MON_10, needs_onsite=True)
        self.assertEqual(near.answer_deadline, MON_10 + timedelta(hours=4))
        self.assertEqual(near.onsite_deadline, MON_10 + timedelta(hours=24))
        self.assertFalse(near.quote_deadline)
        # R9: 100.1 km: answer within 12 h (major: min(24, 12)), on site within 72 h.
        far = self._ticket(MON_10, project=self.far, severity="major", needs_onsite=True)
        self.assertEqual(far.answer_deadline, MON_10 + timedelta(hours=12))
        self.assertEqual(far.onsite_deadline, MON_10 + timedelta(hours=72))
        # R12: paid, received 10:00 on a working day: quoted by 24:00 local that day.
        paid = self._ticket(MON_10, coverage="paid", coverage_reason="Chemicals are never free")
        self.assertEqual(paid.quote_deadline, datetime(2026, 3, 2, 16, 0))

    def test_project_distance_change_moves_onsite(self):
        ticket = self._ticket(MON_10, needs_onsite=True)
        self.near.site_distance_km = 100
        self.assertEqual(
            ticket.onsite_deadline, MON_10 + timedelta(hours=24), "exactly 100 km is near"
        )
        self.near.site_distance_km = 100.1
        self.assertEqual(ticket.onsite_deadline, MON_10 + timedelta(hours=72))

    def test_quote_over_holiday_and_makeup_day(self):
        # Paid request on Friday 2 October 2026 17:30 local (National Day holidays until the 7th):
        # quoted by the end of the next working day, Thursday 8 October.
        ticket = self._ticket(
            datetime(2026, 10, 2, 9, 30), coverage="paid", coverage_reason="Goodwill ended"
        )
        self.assertEqual(ticket.quote_deadline, datetime(2026, 10, 8, 16, 0))
        # Received on Friday 9 October at 18:00: Saturday 10 October is a make-up working day.
        saturday = self._ticket(
            datetime(2026, 10, 9, 10, 0), coverage="paid", coverage_reason="Goodwill ended"
        )
        self.assertEqual(saturday.quote_deadline, datetime(2026, 10, 10, 16, 0))

    def test_company_settings_apply_to_open_requests(self):
        ticket = self._ticket(MON_10, needs_onsite=True)
        self.company.write({"aftersales_onsite_policy": "province"})
        # R10: the site is in Shanghai, like the company: on site within 8 h.
        self.assertEqual(ticket.onsite_deadline, MON_10 + timedelta(hours=8))
        self.company.write({"aftersales_answer_general_hours": 2})
        self.assertEqual(ticket.answer_deadline, MON_10 + timedelta(hours=2))
        far = self._ticket(MON_10, project=self.far, needs_onsite=True)
        self.assertEqual(far.onsite_deadline, MON_10 + timedelta(hours=24), "R10: out of province")
        self.company.write({"aftersales_answer_policy": "flat", "aftersales_answer_flat_hours": 30})
        self.assertEqual(far.answer_deadline, MON_10 + timedelta(hours=30), "R11: any demand")
        self.assertEqual(far.onsite_deadline, MON_10 + timedelta(hours=24), "on site: still R10")
        self.company.write({"aftersales_onsite_policy": "none"})
        self.assertFalse(far.onsite_deadline, "no on-site deadline")

    def test_pause_across_midnight_through_the_stage(self):
        # Received 22:00 local; waiting for the customer from 23:00 to 01:30 the next day.
        received = datetime(2026, 3, 2, 14, 0)
        with freeze_time(received):
            ticket = self._ticket(received, needs_onsite=True)
        self.assertEqual(ticket.answer_deadline, received + timedelta(hours=4))
        with freeze_time(datetime(2026, 3, 2, 15, 0)):
            ticket.stage_id = self.stage_waiting
            self.assertTrue(ticket.aftersales_paused)
            self.assertEqual(
                ticket.answer_deadline, received + timedelta(hours=4), "open pause: clock stands"
            )
        with freeze_time(datetime(2026, 3, 2, 17, 30)):
            ticket.stage_id = self.stage_progress
        pause = ticket.aftersales_pause_ids
        self.assertEqual(len(pause), 1)
        self.assertEqual(
            (pause.date_start, pause.date_end),
            (datetime(2026, 3, 2, 15, 0), datetime(2026, 3, 2, 17, 30)),
        )
        self.assertEqual(ticket.answer_deadline, received + timedelta(hours=6, minutes=30))
        self.assertEqual(ticket.onsite_deadline, received + timedelta(hours=26, minutes=30))

    def test_answer_button_and_first_public_reply(self):
        with freeze_time(MON_10 + timedelta(hours=1)):
            ticket = self._ticket(MON_10)
            ticket.action_aftersales_answer()
        self.assertEqual(ticket.answered_at, MON_10 + timedelta(hours=1))
        self.assertFalse(ticket.answer_late)
        replied = self._ticket(MON_10)
        replied.with_user(self.as_user).message_post(
            body="Internal only", subtype_xmlid="mail.mt_note"
        )
        self.assertFalse(replied.answered_at, "an internal note answers nobody")
        replied.message_post(
            body="Customer's own message",
            author_id=self.customer_contact.id,
            message_type="email",
            subtype_xmlid="mail.mt_comment",
        )
        self.assertFalse(replied.answered_at, "the customer's message is no answer")
        with freeze_time(MON_10 + timedelta(hours=5)):
            replied.with_user(self.as_user).message_post(
                body="We are on it", message_type="comment", subtype_xmlid="mail.mt_comment"
            )
        self.assertEqual(replied.answered_at, MON_10 + timedelta(hours=5))
        self.assertTrue(replied.answer_late, "answered after the 4 h")

    def test_late_flags_filters_and_time_left(self):
        with freeze_time(MON_10):
            ontime = self._ticket(MON_10)
            overdue = self._ticket(MON_10 - timedelta(hours=5))
        with freeze_time(MON_10 + timedelta(hours=1)):
            (ontime | overdue).invalidate_recordset()
            self.assertFalse(ontime.aftersales_late)
            self.assertTrue(overdue.answer_late)
            self.assertEqual(overdue.aftersales_deadline_state, "late")
            self.assertEqual(ontime.aftersales_deadline_state, "ok")
            self.assertEqual(ontime.aftersales_time_left, "3 h 0 min")
            mine = ontime | overdue
            late = self.Ticket.search([("id", "in", mine.ids), ("aftersales_late", "=", True)])
            self.assertEqual(late, overdue)
            self.assertEqual(
                self.Ticket.search([("id", "in", mine.ids), ("answer_late", "=", False)]), ontime
            )
        with freeze_time(MON_10 + timedelta(hours=3, minutes=30)):
            ontime.invalidate_recordset()
            self.assertEqual(ontime.aftersales_deadline_state, "soon", "past 75 % of the window")
        self.assertEqual(ontime.aftersales_next_deadline, MON_10 + timedelta(hours=4))
        self.assertEqual(ontime.aftersales_next_clock, "answer")
        ontime.action_aftersales_answer()
        self.assertFalse(ontime.aftersales_next_deadline, "nothing is pending any more")

    def test_due_today_domain(self):
        ticket = self._ticket(fields.Datetime.now(), needs_onsite=True)
        start = fields.Datetime.now().replace(hour=0, minute=0, second=0, microsecond=0)
        due = self.Ticket.search(
            [
                ("id", "=", ticket.id),
                ("aftersales_next_deadline", ">=", start),
                ("aftersales_next_deadline", "<", start + timedelta(days=2)),
            ]
        )
        self.assertEqual(due, ticket)


@tagged("post_install", "-at_install", "is_query_count")
class TestDeadlineRecomputeQueries(AftersalesRequestCase):
    """Recomputing deadlines costs the same queries for 10 requests as for 200."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        vals = {
            "name": "Bulk",
            "description": "Bulk",
            "partner_id": cls.customer.id,
            "team_id": cls.team.id,
        }
        cls.tickets = cls.Ticket.create(
            [
                {
                    **vals,
                    "aftersales_project_id": (cls.near if n % 2 else cls.far).id,
                    "received_at": MON_10 + timedelta(minutes=17 * n),
                    "needs_onsite": bool(n % 3),
                    "severity": "major" if n % 5 == 0 else "general",
                }
                for n in range(200)
            ]
        )
        cls.env["aftersales.ticket.pause"].create(
            [
                {
                    "ticket_id": ticket.id,
                    "date_start": ticket.received_at + timedelta(minutes=30),
                    "date_end": ticket.received_at + timedelta(hours=1),
                }
                for ticket in cls.tickets[::7]
            ]
        )
        cls.env.flush_all()

    def _recompute(self, tickets, expected_queries):
        self.env.cr.execute(
            "UPDATE helpdesk_ticket SET answer_deadline = NULL, onsite_deadline = NULL WHERE id = "
            "ANY(%s)",
            [tickets.ids],
        )
        self.env.invalidate_all()
        self.company._aftersales_work_calendar()  # the calendar cache is warm in production
        tickets = self.Ticket.browse(tickets.ids)
        with self.assertQueryCount(expected_queries):
            changed = tickets._aftersales_recompute_deadlines()
        self.assertEqual(changed, len(tickets))
        return tickets

    def test_10_and_200_requests(self):
        for count in (10, 200):
            tickets = self._recompute(self.tickets[:count], 4)
            self.assertFalse(tickets.filtered(lambda t: not t.answer_deadline))
        paused = self.tickets[7]
        self.assertEqual(
            paused.answer_deadline - paused.received_at,
            timedelta(hours=12 if paused.severity == "major" else 4, minutes=30),
        )

    def test_same_as_the_orm_compute(self):
        expected = {
            t.id: (t.answer_deadline, t.onsite_deadline, t.quote_deadline) for t in self.tickets
        }
        tickets = self._recompute(self.tickets, 4)
        got = {t.id: (t.answer_deadline, t.onsite_deadline, t.quote_deadline) for t in tickets}
        self.assertEqual(got, expected)
