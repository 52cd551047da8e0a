from datetime import date, datetime, timedelta

from freezegun import freeze_time

from odoo.tests import tagged

from .common_requests import AftersalesRequestCase

# Monday 4 January 2027, 10:00 in Shanghai: a year whose schedule is not imported.
JAN_2027 = datetime(2027, 1, 4, 2, 0)


@tagged("post_install", "-at_install")
class TestScheduleYears(AftersalesRequestCase):
    """Years the calendar does not know: the request says so; the manager is reminded in
    December to import next year's schedule; no holiday is invented."""

    def test_calendar_knows_the_imported_years(self):
        self.assertEqual(self.calendar.aftersales_schedule_years, "2026")
        self.assertEqual(self.calendar._aftersales_schedule_years(), {2026})

    def test_request_in_a_year_without_schedule(self):
        with freeze_time(JAN_2027 + timedelta(hours=1)):
            ticket = self._ticket(JAN_2027, coverage="paid", coverage_reason="Warranty ended")
            self.assertTrue(ticket.aftersales_schedule_missing)
            self.assertIn("2027", ticket.aftersales_schedule_warning)
            # Working days stay plain Monday-Friday: quoted by the end of the same day.
            self.assertEqual(ticket.quote_deadline, datetime(2027, 1, 4, 16, 0))
        in_2026 = self._ticket(datetime(2026, 3, 2, 2, 0))
        self.assertFalse(in_2026.aftersales_schedule_missing)
        self.assertFalse(in_2026.aftersales_schedule_warning)
        # A 2026 request whose deadline runs into 2027 (local time) is warned about too.
        with freeze_time(JAN_2027):
            new_year_eve = self._ticket(datetime(2026, 12, 31, 14, 0), needs_onsite=True)
        self.assertTrue(new_year_eve.aftersales_schedule_missing)
        # Once 2027 is imported the warning goes.
        self.calendar._aftersales_import_holidays(
            b"date,kind,name\n2027-01-01,holiday,New Year's Day\n"
        )
        self.assertEqual(self.calendar.aftersales_schedule_years, "2026,2027")
        new_year_eve.invalidate_recordset()
        self.assertFalse(new_year_eve.aftersales_schedule_missing)
        self.assertEqual(
            self.company._aftersales_work_calendar().holidays & {date(2027, 1, 1)},
            {date(2027, 1, 1)},
        )

    def test_december_reminder_once(self):
        Ticket = self.env["helpdesk.ticket"]
        with freeze_time("2026-11-30 04:00:00"):
            self.assertEqual(Ticket._cron_aftersales_schedule_reminder(), 0, "not in November")
        with freeze_time("2026-12-01 04:00:00"):
            self.assertEqual(Ticket._cron_aftersales_schedule_reminder(), 1)
            self.assertEqual(Ticket._cron_aftersales_schedule_reminder(), 0, "once")
        activity = self.env["mail.activity"].search(
            [
                ("res_model", "=", "res.partner"),
                ("res_id", "=", self.company.partner_id.id),
                ("user_id", "=", self.manager.id),
            ]
        )
        self.assertEqual(len(activity), 1)
        self.assertIn("2027", activity.summary)
        self.assertEqual(activity.date_deadline, date(2026, 12, 31))
        self.calendar._aftersales_import_holidays(
            b"date,kind,name\n2027-01-01,holiday,New Year's Day\n"
        )
        with freeze_time("2026-12-02 04:00:00"):
            self.assertEqual(Ticket._cron_aftersales_schedule_reminder(), 0, "2027 is known")
