from dateutil.relativedelta import relativedelta

from odoo.exceptions import UserError
from odoo.tests import Form, tagged

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
        action = self.project.action_send_payment_notice()
        composer = Form(self.env["mail.compose.message"].with_context(**action["context"])).save()
        composer._action_send_mail()
        message = self.project.message_ids[0]
        self.assertEqual(message.partner_ids, self.customer)
        self.assertEqual(len(message.attachment_ids), 1, "the PDF is filed on the project")
        self.assertIn("壹拾壹万贰仟叁佰肆拾伍元陆角整", message.body)

    def test_payment_notice_in_customer_language(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.customer.lang = "zh_CN"
        self._invoice(self.project, 10.0)
        template = self.env.ref("aftersales_collection.mail_template_payment_notice")
        values = template._generate_template(self.project.ids, ("lang", "body_html"))[
            self.project.id
        ]
        self.assertEqual(values["lang"], "zh_CN")
        self.assertIn("壹拾元整", values["body_html"])

    def test_no_notice_without_unpaid_invoice(self):
        with self.assertRaises(UserError):
            self.project.action_send_payment_notice()
