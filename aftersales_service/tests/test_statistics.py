import io
from datetime import date, timedelta

import openpyxl
from freezegun import freeze_time

from odoo import Command, fields
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from .common_requests import AftersalesRequestCase

MARCH = date(2026, 3, 1)
FEBRUARY = date(2026, 2, 1)


class StatisticsCase(AftersalesRequestCase):
    """R44 monthly statistics and staff assessment on a small fixed data set, every expected
    value computed by hand in the comments (company in Asia/Shanghai, UTC+8)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.write({"aftersales_hour_cost": 100.0, "aftersales_repeat_days": 30})
        cls.product = cls.env["product.product"].create(
            {"name": "RO Unit S", "is_storable": True, "tracking": "serial"}
        )
        cls.lot = cls.env["stock.lot"].create(
            {"name": "RO-S-001", "product_id": cls.product.id, "aftersales_project_id": cls.near.id}
        )
        Employee = cls.env["hr.employee"]
        cls.emp_valid = Employee.create({"name": "Eng Valid", "aftersales_nda_date": "2025-01-01"})
        cls.emp_expired = Employee.create(
            {
                "name": "Eng Expired",
                "aftersales_nda_date": "2024-01-01",
                "aftersales_nda_expiry": "2026-02-01",
            }
        )
        cls.emp_missing = Employee.create({"name": "Eng Missing"})
        # 2026-02-28 16:30 UTC is 00:30 Beijing time on 1 March: a March request (not February
        # as in UTC); free (in warranty), needs a visit, answered and on site within 30 minutes.
        cls.t_march = cls._ticket(
            "2026-02-28 16:30:00", lot_id=cls.lot.id, needs_onsite=True, severity="major"
        )
        cls.t_march.sudo().write(
            {"answered_at": "2026-02-28 17:00:00", "onsite_at": "2026-02-28 17:00:00"}
        )
        # 10 March, paid by contract: answered one hour after its deadline, never quoted
        # (its quotation deadline has passed): both clocks late.
        cls.t_paid = cls._ticket(
            "2026-03-10 02:00:00", coverage="paid", coverage_reason="Contract clause 7"
        )
        cls.t_paid.sudo().answered_at = cls.t_paid.answer_deadline + timedelta(hours=1)
        # 23:00 Beijing on 28 February: February; never answered, its deadline passed.
        cls.t_feb = cls._ticket("2026-02-28 15:00:00")
        # On the same serial 19 days after the first trip came back: a repeat request (30 days).
        cls.t_repeat = cls._ticket("2026-03-20 02:00:00", lot_id=cls.lot.id)
        cls.t_repeat.sudo().answered_at = "2026-03-20 02:10:00"
        # Trips (written as the superuser: the gates are tested elsewhere).
        Dispatch = cls.env["aftersales.dispatch"].sudo()
        # A two-engineer trip of 6 person-hours: 3 hours each, March in Beijing (01:00 on 1 March).
        cls.trip_two = Dispatch.create(
            {
                "ticket_id": cls.t_march.id,
                "employee_ids": [Command.set((cls.emp_valid | cls.emp_expired).ids)],
                "planned_departure": "2026-02-28 16:45:00",
                "planned_return": "2026-03-01 10:00:00",
                "state": "returned",
                "onsite_at": "2026-02-28 17:00:00",
                "returned_at": "2026-03-01 09:00:00",
                "work_hours": 6.0,
            }
        )
        cls.trip_one = Dispatch.create(
            {
                "ticket_id": cls.t_paid.id,
                "employee_ids": [Command.set(cls.emp_valid.ids)],
                "planned_departure": "2026-03-10 02:30:00",
                "planned_return": "2026-03-11 10:00:00",
                "state": "onsite",
                "onsite_at": "2026-03-10 03:00:00",
                "work_hours": 2.0,
            }
        )
        # Planned only (draft) and cancelled trips are no trips.
        cls.trip_draft = Dispatch.create(
            {"ticket_id": cls.t_feb.id, "employee_ids": [Command.set(cls.emp_valid.ids)]}
        )
        Dispatch.create(
            {
                "ticket_id": cls.t_feb.id,
                "employee_ids": [Command.set(cls.emp_valid.ids)],
                "state": "cancel",
                "work_hours": 9.0,
            }
        )
        # 23:30 Beijing on 28 February, by an engineer without any agreement.
        cls.trip_feb = Dispatch.create(
            {
                "ticket_id": cls.t_feb.id,
                "employee_ids": [Command.set(cls.emp_missing.ids)],
                "planned_departure": "2026-02-28 15:20:00",
                "planned_return": "2026-03-02 10:00:00",
                "state": "closed",
                "onsite_at": "2026-02-28 15:30:00",
                "returned_at": "2026-02-28 20:00:00",
                "work_hours": 1.5,
            }
        )
        # The customer's rating of the two-engineer trip's report: 4.
        cls.env["aftersales.service.report"].sudo().create(
            {
                "ticket_id": cls.t_march.id,
                "dispatch_id": cls.trip_two.id,
                "engineer_id": cls.engineer.id,
                "work_done": "Replaced the membrane.",
                "hours": 6.0,
                "state": "signed",
                "rating": "4",
            }
        )
        # Travel expenses of the two-engineer trip: 150 approved, 90 still submitted.
        cls.travel = cls.env["product.product"].create(
            {"name": "Train", "can_be_expensed": True, "standard_price": 0.0}
        )
        approved, submitted = cls._sheet(cls.trip_two, 150.0), cls._sheet(cls.trip_two, 90.0)
        (approved | submitted).action_submit_sheet()
        approved.with_user(cls.manager).action_aftersales_review()
        approved.action_approve_expense_sheets()
        # Complaints: about the valid engineer on the March request (00:45 Beijing on 1 March),
        # and one about no request, received in February.
        Complaint = cls.env["aftersales.complaint"]
        Complaint.create(
            {
                "partner_id": cls.customer.id,
                "ticket_id": cls.t_march.id,
                "employee_id": cls.emp_valid.id,
                "received_at": "2026-02-28 16:45:00",
                "description": "The engineer left the site dirty.",
            }
        )
        Complaint.create(
            {
                "partner_id": cls.customer.id,
                "received_at": "2026-02-10 02:00:00",
                "description": "Nobody called back.",
            }
        )
        cls.Stats = cls.env["aftersales.statistics"]
        cls.Staff = cls.env["aftersales.engineer.statistics"]

    @classmethod
    def _sheet(cls, dispatch, amount):
        expense = cls.env["hr.expense"].create(
            {
                "name": "Train",
                "employee_id": dispatch.employee_ids[:1].id,
                "product_id": cls.travel.id,
                "total_amount_currency": amount,
                "payment_mode": "own_account",
            }
        )
        return cls.env["hr.expense.sheet"].create(
            {
                "name": f"Trip {dispatch.name}",
                "employee_id": dispatch.employee_ids[:1].id,
                "expense_line_ids": [Command.set(expense.ids)],
                "aftersales_dispatch_id": dispatch.id,
            }
        )

    def _row(self, ticket):
        return self.Stats.search([("ticket_id", "=", ticket.id)])

    def _mine(self):
        return [("company_id", "=", self.company.id), ("ticket_id", "in", self._tickets().ids)]

    def _tickets(self):
        return self.t_march | self.t_paid | self.t_feb | self.t_repeat


@tagged("post_install", "-at_install")
class TestStatistics(StatisticsCase):
    def test_request_rows(self):
        """One row per request, in its Beijing month, with each clock's flag."""
        march = self._row(self.t_march)
        self.assertEqual(march.month, MARCH, "00:30 Beijing on the 1st counts in that month")
        self.assertEqual(self._row(self.t_feb).month, FEBRUARY)
        self.assertEqual(
            (march.answer_on_time, march.onsite_on_time, march.quote_on_time, march.rating),
            (True, True, False, 4.0),
        )
        # The clock that does not apply (no quotation for a free request) is empty, not false.
        self.env.cr.execute(
            "SELECT quote_on_time, parts_on_time, onsite_on_time, quote_rate "
            "FROM aftersales_statistics WHERE id = %s",
            [self.t_march.id],
        )
        self.assertEqual(self.env.cr.fetchone(), (None, None, True, None))
        self.env.cr.execute(
            "SELECT answer_on_time, quote_on_time, onsite_on_time FROM aftersales_statistics "
            "WHERE id IN %s ORDER BY id",
            [(self.t_paid.id, self.t_feb.id)],
        )
        # Paid: answered late, quotation deadline passed without a quotation; February: never
        # answered and its deadline passed.
        self.assertEqual(self.env.cr.fetchall(), [(False, False, None), (False, None, None)])
        self.assertEqual(self._row(self.t_paid).coverage, "paid")
        self.assertEqual(march.state_id, self.near.site_state_id)
        self.assertEqual(march.partner_id, self.customer)
        # Costs: 6 person-hours × 100 and the approved claim only (150, not the 90 submitted).
        self.assertEqual(
            (march.trip_count, march.hours, march.labour_cost, march.expense_cost),
            (1, 6.0, 600.0, 150.0),
        )
        self.assertEqual(march.complaint_count, 1)
        self.assertEqual(self._row(self.t_paid).complaint_count, 0)
        # The cancelled trip of the February request is not counted, nor is the draft one.
        feb = self._row(self.t_feb)
        self.assertEqual((feb.trip_count, feb.hours), (1, 1.5))

    def test_remote_resolution_counted(self):
        """R46: requests technical support resolved by phone or network are counted."""
        remote = self._ticket("2026-03-10 02:00:00")
        self.assertFalse(self._row(remote).remote_resolution)
        remote.remote_resolution = True
        self.env.flush_all()
        self.Stats.invalidate_model()
        self.assertTrue(self._row(remote).remote_resolution)
        domain = [
            ("company_id", "=", self.company.id),
            ("ticket_id", "in", (self._tickets() | remote).ids),
        ]
        groups = dict(self.Stats._read_group(domain, ["month:month"], ["remote_count:sum"]))
        self.assertEqual((groups[MARCH], groups[FEBRUARY]), (1, 0))

    def test_running_clock_is_empty(self):
        """A request received an hour ago: its answer deadline has not passed yet."""
        running = self._ticket(fields.Datetime.now() - timedelta(hours=1))
        self.assertGreater(running.answer_deadline, fields.Datetime.now())
        self.env.cr.execute(
            "SELECT answer_on_time, answer_rate FROM aftersales_statistics WHERE id = %s",
            [running.id],
        )
        self.assertEqual(self.env.cr.fetchone(), (None, None))
        running.sudo().answered_at = fields.Datetime.now()
        self.assertTrue(self._row(running).answer_on_time)

    def test_monthly_pivot(self):
        """The monthly pivot by hand: March has 3 requests (2 free, 1 paid); answer on-time
        (100 + 0 + 100) / 3; on site 100 (one clock); quotation 0; rating 4."""
        groups = self.Stats._read_group(
            self._mine(),
            ["month:month"],
            ["__count", "answer_rate:avg", "onsite_rate:avg", "quote_rate:avg", "rating:avg"],
        )
        by_month = {month: values for month, *values in groups}
        count, answer, onsite, quote, rating = by_month[MARCH]
        self.assertEqual(count, 3)
        self.assertAlmostEqual(answer, 200 / 3)
        self.assertEqual((onsite, quote, rating), (100.0, 0.0, 4.0))
        self.assertEqual(by_month[FEBRUARY][:2], [1, 0.0])
        coverage = dict(
            self.Stats._read_group(
                [*self._mine(), ("month", "=", MARCH)], ["coverage"], ["__count"]
            )
        )
        self.assertEqual(coverage, {"free": 2, "paid": 1})

    def test_staff_assessment(self):
        """A two-engineer trip counts for both, the person-hours split between them."""
        rows = self.Staff.search([("dispatch_id", "=", self.trip_two.id)])
        self.assertEqual(rows.employee_id, self.emp_valid | self.emp_expired)
        self.assertEqual(set(rows.mapped("month")), {MARCH})
        self.assertEqual(rows.mapped("hours"), [3.0, 3.0])
        self.assertEqual(rows.mapped("rating"), [4.0, 4.0])
        self.assertTrue(all(rows.mapped("repeat_request")), "same serial 19 days later")
        self.assertTrue(all(rows.mapped("onsite_on_time")))
        # R43: the expired agreement shows.
        self.assertEqual(
            {row.employee_id: row.nda_state for row in rows},
            {self.emp_valid: "valid", self.emp_expired: "expired"},
        )
        self.assertFalse(self.Staff.search([("dispatch_id", "=", self.trip_draft.id)]))
        # R46: the assessment groups by the engineer's role (from the job, or set by hand).
        self.emp_expired.aftersales_role = "support"
        self.env.flush_all()
        self.Staff.invalidate_model()
        roles = dict(
            self.Staff._read_group(
                [("dispatch_id", "=", self.trip_two.id)], ["role"], ["trip_count:sum"]
            )
        )
        self.assertEqual(roles, {False: 1, "support": 1})
        groups = {
            employee: values
            for employee, *values in self.Staff._read_group(
                [("employee_id", "in", (self.emp_valid | self.emp_expired | self.emp_missing).ids)],
                ["employee_id", "month:month"],
                [
                    "trip_count:sum",
                    "hours:sum",
                    "onsite_rate:avg",
                    "rating:avg",
                    "repeat_count:sum",
                ],
            )
        }
        # An average of nothing (no on-site clock, no rating) is False, as _read_group gives it.
        # Valid: the two-engineer trip (3 h, on time, rated 4, repeat) and his own trip
        # (2 h, no on-site clock, not rated, no serial).
        self.assertEqual(groups[self.emp_valid], [MARCH, 2, 5.0, 100.0, 4.0, 1])
        self.assertEqual(groups[self.emp_expired], [MARCH, 1, 3.0, 100.0, 4.0, 1])
        self.assertEqual(groups[self.emp_missing], [FEBRUARY, 1, 1.5, False, False, 0])
        missing = self.Staff.search([("employee_id", "=", self.emp_missing.id)])
        self.assertEqual((missing.nda_state, missing.nda_issue), ("missing", True))
        own = self.Staff.search([("dispatch_id", "=", self.trip_one.id)])
        self.assertFalse(own.repeat_request)
        # The complaint is about the valid engineer on the two-engineer trip's request only.
        self.assertEqual(
            {row.employee_id: row.complaint_count for row in rows},
            {self.emp_valid: 1, self.emp_expired: 0},
        )
        self.assertEqual(own.complaint_count, 0)

    def test_repeat_window_setting(self):
        """The repeat window is a company setting: 19 days later is no repeat with 10 days."""
        self.company.aftersales_repeat_days = 10
        rows = self.Staff.search([("dispatch_id", "=", self.trip_two.id)])
        self.assertFalse(any(rows.mapped("repeat_request")))
        with self.assertRaises(ValidationError):
            self.company.aftersales_repeat_days = -1
        with self.assertRaises(ValidationError):
            self.emp_valid.aftersales_nda_expiry = "2024-12-31"

    def test_access(self):
        """The back office and the manager read the statistics; engineers do not; nobody
        writes them (read-only views)."""
        self.assertTrue(self.Stats.with_user(self.as_user).search_count([]))
        self.assertTrue(self.Staff.with_user(self.manager).search_count([]))
        for model in (self.Stats, self.Staff):
            with self.assertRaises(AccessError):
                model.with_user(self.engineer).search([])
            with self.assertRaises(AccessError):
                model.with_user(self.manager).create({})


@tagged("post_install", "-at_install")
class TestStatisticsWorkbook(StatisticsCase):
    """The monthly workbook read back with openpyxl, mailed once per month."""

    def _workbook(self, month=MARCH):
        content = self.Stats._workbook_content(self.company, month)
        return openpyxl.load_workbook(io.BytesIO(content))

    def test_workbook_sheets(self):
        # Visits count by the month they were done (R44): one done on 1 March 00:30 Beijing
        # (28 February in UTC), one still planned.
        Visit = self.env["aftersales.visit"]
        Visit.create({"project_id": self.near.id, "planned_date": "2026-03-01"}).write(
            {"state": "done", "done_at": "2026-02-28 16:30:00"}
        )
        Visit.create({"project_id": self.near.id, "planned_date": "2026-03-20"})
        book = self._workbook()
        self.assertEqual(
            book.sheetnames,
            [
                "Monthly",
                "By Type",
                "By Customer",
                "By Province",
                "Free vs Paid",
                "Staff Assessment",
            ],
        )
        monthly = book["Monthly"]
        rows = {row[0]: row[1:] for row in monthly.iter_rows(min_row=4, values_only=True) if row[0]}
        # The 12 months to March 2026; March: 3 requests, 2 free, 1 paid, answer 66.7 %.
        self.assertEqual(len(rows), 12)
        march = rows["2026-03"]
        self.assertEqual(march[:3], (3, 2, 1))
        self.assertAlmostEqual(march[3], 200 / 3)
        self.assertEqual((march[4], march[5], march[6], march[7]), (100.0, 0.0, None, 4.0))
        # Complaints: per request (column 9) and by the date received (column 12): the March
        # complaint is on a March request; February's is about no request.
        self.assertEqual((march[8], march[11]), (1, 1))
        self.assertEqual(rows["2026-02"][:3], (1, 1, 0))
        self.assertEqual((rows["2026-02"][8], rows["2026-02"][11]), (0, 1))
        self.assertEqual((march[12], rows["2026-02"][12]), (1, 0), "visits done, by their date")
        self.assertEqual(rows["2025-04"][0], 0)
        self.assertTrue(monthly._charts, "charts are part of the workbook")
        coverage = {
            row[0]: row[1:]
            for row in book["Free vs Paid"].iter_rows(min_row=4, values_only=True)
            if row[0]
        }
        # Free: 2 requests, 1 repair-less trip of 6 h; 150 approved + 600 labour + 0 parts.
        self.assertEqual(coverage["Free (in warranty)"][:8], (2, 0, 1, 6.0, 150.0, 600.0, 0, 750.0))
        self.assertEqual(coverage["Paid"][2:6], (1, 2.0, 0, 200.0))
        self.assertEqual(coverage["Cost of free service"][0], 750.0)
        staff = {
            row[0]: row[1:]
            for row in book["Staff Assessment"].iter_rows(min_row=4, values_only=True)
            if row[0]
        }
        self.assertEqual(staff["Eng Valid"], (2, 5.0, 100.0, 4.0, 1, 1, "Valid"))
        self.assertEqual(staff["Eng Expired"][-1], "Expired Agreement")
        self.assertNotIn("Eng Missing", staff, "February's trip is not in March")
        types = list(book["By Province"].iter_rows(min_row=4, values_only=True))
        self.assertEqual(types[0][:2], (self.near.site_state_id.display_name, 3))

    def test_cron_once_per_month(self):
        """On the 1st of April the managers get March's workbook; a rerun sends nothing."""
        self.company.aftersales_manager_user_ids = self.manager
        Mail = self.env["mail.mail"]
        before = Mail.search([]).ids
        with freeze_time("2026-04-01 01:00:00"):
            self.Stats._cron_send_monthly_workbook()
            self.Stats._cron_send_monthly_workbook()
        mails = Mail.search(
            [("id", "not in", before), ("subject", "like", "After-sales statistics")]
        )
        mine = mails.filtered(lambda mail: self.manager.partner_id in mail.recipient_ids)
        self.assertEqual(len(mine), 1)
        self.assertEqual(mine.attachment_ids.name, "After-sales statistics 2026-03.xlsx")
        self.assertEqual(self.company.aftersales_statistics_sent_month, MARCH)
        # Later in April: still nothing; at 00:10 Beijing time on 1 May (still 30 April in
        # UTC), April's workbook.
        with freeze_time("2026-04-20 01:00:00"):
            self.Stats._cron_send_monthly_workbook()
        self.assertEqual(
            len(
                Mail.search([("id", "not in", before)]).filtered(
                    lambda mail: self.manager.partner_id in mail.recipient_ids
                )
            ),
            1,
        )
        with freeze_time("2026-04-30 16:10:00"):
            self.Stats._cron_send_monthly_workbook()
        self.assertEqual(self.company.aftersales_statistics_sent_month, date(2026, 4, 1))
