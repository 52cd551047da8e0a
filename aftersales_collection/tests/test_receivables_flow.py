from dateutil.relativedelta import relativedelta
from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .common import CollectionCase


@tagged("post_install", "-at_install")
class TestHandoverToCash(CollectionCase):
    """R29, R31: the handover proposes the payment notice (unpaid invoices, contract amount not
    invoiced, open items, total in capitals) and makes the retention money from the contract."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        product = cls.env["product.product"].create(
            {"name": "Contract: RO plant", "type": "service"}
        )
        cls.order = cls.env["sale.order"].create(
            {
                "partner_id": cls.customer.id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": product.id,
                            "price_unit": 100000.0,
                            "tax_id": [Command.clear()],
                        }
                    )
                ],
            }
        )
        cls.order.action_confirm()
        cls.project = cls._project(
            name="T-H2C-1",
            delivery_date=cls.today - relativedelta(days=30),
            sale_order_id=cls.order.id,
        )
        cls.invoice = cls._invoice(cls.project, 40000.0, cls.today - relativedelta(days=5))

    def _hand_over(self, **values):
        action = self.project.with_user(self.as_user).action_open_handover()
        Wizard = (
            self.env[action["res_model"]].with_user(self.as_user).with_context(**action["context"])
        )
        with Form(Wizard) as form:
            form.acceptance_date = self.today - relativedelta(days=2)
            for field, value in values.items():
                setattr(form, field, value)
            with form.line_ids.new() as line:
                line.name = "Replace the cracked sight glass"
                line.user_id = self.engineer
                line.deadline = self.today + relativedelta(days=10)
        return form.record.action_confirm()

    def test_handover_makes_retention_and_proposes_notice(self):
        action = self._hand_over()
        # R30: 5 % (company setting) of the 100,000 contract, due when the warranty ends.
        retention = self.project.retention_ids
        self.assertEqual(len(retention), 1)
        self.assertEqual((retention.amount_type, retention.percent), ("percent", 5.0))
        self.assertEqual(retention.amount, 5000.0)
        self.assertEqual(retention.due_date, self.project.warranty_end)
        # The wizard's proposal (on by default) sends the payment notice with the handover.
        self.assertEqual(action["params"]["type"], "success")
        notice = self.project.message_ids.filtered(lambda m: m.partner_ids == self.customer)
        self.assertEqual(len(notice), 1)
        self.assertIn(self.invoice.name, notice.body)
        self.assertIn("still open from the handover", notice.body)
        # 40,000 unpaid + 60,000 not invoiced
        self.assertIn(self.project._amount_in_capitals(100000.0), notice.body)

    def test_notice_content(self):
        self._hand_over(retention_percent=0.0)
        self.assertFalse(self.project.retention_ids, "no retention money when none is asked")
        self.assertEqual(self.project._contract_amount_not_invoiced(), 60000.0)
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("aftersales_collection.report_payment_notice", self.project.ids)[0]
            .decode()
        )
        self.assertIn(self.invoice.name, html, "the posted unpaid invoice")
        self.assertIn("o_aftersales_not_invoiced", html, "the contract amount not yet invoiced")
        self.assertIn(self.project._amount_in_capitals(60000.0), html)
        self.assertIn("Replace the cracked sight glass", html, "the open item")
        # Total: 40,000 unpaid + 60,000 not invoiced, in capitals.
        self.assertIn(self.project._amount_in_capitals(100000.0), html)
        # A finished item is no longer listed.
        self.project.punch_item_ids.with_user(self.engineer).action_done()
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("aftersales_collection.report_payment_notice", self.project.ids)[0]
            .decode()
        )
        self.assertNotIn("Replace the cracked sight glass", html)

    def test_retention_needs_a_contract(self):
        self.project.sale_order_id = False
        with self.assertRaises(UserError):
            self._hand_over(retention_percent=5.0)
        self.assertFalse(self.project.handover_date, "nothing half-written")
        self.assertFalse(self.project.sudo().retention_ids)


@tagged("post_install", "-at_install")
class TestFinalPaymentDisputeEscalation(CollectionCase):
    """R32, R33 for final contract invoices: the same dispute and escalation as retention money."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.project = cls._project_ending(cls.today + relativedelta(months=6), "T-FIN-1")
        cls.late = cls._invoice(
            cls.project,
            30000.0,
            cls.today - relativedelta(days=75),
            invoice_date_due=cls.today - relativedelta(days=45),
        )
        cls.recent = cls._invoice(
            cls.project,
            10000.0,
            cls.today - relativedelta(days=50),
            invoice_date_due=cls.today - relativedelta(days=20),
        )
        cls.ticket = cls.env["helpdesk.ticket"].create(
            {
                "name": "Customer withholds the final payment: pump noise",
                "description": "Pump noise above contract.",
                "aftersales_project_id": cls.project.id,
                "partner_id": cls.customer.id,
            }
        )
        cls.Move = cls.env["account.move"]
        cls.company.aftersales_management_user_ids = cls.as_user

    def _dispute(self, move):
        return (
            self.env["aftersales.retention.dispute"]
            .with_user(self.as_user)
            .create({"move_id": move.id, "ticket_id": self.ticket.id, "reason": "Pump too loud"})
        )

    def test_overdue_final_payment_escalated_once_to_management(self):
        self.Move._cron_escalate_final_payments()
        escalation = self.late.aftersales_escalation_ids
        self.assertEqual(len(escalation), 1)
        self.assertEqual((escalation.overdue_days, escalation.measure), (45, "letter"))
        self.assertEqual(escalation.project_id, self.project)
        self.assertEqual(escalation.amount, 30000.0)
        self.assertFalse(self.recent.aftersales_escalation_ids, "20 days overdue < 30 (setting)")
        self.assertEqual(escalation.activity_ids.user_id, self.as_user, "management decides")
        self.Move._cron_escalate_final_payments()
        self.assertEqual(len(self.late.aftersales_escalation_ids), 1, "once")
        with self.assertRaises(AccessError):
            escalation.with_user(self.manager).action_approve()
        escalation.with_user(self.as_user).action_approve()
        self.assertEqual(escalation.state, "approved")
        logged = self.project.message_ids.filtered(lambda m: self.late.name in (m.body or ""))
        self.assertTrue(logged, "the proposal and the decision are logged on the project")

    def test_disputed_final_payment_paused_then_escalated(self):
        dispute = self._dispute(self.late)
        self.assertEqual(dispute.project_id, self.project)
        self.assertEqual(dispute.display_name, f"Dispute on {self.late.name}")
        with self.assertRaises(UserError):
            self._dispute(self.late)  # one open dispute per invoice
        self.Move._cron_escalate_final_payments()
        self.assertFalse(self.late.aftersales_escalation_ids, "paused while the claim is verified")
        dispute.write({"outcome": "amount_reduced", "agreed_amount": 40000.0})
        with self.assertRaises(UserError):
            dispute.action_resolve()  # more than is due
        dispute.write({"agreed_amount": 25000.0})
        dispute.action_resolve()
        self.assertEqual((dispute.state, dispute.resolved_on), ("resolved", self.today))
        self.assertIn("5,000.00", self.late.message_ids[0].body, "the credit note to issue")
        self.Move._cron_escalate_final_payments()
        self.assertEqual(len(self.late.aftersales_escalation_ids), 1, "collection resumes")

    def test_only_open_project_invoices_are_disputed(self):
        self._pay(self.recent)
        with self.assertRaises(UserError):
            self._dispute(self.recent)
        other = self._invoice(self.project, 500.0, aftersales_project_id=False)
        with self.assertRaises(UserError):
            self._dispute(other)

    def test_retention_invoice_is_left_to_the_retention(self):
        self._retention(self.project, 30000.0, move_id=self.late.id)
        self.Move._cron_escalate_final_payments()
        self.assertFalse(self.late.aftersales_escalation_ids)

    def test_dispute_button_on_the_invoice(self):
        action = self.late.with_user(self.as_user).action_aftersales_open_dispute()
        with Form(
            self.env[action["res_model"]].with_user(self.as_user).with_context(**action["context"])
        ) as form:
            form.ticket_id = self.ticket
            form.reason = "Pump too loud"
        self.assertEqual(form.record.move_id, self.late)
        self.assertEqual(self.late.aftersales_dispute_ids, form.record)


@tagged("post_install", "-at_install")
class TestLiveFlags(CollectionCase):
    """The retention list shows "reminder due" and "needs escalation" from today's date, not
    from a nightly job: they turn on the day they are due, and can be searched."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Reminder on 2026-04-01 (one month before the warranty ends on 2026-05-01).
        project = cls._project_ending(cls.today + relativedelta(days=31), "T-LIVE-1")
        cls.upcoming = cls._retention(project, 1000.0)
        # Due on 2026-03-01: 30 days overdue today, beyond the 30-day delay tomorrow.
        late_project = cls._project_ending(cls.today - relativedelta(days=30), "T-LIVE-2")
        cls.late = cls._retention(late_project, 2000.0)
        cls.both = cls.upcoming | cls.late

    def _flags(self):
        self.both.invalidate_recordset(["reminder_due", "needs_escalation"])
        due = self.Retention.search([("id", "in", self.both.ids), ("reminder_due", "=", True)])
        late = self.Retention.search([("id", "in", self.both.ids), ("needs_escalation", "=", True)])
        return due, late

    def test_flags_turn_on_at_the_day(self):
        self.assertEqual(self.upcoming.reminder_date.isoformat(), "2026-04-01")
        self.assertEqual(self.late.due_date.isoformat(), "2026-03-01")
        due, late = self._flags()
        self.assertEqual(due, self.late, "the late one's reminder is due, not the upcoming one")
        self.assertFalse(late)
        self.assertFalse(self.upcoming.reminder_due)
        not_due = self.Retention.search([("id", "in", self.both.ids), ("reminder_due", "=", False)])
        self.assertEqual(not_due, self.upcoming)
        with freeze_time("2026-04-01 04:00:00"):
            due, late = self._flags()
            self.assertEqual(due, self.both)
            self.assertEqual(late, self.late)
            self.assertTrue(self.late.needs_escalation)
            # What the flags promise is what the cron does.
            self.Retention._cron_send_reminders()
            self.assertEqual(self.upcoming.state, "reminded")
            self.assertEqual(self.late.state, "escalated")
            due, late = self._flags()
            self.assertFalse(due | late)

    def test_run_now_through_the_cron(self):
        with self.assertRaises(AccessError):
            self.Retention.with_user(self.as_user).action_run_reminders_now()
        cron = self.env.ref("aftersales_collection.ir_cron_retention_reminders")
        lastcall = cron.lastcall
        self.Retention.with_user(self.manager).action_run_reminders_now()
        self.assertNotEqual(cron.lastcall, lastcall, "run by the cron, not beside it")
        self.assertEqual(self.late.state, "reminded")
        self.assertEqual(self.upcoming.state, "pending")

    def test_list_send_skips_what_is_sent(self):
        self.late.with_user(self.as_user).action_send_reminder()
        self.assertEqual(self.late.state, "reminded")
        mails = self.env["mail.mail"].search(
            [("model", "=", self.Retention._name), ("res_id", "=", self.late.id)]
        )
        self.assertEqual(len(mails), 1)
        result = self.both.with_user(self.as_user).action_send_reminder()
        self.assertEqual(result["params"]["type"], "warning", "the sent one is skipped and said so")
        self.assertIn(self.late.name, result["params"]["message"])
        self.assertEqual(self.upcoming.state, "reminded")
        mails = self.env["mail.mail"].search(
            [("model", "=", self.Retention._name), ("res_id", "=", self.late.id)]
        )
        self.assertEqual(len(mails), 1, "never twice")
