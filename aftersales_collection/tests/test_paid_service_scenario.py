from datetime import timedelta

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import new_test_user, tagged

from odoo.addons.account.tests.common import AccountTestInvoicingCommon


@tagged("post_install", "-at_install")
class TestPaidServiceScenario(AccountTestInvoicingCommon):
    """The paid-service loop with real documents (R25, R28), in the invoicing test company of
    Odoo's accounting tests: request → repair → quotation → confirmed service order → invoice
    from the order → posted → payment registered → the trip may go. No link, state or approval
    field is written by hand: each step is the button a user would press."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        company = cls.company_data["company"]
        users = {"company_id": company.id, "company_ids": [Command.set(company.ids)]}
        cls.as_user = new_test_user(
            cls.env,
            "t_paid_dispatcher",
            name="Dispatcher",
            groups="base.group_user,aftersales_service.group_aftersales_user",
            **users,
        )
        cls.manager = new_test_user(
            cls.env,
            "t_paid_manager",
            name="After-sales Manager",
            groups="base.group_user,aftersales_service.group_aftersales_manager",
            **users,
        )
        cls.engineer = new_test_user(
            cls.env,
            "t_paid_engineer",
            name="Field Engineer",
            groups="base.group_user,aftersales_service.group_aftersales_engineer",
            **users,
        )
        sudo_env = cls.env(su=True)
        cls.employee = sudo_env["hr.employee"].create(
            {
                "name": "Field Engineer",
                "user_id": cls.engineer.id,
                "company_id": company.id,
                "aftersales_nda_date": "2025-01-01",
            }
        )
        cls.customer = cls.partner_a
        # Delivered three years ago: the 12-month warranty is over, the request is paid service.
        cls.project = sudo_env["aftersales.project"].create(
            {
                "name": "T-PAID-LOOP",
                "partner_id": cls.customer.id,
                "company_id": company.id,
                "delivery_date": cls.env.company._aftersales_today() - timedelta(days=3 * 365),
            }
        )
        cls.onsite_repair = cls.env["product.product"].create(
            {
                "name": "On-site repair",
                "type": "service",
                "invoice_policy": "order",
                "lst_price": 1000.0,
                "taxes_id": [Command.set(cls.tax_sale_a.ids)],
            }
        )

    # ------------------------------------------------------------------ the steps
    def _request(self, **vals):
        return (
            self.env["helpdesk.ticket"]
            .with_user(self.as_user)
            .create(
                {
                    "name": "Dosing pump leaks",
                    "description": "The dosing pump leaks at the seal.",
                    "partner_id": self.customer.id,
                    "aftersales_project_id": self.project.id,
                    **vals,
                }
            )
        )

    def _service_order(self, ticket):
        """Repair of the request, its quotation with the on-site repair, sent and confirmed."""
        action = ticket.with_user(self.as_user).action_create_repair()
        repair = self.env["repair.order"].browse(action["res_id"])
        action = repair.with_user(self.as_user).action_create_sale_order()
        order = self.env["sale.order"].browse(action["res_id"]).with_user(self.as_user)
        order.write(
            {
                "order_line": [
                    Command.create({"product_id": self.onsite_repair.id, "product_uom_qty": 1})
                ]
            }
        )
        return order

    def _invoice(self, order):
        """The accountant invoices the confirmed service order and posts the invoice."""
        invoice = order.with_user(self.env.user)._create_invoices()
        invoice.action_post()
        return invoice

    def _pay(self, invoice, amount=None):
        wizard = (
            self.env["account.payment.register"]
            .with_context(active_model="account.move", active_ids=invoice.ids)
            .create({"amount": amount or invoice.amount_residual})
        )
        return wizard._create_payments()

    def _dispatch(self, ticket):
        dispatch = (
            self.env["aftersales.dispatch"]
            .with_user(self.as_user)
            .create({"ticket_id": ticket.id, "employee_ids": [Command.set(self.employee.ids)]})
        )
        if "briefing_ids" in dispatch._fields:  # the hazard gate, when installed
            dispatch.briefing_ids.with_user(self.engineer).action_acknowledge()
        return dispatch

    def _refused(self, dispatch):
        with self.assertRaises(UserError) as caught:
            dispatch.with_user(self.as_user).action_confirm()
        self.assertEqual(dispatch.state, "draft")
        return str(caught.exception)

    # ------------------------------------------------------------------ tests
    def test_paid_loop_end_to_end(self):
        ticket = self._request()
        self.assertEqual(ticket.coverage, "paid", "out of warranty on the day of the request")
        dispatch = self._dispatch(ticket)
        self.assertIn("no service order confirmed and nothing invoiced", self._refused(dispatch))

        order = self._service_order(ticket)
        self.assertEqual(order.aftersales_ticket_id, ticket, "the repair's quotation (R25)")
        self.assertIn("has not confirmed the service order", self._refused(dispatch))

        order.action_confirm()
        self.assertEqual(order.state, "sale")
        self.assertIn("has no posted invoice", self._refused(dispatch))

        invoice = self._invoice(order)
        # The invoice follows its order to the request and the project: nobody links it.
        self.assertEqual(invoice.aftersales_ticket_id, ticket)
        self.assertEqual(invoice.aftersales_project_id, self.project)
        self.assertEqual(ticket.aftersales_invoice_ids, invoice)
        message = self._refused(dispatch)
        self.assertIn(f"no payment received for invoice {invoice.name}", message)
        self.assertFalse(dispatch.payment_ok)

        self._pay(invoice)
        self.assertIn(invoice.payment_state, ("paid", "in_payment"))
        self.assertTrue(dispatch.payment_ok)
        self.assertFalse(dispatch.blocker_text)
        dispatch.with_user(self.as_user).action_confirm()
        self.assertEqual(dispatch.state, "confirmed")

    def test_partial_payment_blocks(self):
        ticket = self._request()
        order = self._service_order(ticket)
        order.action_confirm()
        invoice = self._invoice(order)
        self._pay(invoice, amount=invoice.amount_total / 2)
        self.assertEqual(invoice.payment_state, "partial")
        dispatch = self._dispatch(ticket)
        message = self._refused(dispatch)
        residual = invoice.currency_id.format(invoice.amount_residual)
        self.assertIn(f"invoice {invoice.name} is only partly paid, {residual}", message)
        # Says what is missing instead of aftersales_service's generic sentence.
        self.assertNotIn("no payment received and no approved serve-first exception", message)
        # Also in Chinese, where the generic sentence comes from aftersales_service's translation.
        self.env["res.lang"]._activate_lang("zh_CN")
        blockers = "\n".join(dispatch.with_context(lang="zh_CN")._get_dispatch_blockers())
        self.assertIn(f"发票 {invoice.name} 仅部分付款", blockers)
        self.assertNotIn("也没有经批准的先服务后付款例外", blockers)
        self._pay(invoice)
        dispatch.with_user(self.as_user).action_confirm()
        self.assertEqual(dispatch.state, "confirmed")

    def test_invoice_short_of_the_order_total_blocks(self):
        ticket = self._request()
        order = self._service_order(ticket)
        order.action_confirm()
        # The customer is invoiced half of the order (a down payment) and pays it.
        wizard = (
            self.env["sale.advance.payment.inv"]
            .with_context(active_model="sale.order", active_ids=order.ids)
            .create({"advance_payment_method": "percentage", "amount": 50})
        )
        wizard.create_invoices()
        down_payment = order.invoice_ids.with_env(self.env)
        self.assertEqual(down_payment.aftersales_ticket_id, ticket)
        down_payment.action_post()
        self._pay(down_payment)
        dispatch = self._dispatch(ticket)
        total = order.currency_id.format(order.amount_total)
        self.assertIn(
            f"the posted invoices of service order {order.name} cover "
            f"{order.currency_id.format(down_payment.amount_total)} of its {total}",
            self._refused(dispatch),
        )
        final = self._invoice(order)
        self._pay(final)
        dispatch.with_user(self.as_user).action_confirm()
        self.assertEqual(dispatch.state, "confirmed")

    def test_serve_first_then_one_overdue_reminder(self):
        ticket = self._request(user_id=False)
        order = self._service_order(ticket)
        order.action_confirm()
        invoice = self._invoice(order)
        dispatch = self._dispatch(ticket)
        dispatch.with_user(self.as_user).serve_first_reason = "Production line stopped"
        dispatch.with_user(self.manager).action_approve_serve_first()
        dispatch.with_user(self.as_user).action_confirm()
        dispatch.with_user(self.engineer).action_arrive()
        dispatch.with_user(self.engineer).action_return()
        # R28: paid after service, within 15 calendar days of its end (the company setting).
        end = ticket.aftersales_service_end_date
        self.assertEqual(end, dispatch.company_id._aftersales_today(dispatch.returned_at))
        self.assertEqual(invoice.invoice_date_due, end + timedelta(days=15))
        self.assertEqual(
            set(
                invoice.line_ids.filtered(lambda rec: rec.display_type == "payment_term").mapped(
                    "date_maturity"
                )
            ),
            {end + timedelta(days=15)},
        )
        Activity = self.env["mail.activity"].sudo()
        reminders = [
            ("res_model", "=", "helpdesk.ticket"),
            ("res_id", "=", ticket.id),
            (
                "activity_type_id",
                "=",
                self.env.ref("aftersales_collection.mail_activity_paid_service_overdue").id,
            ),
        ]
        cron = self.env["account.move"].sudo()
        with freeze_time(end + timedelta(days=15)):
            cron._cron_remind_overdue_paid_services()
        self.assertFalse(Activity.search(reminders), "due today is not overdue yet")
        with freeze_time(end + timedelta(days=16)):
            cron._cron_remind_overdue_paid_services()
            cron._cron_remind_overdue_paid_services()
        activity = Activity.search(reminders)
        self.assertEqual(len(activity), 1, "reminded once")
        # Nobody is assigned to the request: the company's after-sales manager collects.
        self.assertFalse(ticket.user_id)
        self.assertEqual(activity.user_id, self.manager)
        self.assertEqual(activity.user_id, self.project.company_id._aftersales_decider("manager"))
        self.assertIn(invoice.name, activity.note)
        # Done or not, the reminder is not repeated the next day.
        activity.action_done()
        with freeze_time(end + timedelta(days=17)):
            cron._cron_remind_overdue_paid_services()
        self.assertFalse(Activity.search(reminders))

    def test_overdue_reminder_goes_to_the_assignee(self):
        ticket = self._request(user_id=self.as_user.id)
        order = self._service_order(ticket)
        order.action_confirm()
        invoice = self._invoice(order)
        dispatch = self._dispatch(ticket)
        dispatch.with_user(self.as_user).serve_first_reason = "Boiler feed stopped"
        dispatch.with_user(self.manager).action_approve_serve_first()
        dispatch.with_user(self.as_user).action_confirm()
        dispatch.with_user(self.engineer).action_arrive()
        dispatch.with_user(self.engineer).action_return()
        with freeze_time(invoice.invoice_date_due + timedelta(days=1)):
            self.env["account.move"].sudo()._cron_remind_overdue_paid_services()
        reminder = ticket.activity_ids.filtered(
            lambda a: a.activity_type_id
            == self.env.ref("aftersales_collection.mail_activity_paid_service_overdue")
        )
        self.assertEqual(reminder.user_id, self.as_user)
        self.assertTrue(invoice.aftersales_overdue_reminded_on)

    def test_undecided_coverage_blocks_until_decided(self):
        # No project and no serial: nothing tells whether the warranty covers the request.
        ticket = self._request(aftersales_project_id=False)
        self.assertFalse(ticket.coverage)
        dispatch = self._dispatch(ticket)
        self.assertFalse(dispatch.payment_ok, "undecided is not free")
        self.assertIn("coverage (free or paid) is not decided yet", self._refused(dispatch))
        # A serve-first exception lets a paid request go; it does not decide the coverage.
        dispatch.with_user(self.as_user).serve_first_reason = "Urgent"
        dispatch.with_user(self.manager).action_approve_serve_first()
        self.assertIn("coverage (free or paid) is not decided yet", self._refused(dispatch))
        ticket.with_user(self.as_user).write(
            {"coverage": "free", "coverage_reason": "Goodwill: the seal failed after 13 months"}
        )
        dispatch.with_user(self.as_user).action_confirm()
        self.assertEqual(dispatch.state, "confirmed")

    def test_manual_invoice_keeps_its_link(self):
        """An invoice made by hand (no sale order) keeps the request it was linked to."""
        ticket = self._request()
        invoice = self.init_invoice("out_invoice", partner=self.customer, amounts=[500.0])
        invoice.aftersales_ticket_id = ticket
        invoice.action_post()
        self.assertEqual(invoice.aftersales_ticket_id, ticket)
        self.assertEqual(ticket.sudo().aftersales_invoice_ids, invoice)
        # Nor can it pay a request of another customer.
        other = self.init_invoice("out_invoice", partner=self.partner_b, amounts=[500.0])
        with self.assertRaisesRegex(ValidationError, "cannot pay request"):
            other.aftersales_ticket_id = ticket

    def test_contract_invoice_filed_under_its_project(self):
        """R29: the invoice of a project's contract follows the contract to the project."""
        order = self.env["sale.order"].create(
            {
                "partner_id": self.customer.id,
                "order_line": [Command.create({"product_id": self.product_a.id})],
            }
        )
        order.action_confirm()
        project = (
            self.env["aftersales.project"]
            .sudo()
            .create(
                {
                    "name": "T-PAID-CONTRACT",
                    "partner_id": self.customer.id,
                    "company_id": self.company_data["company"].id,
                    "delivery_date": self.env.company._aftersales_today(),
                    "sale_order_id": order.id,
                }
            )
        )
        invoice = order._create_invoices()
        self.assertEqual(invoice.aftersales_project_id, project)
        self.assertFalse(invoice.aftersales_ticket_id)
