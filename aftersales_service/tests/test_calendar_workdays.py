import base64
from datetime import date, datetime

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools import file_open

from .common_requests import HOLIDAY_FILE, AftersalesRequestCase


@tagged("post_install", "-at_install")
class TestCalendarWorkdays(AftersalesRequestCase):
    def test_schedule_loaded_into_calendar(self):
        leaves = self.env["resource.calendar.leaves"].search(
            [("calendar_id", "=", self.calendar.id), ("resource_id", "=", False)]
        )
        self.assertEqual(len(leaves), 33)
        self.assertEqual(
            self.calendar.aftersales_workday_ids.mapped("date"),
            [
                date(2026, 1, 4),
                date(2026, 2, 14),
                date(2026, 2, 28),
                date(2026, 5, 9),
                date(2026, 9, 20),
                date(2026, 10, 10),
            ],
        )
        cal = self.company._aftersales_work_calendar()
        self.assertTrue(cal.is_working_day(date(2026, 2, 14)), "Saturday made a working day")
        self.assertFalse(cal.is_working_day(date(2026, 10, 1)), "National Day")
        self.assertFalse(cal.is_working_day(date(2026, 3, 7)), "an ordinary Saturday")
        self.assertEqual(cal.tz, "Asia/Shanghai")

    def test_import_again_adds_nothing_and_bad_files_refused(self):
        with file_open(HOLIDAY_FILE, "rb") as handle:
            self.assertEqual(self.calendar._aftersales_import_holidays(handle.read()), 0)
        for content in (
            "day,kind\n2026-01-01,holiday\n",
            "date,kind,name\n2026-13-01,holiday,x\n",
            "date,kind,name\n2026-03-03,vacation,x\n",
            "date,kind,name\n2026-03-07,holiday,x\n2026-03-07,workday,y\n",
        ):
            with self.assertRaises(UserError), self.cr.savepoint():
                self.calendar._aftersales_import_holidays(content)
        self.assertEqual(len(self.calendar.aftersales_workday_ids), 6, "nothing half-written")

    def test_new_holiday_moves_open_deadlines(self):
        # R8 through the company helper: domestic part ordered Friday 6 March 10:00 local,
        # 3 working days: Wednesday 11 March 10:00 local.
        start = datetime(2026, 3, 6, 2, 0)
        self.assertEqual(
            self.company._aftersales_part_deadline(start, "domestic"), datetime(2026, 3, 11, 2, 0)
        )
        self.env["resource.calendar.leaves"].create(
            {
                "name": "Company day",
                "calendar_id": self.calendar.id,
                "date_from": datetime(2026, 3, 8, 16, 0),
                "date_to": datetime(2026, 3, 9, 15, 59, 59),
            }
        )
        self.assertEqual(
            self.company._aftersales_part_deadline(start, "domestic"), datetime(2026, 3, 12, 2, 0)
        )
        self.env["aftersales.calendar.workday"].create(
            {"calendar_id": self.calendar.id, "date": "2026-03-07"}
        )
        self.assertEqual(
            self.company._aftersales_part_deadline(start, "domestic"), datetime(2026, 3, 11, 2, 0)
        )

    def test_holiday_change_moves_open_requests(self):
        # Paid request received Thursday 5 March 2026 18:00 local: quoted by the end of Friday 6.
        ticket = self._ticket(
            datetime(2026, 3, 5, 10, 0), coverage="paid", coverage_reason="Chemicals"
        )
        self.assertEqual(ticket.quote_deadline, datetime(2026, 3, 6, 16, 0))
        leave = self.env["resource.calendar.leaves"].create(
            {
                "name": "Company day",
                "calendar_id": self.calendar.id,
                "date_from": datetime(2026, 3, 5, 16, 0),
                "date_to": datetime(2026, 3, 6, 15, 59, 59),
            }
        )
        self.assertEqual(ticket.quote_deadline, datetime(2026, 3, 9, 16, 0), "Friday off: Monday")
        workday = self.env["aftersales.calendar.workday"].create(
            {"calendar_id": self.calendar.id, "date": "2026-03-07"}
        )
        self.assertEqual(
            ticket.quote_deadline, datetime(2026, 3, 7, 16, 0), "Saturday made a working day"
        )
        workday.unlink()
        leave.unlink()
        self.assertEqual(ticket.quote_deadline, datetime(2026, 3, 6, 16, 0))

    def test_import_wizard(self):
        calendar = self.env["resource.calendar"].create({"name": "Beijing", "tz": "Asia/Shanghai"})
        with file_open(HOLIDAY_FILE, "rb") as handle:
            content = handle.read()
        wizard = (
            self.env["aftersales.holiday.import"]
            .with_user(self.manager)
            .create({"calendar_id": calendar.id, "data_file": base64.b64encode(content)})
        )
        action = wizard.action_import()
        self.assertIn("39", action["params"]["message"])
        self.assertEqual(len(calendar.aftersales_workday_ids), 6)
        with self.assertRaises(AccessError):
            self.env["aftersales.holiday.import"].with_user(self.as_user).create(
                {"calendar_id": calendar.id, "data_file": base64.b64encode(content)}
            )
