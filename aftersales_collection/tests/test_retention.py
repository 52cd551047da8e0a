from datetime import date

from dateutil.relativedelta import relativedelta
from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import CollectionCase


class InterruptedRun(Exception):
    """The cron worker dies before the runner commits its call (a crash, a timeout)."""


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

    def test_percentage_default_is_the_company_setting(self):
        """R29/R30: a retention by percentage starts from the company's retention percentage
        (default 5 %), the one definition the handover wizard proposes too."""
        retention = self._retention(
            self.due_later, amount_type="percent", contract_amount=1000000.0
        )
        self.assertEqual(retention.percent, 5.0)
        self.assertEqual(retention.amount, 50000.0)
        self.company.aftersales_retention_percent = 7.5
        retention = self._retention(
            self.due_later, amount_type="percent", contract_amount=1000000.0
        )
        self.assertEqual(retention.percent, 7.5)
        self.assertEqual(retention.amount, 75000.0)

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

    def _due_retentions(self, count, prefix):
        retentions = self.Retention
        for index in range(count):
            project = self._project_ending(self.today + relativedelta(days=5), f"{prefix}{index}")
            retentions |= self._retention(project, 1000.0 + index)
        return retentions

    def test_interrupted_run_sends_exactly_the_rest(self):
        """Odoo's batched cron: one batch per call, committed by the runner. A call that dies
        before its commit leaves nothing behind; the next run sends exactly the rest, each
        reminder once (R30)."""
        self._due_retentions(4, "T-RET-I")
        Retention = self.Retention
        # everything due today (the demo's too): what the runs must send, once each
        due = Retention.search(Retention._reminder_due_domain(self.today))
        self.assertGreaterEqual(len(due), 5)

        def run():
            return Retention._cron_send_reminders(batch_size=2, mail_batch_size=2)

        # Batch 1: two reminders recorded and mailed (the runner commits here).
        self.assertGreater(run(), 0, "work remains")
        first = self._reminder_mails(due)
        self.assertEqual(len(first), 2)
        self.assertEqual(
            set(due.filtered(lambda r: r.state == "reminded").ids), set(first.mapped("res_id"))
        )
        # Batch 2 dies before the runner commits it: its transaction is rolled back whole.
        with self.assertRaises(InterruptedRun), self.env.cr.savepoint():
            run()
            self.env.flush_all()
            self.assertEqual(len(self._reminder_mails(due)), 4)
            raise InterruptedRun
        self.env.invalidate_all()
        self.assertEqual(self._reminder_mails(due), first)
        self.assertEqual(len(due.filtered(lambda r: r.state == "pending")), len(due) - 2)
        # The next run goes on with the rest until nothing remains.
        calls = 0
        while run():
            calls += 1
            self.assertLess(calls, 5)
        mails = self._reminder_mails(due)
        self.assertEqual(sorted(mails.mapped("res_id")), sorted(due.ids), "each one once")
        self.assertEqual(set(due.mapped("state")), {"reminded"})
        self.assertFalse(due.filtered("reminder_to_send"))
        # Run again: nothing more.
        self.assertEqual(run(), 0)
        self.assertEqual(self._reminder_mails(due), mails)

    def test_cron_reports_progress_to_the_runner(self):
        """In a cron run (`ir_cron_progress_id` in the context), each call tells the runner what
        it did and what remains (`_notify_progress`), so that the runner calls again."""
        due = self._due_retentions(2, "T-RET-P") | self.ret_soon
        cron = self.env.ref("aftersales_collection.ir_cron_retention_reminders")
        Retention = self.Retention
        rounds = []
        while True:
            cron, progress = cron._add_progress()
            Retention.with_context(ir_cron_progress_id=progress.id)._cron_send_reminders(
                batch_size=2, mail_batch_size=2
            )
            rounds.append((progress.done, progress.remaining))
            if not progress.remaining:
                break
            self.assertLess(len(rounds), 5)
        self.assertGreater(len(rounds), 1, "more than one batch")
        self.assertGreater(rounds[0][0], 0)
        self.assertEqual(len(self._reminder_mails(due)), 3)

    def test_queries_per_batch_constant(self):
        """Deciding and recording a batch of reminders takes the same number of queries
        whatever its size (the e-mails, a letter each, are queued in smaller batches)."""
        retentions = self._due_retentions(12, "T-RET-Q")

        def count(batch):
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            self.Retention.search(
                [("id", "in", batch.ids), *self.Retention._reminder_due_domain(self.today)]
            )._record_reminders()
            self.env.flush_all()
            return self.cr.sql_log_count - before

        count(retentions[:2])  # warm the caches
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
