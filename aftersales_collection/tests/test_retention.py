from datetime import date

from dateutil.relativedelta import relativedelta
from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import CollectionCase


@tagged("post_install", "-at_install")
class TestRetention(CollectionCase):
    """R30: retention money falls due at the warranty end; one reminder a month before."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.due_soon = cls._project_ending(cls.today + relativedelta(days=20), "T-RET-1")
        cls.due_later = cls._project_ending(cls.today + relativedelta(months=3), "T-RET-2")
        cls.ret_soon = cls._retention(cls.due_soon, 50000.0)
        cls.ret_later = cls._retention(cls.due_later, 30000.0)

    def _reminder_mails(self, retentions):
        return self.env["mail.mail"].search(
            [("model", "=", "aftersales.retention"), ("res_id", "in", retentions.ids)]
        )

    def test_reminder_date_follows_warranty(self):
        # Today is 31 March 2026 (CollectionCase): the warranty ends 20 days later.
        end = self.due_soon.warranty_end
        self.assertEqual(end, date(2026, 4, 20))
        self.assertEqual(self.ret_soon.due_date, end)
        self.assertEqual(self.ret_soon.reminder_date, date(2026, 3, 20))
        # The warranty moves (a later acceptance): due and reminder dates follow it.
        self.due_soon.acceptance_date = self.due_soon.acceptance_date + relativedelta(days=40)
        self.assertEqual(self.ret_soon.due_date, date(2026, 5, 30))
        self.assertEqual(self.ret_soon.reminder_date, date(2026, 4, 30))
        # The lead time is a company setting.
        self.company.aftersales_retention_reminder_months = 2
        self.assertEqual(self.ret_soon.reminder_date, date(2026, 3, 30))

    def test_month_ends_and_leap_day(self):
        """R30 at the month ends: one month before 31 March is the last day of February (29 in a
        leap year); a warranty accepted on 29 February 2028 ends on 28 February 2029."""
        cases = [
            # acceptance, warranty end (12 months), reminder (one month before)
            (date(2025, 3, 31), date(2026, 3, 31), date(2026, 2, 28)),
            (date(2027, 3, 31), date(2028, 3, 31), date(2028, 2, 29)),
            (date(2027, 3, 29), date(2028, 3, 29), date(2028, 2, 29)),
            (date(2028, 2, 29), date(2029, 2, 28), date(2029, 1, 28)),
            (date(2025, 5, 31), date(2026, 5, 31), date(2026, 4, 30)),
        ]
        for acceptance, end, reminder in cases:
            with self.subTest(acceptance=acceptance):
                project = self._project(
                    name=f"T-RET-M{acceptance}",
                    delivery_date=acceptance,
                    acceptance_date=acceptance,
                )
                retention = self._retention(project, 1000.0)
                self.assertEqual(project.warranty_end, end)
                self.assertEqual(retention.due_date, end)
                self.assertEqual(retention.reminder_date, reminder)
        # On the leap day itself, the cron reminds what falls due a month later, and only that.
        project = self._project(
            name="T-RET-LEAP", delivery_date=date(2027, 3, 29), acceptance_date=date(2027, 3, 29)
        )
        leap = self._retention(project, 1000.0)
        with freeze_time("2028-02-28 04:00:00"):
            self.Retention._cron_send_reminders()
            self.assertEqual(leap.state, "pending")
        with freeze_time("2028-02-29 04:00:00"):
            self.Retention._cron_send_reminders()
            self.assertEqual(leap.state, "reminded")
            self.assertEqual(leap.reminded_on, date(2028, 2, 29))

    def test_percentage_of_contract(self):
        retention = self._retention(
            self.due_later, amount_type="percent", percent=5.0, contract_amount=1234567.0
        )
        self.assertAlmostEqual(retention.amount, 61728.35)
        with self.assertRaises(UserError):
            retention.percent = 120.0

    def test_cron_sends_each_reminder_once(self):
        Retention = self.Retention
        Retention._cron_send_reminders()
        self.assertEqual(self.ret_soon.state, "reminded")
        self.assertEqual(self.ret_soon.reminded_on, self.today)
        self.assertEqual(self.ret_later.state, "pending", "not due for its reminder yet")
        mail = self._reminder_mails(self.ret_soon)
        self.assertEqual(len(mail), 1)
        self.assertEqual(mail.recipient_ids, self.customer)
        self.assertEqual(mail.state, "outgoing")
        self.assertEqual(len(mail.attachment_ids), 1, "the letter goes with the e-mail")
        self.assertIn(self.due_soon.name, mail.subject)
        self.assertIn("伍万元整", mail.body_html)
        # The e-mail is the chatter entry of the retention.
        self.assertIn(mail.mail_message_id, self.ret_soon.message_ids)
        # Run twice the same day: nothing more.
        Retention._cron_send_reminders()
        self.assertEqual(len(self._reminder_mails(self.ret_soon | self.ret_later)), 1)
        # A second send from the form or a list skips it and says so: still one e-mail.
        result = self.ret_soon.action_send_reminder()
        self.assertEqual(result["params"]["type"], "warning")
        self.assertIn(self.ret_soon.name, result["params"]["message"])
        self.assertEqual(len(self._reminder_mails(self.ret_soon)), 1)

    def test_cron_batches_report_progress(self):
        extra = self.Retention
        for index in range(3):
            project = self._project_ending(self.today + relativedelta(days=5), f"T-RET-B{index}")
            extra |= self._retention(project, 1000.0 + index)
        due = extra | self.ret_soon
        Retention = self.Retention
        total = Retention.search_count(Retention._reminder_due_domain(self.today))
        self.assertGreaterEqual(total, 4)
        remaining = Retention._cron_send_reminders(batch_size=total - 1, mail_batch_size=total - 1)
        todo = Retention.search_count(Retention._reminder_due_domain(self.today))
        unsent = Retention.search_count([("reminder_to_send", "=", True)])
        self.assertEqual((todo, unsent), (1, 0), "the recorded reminders were all mailed")
        self.assertGreaterEqual(remaining, todo + unsent)
        calls = 1
        while remaining:
            remaining = Retention._cron_send_reminders(
                batch_size=total - 1, mail_batch_size=total - 1
            )
            calls += 1
            self.assertLess(calls, 5)
        self.assertEqual(set(due.mapped("state")), {"reminded"})
        self.assertEqual(len(self._reminder_mails(due)), 4)

    def test_queries_per_batch_constant(self):
        """The number of queries of a reminder batch does not grow with its size."""
        retentions = self.Retention
        for index in range(12):
            project = self._project_ending(self.today + relativedelta(days=3), f"T-RET-Q{index}")
            retentions |= self._retention(project, 500.0 + index)

        def count(batch):
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            batch._send_reminders()
            self.env.flush_all()
            return self.cr.sql_log_count - before

        count(retentions[:2])  # warm the template, report and view caches
        small, large = count(retentions[2:5]), count(retentions[5:])
        self.assertEqual(small, large)

    def test_reconciled_item_collects(self):
        invoice = self._invoice(self.due_later, 30000.0)
        self.ret_later.move_id = invoice
        self.assertEqual(
            self.ret_later.move_line_id,
            invoice.line_ids.filtered(lambda line: line.account_type == "asset_receivable"),
        )
        self._pay(invoice, 10000.0)
        self.assertNotEqual(self.ret_later.state, "collected", "a partial payment does not collect")
        self._pay(invoice)
        self.assertEqual(self.ret_later.state, "collected")
        self.assertEqual(self.ret_later.collected_on, self.today)
        # Collected money is not reminded.
        self.ret_later.invalidate_recordset()
        self.assertNotIn(
            self.ret_later,
            self.Retention.search(
                self.Retention._reminder_due_domain(self.today + relativedelta(years=1))
            ),
        )

    def test_retention_filed_under_warranty_and_retention(self):
        """This addon names its model on the base addon's A4 category (R38, issue 20): the base
        addon's data does not know the retention money."""
        category = self.env.ref("aftersales_service.archive_category_a4")
        self.assertEqual(category.res_model, "aftersales.retention")
        self.assertEqual(
            self.env["ir.attachment"]._aftersales_project_path("aftersales.retention"),
            "project_id",
        )
