from dateutil.relativedelta import relativedelta
from freezegun import freeze_time

from odoo.tests import tagged

from .common import CollectionCase


@tagged("post_install", "-at_install")
class TestAgeingItems(CollectionCase):
    """R34: final payments age from their due date; a row opens its invoice or retention and
    sends its reminder; the buckets are settings; crossing the limit alerts once.

    Frozen like the other collection tests (CollectionCase.freeze_time): the report ages from
    Odoo's day, which the freeze moves (`_table_query`), not from PostgreSQL's CURRENT_DATE."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.project = cls._project_ending(cls.today - relativedelta(days=200), "T-AGI-1")
        # Invoiced 100 days ago, due 10 days ago: 10 days old.
        cls.invoice = cls._invoice(
            cls.project,
            1000.0,
            cls.today - relativedelta(days=100),
            invoice_date_due=cls.today - relativedelta(days=10),
        )
        cls.retention = cls._retention(cls.project, 8000.0)  # due 200 days ago
        cls.Ageing = cls.env["aftersales.ageing.report"]

    def _row(self, record):
        self.Ageing.invalidate_model()
        field = "move_id" if record._name == "account.move" else "retention_id"
        return self.Ageing.search([(field, "=", record.id)])

    def test_final_payment_ages_from_due_date_and_opens_invoice(self):
        row = self._row(self.invoice)
        self.assertEqual(self.invoice.invoice_date_due, self.today - relativedelta(days=10))
        self.assertEqual(
            (row.kind, row.date_from, row.age_days), ("final", self.invoice.invoice_date_due, 10)
        )
        self.assertEqual(row.bucket, "0_30")
        action = row.action_open_item()
        self.assertEqual((action["res_model"], action["res_id"]), ("account.move", self.invoice.id))
        action = self._row(self.retention).action_open_item()
        self.assertEqual(
            (action["res_model"], action["res_id"]), ("aftersales.retention", self.retention.id)
        )

    def test_limit_crosses_at_the_day_boundary(self):
        """R34: due exactly six months ago is not yet red; the next day it is (the report ages
        from Odoo's day, so the frozen clock moves it)."""
        due = self.today - relativedelta(months=6)
        invoice = self._invoice(self.project, 300.0, due, invoice_date_due=due)
        row = self._row(invoice)
        self.assertEqual((row.age_days, row.is_red), ((self.today - due).days, False))
        with freeze_time("2026-04-01 04:00:00"):  # the next day, noon in Shanghai
            row = self._row(invoice)
            self.assertEqual((row.age_days, row.is_red), ((self.today - due).days + 1, True))
            self.assertIn(row, self.Ageing.search([("is_red", "=", True)]))

    def test_buckets_are_settings(self):
        self.company.write(
            {
                "aftersales_ageing_bucket_1": 5,
                "aftersales_ageing_bucket_2": 150,
                "aftersales_ageing_bucket_3": 250,
            }
        )
        self.env.flush_all()
        self.assertEqual(self._row(self.invoice).bucket, "31_90")
        self.assertEqual(self._row(self.retention).bucket, "91_180")
        labels = dict(self.Ageing._fields["bucket"]._description_selection(self.env))
        self.assertEqual(labels["31_90"], "6–150 days")
        self.assertEqual(labels["over_180"], "> 250 days")

    def test_limit_alerts_once(self):
        row = self._row(self.retention)
        self.assertTrue(row.is_red)
        self.assertFalse(self._row(self.invoice).is_red)
        self.Ageing._cron_alert_over_limit()
        activities = self.retention.activity_ids
        self.assertEqual(len(activities), 1)
        self.assertEqual(activities.user_id, self.company._aftersales_decider("manager"))
        self.assertEqual(self.retention.ageing_alerted_on, self.today)
        self.assertTrue(self._row(self.retention).alerted)
        self.Ageing._cron_alert_over_limit()
        self.assertEqual(len(self.retention.activity_ids), 1, "once")
        self.assertFalse(self.invoice.activity_ids)

    def test_reminder_from_the_list(self):
        rows = self._row(self.invoice) | self._row(self.retention)
        before = len(self.project.message_ids)
        rows.with_user(self.as_user).action_send_reminder()
        self.assertEqual(self.retention.state, "reminded")
        self.assertEqual(self.invoice.aftersales_notice_sent_on, self.today)
        self.assertEqual(len(self.project.message_ids), before + 1, "the project's payment notice")
        rows.with_user(self.as_user).action_send_reminder()
        self.assertEqual(len(self.project.message_ids), before + 1, "never twice a day")
        mails = self.env["mail.mail"].search(
            [("model", "=", "aftersales.retention"), ("res_id", "=", self.retention.id)]
        )
        self.assertEqual(len(mails), 1)
