import io

import openpyxl
from dateutil.relativedelta import relativedelta

from odoo.tests import tagged

from .common import CollectionCase


@tagged("post_install", "-at_install")
class TestAgeing(CollectionCase):
    """R34: ageing of final payments and retention money; > 6 months red; XLSX per company.

    Frozen like the other collection tests (CollectionCase.freeze_time): the report ages from
    Odoo's day, which the freeze moves (`_table_query`), not from PostgreSQL's CURRENT_DATE."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.project = cls._project_ending(cls.today - relativedelta(days=200), "T-AGE-1")
        cls.project_b = cls._project_ending(
            cls.today + relativedelta(months=6), "T-AGE-2", partner_id=cls.customer_b.id
        )
        # Due on their invoice date (final payments age from their due date).
        cls.inv_new, cls.inv_mid, cls.inv_old, cls.inv_paid = (
            cls._invoice(
                project,
                amount,
                cls.today - relativedelta(days=days),
                invoice_date_due=cls.today - relativedelta(days=days),
            )
            for project, amount, days in (
                (cls.project, 1000.0, 10),
                (cls.project, 2000.0, 60),
                (cls.project_b, 4000.0, 150),
                (cls.project_b, 999.0, 20),
            )
        )
        cls._pay(cls.inv_paid)
        cls.ret_due = cls._retention(cls.project, 8000.0)  # due 200 days ago
        cls.ret_future = cls._retention(cls.project_b, 7000.0)  # not receivable yet
        cls.Ageing = cls.env["aftersales.ageing.report"]
        cls.domain = [("project_id", "in", (cls.project | cls.project_b).ids)]

    def test_buckets_and_red_flag(self):
        lines = self.Ageing.search(self.domain)
        by_ref = {line.reference: line for line in lines}
        self.assertEqual(
            set(by_ref),
            {self.inv_new.name, self.inv_mid.name, self.inv_old.name, self.ret_due.name},
        )
        self.assertEqual(by_ref[self.inv_new.name].bucket, "0_30")
        self.assertEqual(by_ref[self.inv_mid.name].bucket, "31_90")
        self.assertEqual(by_ref[self.inv_old.name].bucket, "91_180")
        self.assertEqual(by_ref[self.ret_due.name].bucket, "over_180")
        self.assertEqual(by_ref[self.ret_due.name].kind, "retention")
        self.assertEqual(by_ref[self.ret_due.name].age_days, 200)
        self.assertEqual(
            lines.filtered("is_red").mapped("reference"), [self.ret_due.name], "older than 6 months"
        )
        # A partly paid invoice ages with what is left.
        self._pay(self.inv_mid, 500.0)
        self.Ageing.invalidate_model()
        self.assertEqual(self.Ageing.search([("reference", "=", self.inv_mid.name)]).amount, 1500.0)

    def test_xlsx_export_sums(self):
        other = self._project_ending(
            self.today - relativedelta(days=40),
            "T-AGE-3",
            company_id=self.other_company.id,
            partner_id=self.customer_b.id,
        )
        self.Retention.create({"project_id": other.id, "amount": 300.0})
        self.env.user.company_ids |= self.other_company
        Ageing = self.Ageing.with_context(
            allowed_company_ids=(self.company | self.other_company).ids
        )
        content = Ageing._xlsx_content(
            [("project_id", "in", (self.project | self.project_b | other).ids)]
        )
        book = openpyxl.load_workbook(io.BytesIO(content), read_only=True)
        self.assertEqual(len(book.sheetnames), 2, "one sheet per company")
        main = [row for row in book[self.company.name[:28]].iter_rows(values_only=True)]
        self.assertEqual(main[0][0], "Customer")
        body, total = main[1:-1], main[-1]
        self.assertEqual(total[0], "Total")
        # 0–30, 31–90, 91–180, > 180, total
        self.assertEqual(list(total[3:8]), [1000.0, 2000.0, 4000.0, 8000.0, 15000.0])
        self.assertEqual(sum(row[7] for row in body), 15000.0)
        second = [row for row in book[self.other_company.name[:28]].iter_rows(values_only=True)]
        self.assertEqual(list(second[-1][3:8]), [0.0, 300.0, 0.0, 0.0, 300.0])

    def test_sheet_names_fit_excel(self):
        """Excel refuses sheet names over 31 characters: a long company name is cut to 28, and
        two names the same once cut are told apart by a suffix, still within the limit."""
        used = set()
        name = "Shanghai Water Treatment Engineering Co., Ltd."
        first = self.Ageing._sheet_name(name, used)
        second = self.Ageing._sheet_name(name + " (Beijing)", used)
        self.assertEqual(first, name[:28])
        self.assertEqual(second, name[:25] + "~2")
        self.assertLessEqual(max(len(first), len(second)), 31)

    def test_export_action(self):
        action = self.Ageing.with_user(self.accountant).search(self.domain).action_export_xlsx()
        attachment_id = int(action["url"].split("/")[3].split("?")[0])
        attachment = self.env["ir.attachment"].browse(attachment_id)
        book = openpyxl.load_workbook(io.BytesIO(attachment.raw), read_only=True)
        rows = list(book.active.iter_rows(values_only=True))
        self.assertEqual(rows[-1][7], 15000.0)
