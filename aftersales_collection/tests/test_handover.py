from dateutil.relativedelta import relativedelta

from odoo.exceptions import UserError
from odoo.tests import Form, HttpCase, tagged

from odoo.addons.aftersales_service.tests.pdf_text import PdfTextMixin

from .common import CollectionCase


@tagged("post_install", "-at_install")
class TestHandover(CollectionCase):
    """R29/R31: handover with a punch list chased until done; payment notice in 大写."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.project = cls._project(name="T-HO-1", delivery_date=cls.today - relativedelta(days=30))

    def _hand_over(self, lines):
        action = self.project.with_user(self.as_user).action_open_handover()
        with Form(
            self.env[action["res_model"]].with_user(self.as_user).with_context(**action["context"])
        ) as form:
            form.acceptance_date = self.today - relativedelta(days=2)
            for name, user, deadline in lines:
                with form.line_ids.new() as line:
                    line.name = name
                    line.user_id = user
                    line.deadline = deadline
        form.record.action_confirm()

    def test_handover_lists_items_and_chases_overdue(self):
        self._hand_over(
            [
                ("Fix the leaking flange", self.engineer, self.today - relativedelta(days=1)),
                ("Deliver the manual", self.as_user, self.today + relativedelta(days=7)),
            ]
        )
        self.assertEqual(self.project.handover_date, self.today)
        self.assertEqual(self.project.acceptance_date, self.today - relativedelta(days=2))
        items = self.project.punch_item_ids
        self.assertEqual(len(items), 2)
        self.assertEqual(self.project.punch_open_count, 2)
        self.assertEqual(self.project.punch_overdue_count, 1)
        overdue = items.filtered("is_overdue")
        self.assertEqual(overdue.user_id, self.engineer)
        with self.assertRaises(UserError):
            self.project.action_open_handover()

        Punch = self.env["aftersales.punch.item"]
        Punch._cron_notify_overdue()
        Punch._cron_notify_overdue()
        activities = overdue.activity_ids
        self.assertEqual(len(activities), 1, "one activity, however often the cron runs")
        self.assertEqual(activities.user_id, self.engineer)
        self.assertFalse(items.filtered(lambda i: not i.is_overdue).activity_ids)

        overdue.with_user(self.engineer).action_done()
        self.assertEqual(overdue.state, "done")
        self.assertFalse(
            self.env["mail.activity"].search(
                [("res_model", "=", overdue._name), ("res_id", "=", overdue.id)]
            )
        )
        self.project.invalidate_recordset(["punch_overdue_count"])
        self.assertEqual(self.project.punch_overdue_count, 0)

    def test_punch_item_closes_only_through_its_actions(self):
        """R31: an item leaves the payment notice only when it is done or the after-sales
        department cancels it; nobody closes one by editing it (the gate's table in
        aftersales_service/tests/test_gates.py covers create/write/copy)."""
        self._hand_over([("Fix the leaking flange", self.engineer, self.today)])
        item = self.project.punch_item_ids
        for user in (self.engineer, self.as_user):
            with self.assertRaisesRegex(UserError, "can only change through the actions"):
                item.with_user(user).write({"state": "done"})
        self.assertEqual(item.state, "open")
        with self.assertRaisesRegex(UserError, "after-sales department"):
            item.with_user(self.engineer).action_cancel()
        self.assertEqual(item.state, "open")
        item.with_user(self.engineer).action_done()
        self.assertEqual((item.state, item.done_date), ("done", self.today))
        with self.assertRaisesRegex(UserError, "after-sales department"):
            item.with_user(self.engineer).action_reopen()
        item.with_user(self.as_user).action_reopen()
        self.assertEqual((item.state, item.done_date), ("open", False))
        item.with_user(self.as_user).action_cancel()
        self.assertEqual(item.state, "cancel")
        with self.assertRaisesRegex(UserError, "Only open punch-list items"):
            item.with_user(self.as_user).action_done()

    def test_payment_notice(self):
        first = self._invoice(self.project, 12345.60)
        self._invoice(self.project, 100000.00)
        self._invoice(self.project, 50.0, post=False)  # drafts are not receivables
        self.assertEqual(self.project.unpaid_invoice_count, 2)
        self.assertAlmostEqual(self.project.amount_receivable, 112345.60)
        html = str(
            self.env["ir.actions.report"]._render_qweb_html(
                "aftersales_collection.report_payment_notice", self.project.ids
            )[0],
            "utf-8",
        )
        self.assertIn(first.name, html)
        self.assertIn("壹万贰仟叁佰肆拾伍元陆角整", html)
        self.assertIn("壹拾壹万贰仟叁佰肆拾伍元陆角整", html)
        result = self.project.with_user(self.as_user).action_send_payment_notice()
        self.assertEqual(result["params"]["type"], "success")
        message = self.project.message_ids[0]
        self.assertEqual(message.partner_ids, self.customer)
        self.assertEqual(len(message.attachment_ids), 1, "the notice is attached")
        self.assertIn("壹拾壹万贰仟叁佰肆拾伍元陆角整", message.body)
        self.assertIn(first.name, message.body)
        mail = self.env["mail.mail"].search([("mail_message_id", "=", message.id)])
        self.assertEqual((mail.state, mail.recipient_ids), ("outgoing", self.customer))
        self.assertTrue(self.project.payment_notice_sent_at)
        # A second click (another user) sends nothing while the notice would say the same.
        result = self.project.with_user(self.manager).action_send_payment_notice()
        self.assertEqual(result["params"]["type"], "warning")
        self.assertEqual(self.project.message_ids[0], message)
        # A payment changes the notice: the new one may go.
        self._pay(first)
        result = self.project.with_user(self.as_user).action_send_payment_notice()
        self.assertEqual(result["params"]["type"], "success")
        self.assertNotEqual(self.project.message_ids[0], message)
        self.assertIn("壹拾万元整", self.project.message_ids[0].body)

    def test_payment_notice_in_customer_language(self):
        """The e-mail in Chinese or English after the customer's language, the notice's PDF
        attached (R29)."""
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"].search(
            [("name", "in", ("aftersales_service", "aftersales_collection"))]
        )._update_translations("zh_CN")
        invoice = self._invoice(self.project, 10.0)
        self.env["aftersales.punch.item"].create(
            {
                "project_id": self.project.id,
                "name": "Deliver the manual",
                "user_id": self.engineer.id,
                "deadline": self.today + relativedelta(days=7),
            }
        )
        template = self.env.ref("aftersales_collection.mail_template_payment_notice")
        for lang, words in (
            ("en_US", ("payment notice for project", "Total due", "still open")),
            ("zh_CN", ("收款通知书", "合计应付", "尚未完成")),
        ):
            with self.subTest(lang=lang):
                self.customer.lang = lang
                values = template._generate_template(
                    self.project.ids, ("lang", "subject", "body_html")
                )[self.project.id]
                self.assertEqual(values["lang"], lang)
                for word in (*words, invoice.name, "壹拾元整"):
                    self.assertIn(word, values["body_html"])
        self.assertIn("收款通知书", values["subject"])

    def test_no_notice_without_unpaid_invoice(self):
        with self.assertRaises(UserError):
            self.project.action_send_payment_notice()


@tagged("post_install", "-at_install")
class TestPaymentNoticePdf(PdfTextMixin, CollectionCase, HttpCase):
    """R29: the notice's real PDF goes with the e-mail (wkhtmltopdf loads the report assets from
    the test server, hence HttpCase), in the customer's language."""

    def test_notice_mail_has_its_pdf(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"].search(
            [("name", "in", ("aftersales_service", "aftersales_collection"))]
        )._update_translations("zh_CN")
        self.customer.lang = "zh_CN"
        project = self._project(name="T-HO-PDF", delivery_date=self.today - relativedelta(days=30))
        self._invoice(project, 10.0)
        result = project.with_context(force_report_rendering=True).action_send_payment_notice()
        self.assertEqual(result["params"]["type"], "success")
        message = project.message_ids[0]
        self.assertIn("合计应付", message.body)
        self.assertEqual(message.attachment_ids.mimetype, "application/pdf")
        self.assertPdfText(message.attachment_ids.raw, "人民币壹拾元整")
