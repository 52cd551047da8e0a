from dateutil.relativedelta import relativedelta

from odoo import Command
from odoo.tests import new_test_user, tagged

from odoo.addons.aftersales_service.tests.dispatch_common import DispatchCase

from .common import CollectionCase


@tagged("post_install", "-at_install")
class TestPaidService(CollectionCase):
    """R28: paid service served first is due 15 calendar days after the service ends; the
    dispatch gate reads `_aftersales_payment_ok` from the request's invoices."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.project = cls._project(name="T-PS-1", delivery_date=cls.today - relativedelta(years=3))
        cls.ticket = cls.env["helpdesk.ticket"].create(
            {
                "name": "Replace dosing pump after warranty",
                "description": "Paid repair",
                "aftersales_project_id": cls.project.id,
                "partner_id": cls.customer.id,
                "coverage": "paid",
                "aftersales_service_end_date": cls.today - relativedelta(days=2),
            }
        )
        # The engineer logs in: what a trip asks him to acknowledge, he acknowledges himself.
        engineer_user = new_test_user(
            cls.env,
            "t_paid_engineer",
            groups="base.group_user,aftersales_service.group_aftersales_engineer",
        )
        cls.paid_engineer = cls.env["hr.employee"].create(
            {"name": "Eng Paid", "user_id": engineer_user.id, "aftersales_nda_date": "2025-01-01"}
        )

    def test_due_date_and_payment_ok(self):
        self.assertFalse(self.ticket._aftersales_payment_ok(), "paid and nothing invoiced")
        self.assertEqual(
            self.ticket.aftersales_payment_due_date, self.today + relativedelta(days=13)
        )
        invoice = self._invoice(
            self.project,
            4800.0,
            aftersales_ticket_id=self.ticket.id,
            invoice_payment_term_id=self.env.ref("account.account_payment_term_30days").id,
        )
        self.assertEqual(invoice.invoice_date_due, self.today + relativedelta(days=13))
        self.assertFalse(invoice.invoice_payment_term_id)
        self.assertEqual(self.ticket.aftersales_invoice_count, 1)
        self.assertFalse(self.ticket._aftersales_payment_ok(), "invoiced but not paid")
        self._pay(invoice)
        self.assertTrue(self.ticket._aftersales_payment_ok())

    def test_free_request_is_always_ok(self):
        self.ticket.write({"coverage": "free", "coverage_reason": "Goodwill repair"})
        self.assertTrue(self.ticket._aftersales_payment_ok())

    def test_due_days_setting(self):
        self.company.aftersales_paid_service_due_days = 30
        self.ticket.invalidate_recordset(["aftersales_payment_due_date"])
        self.assertEqual(
            self.ticket.aftersales_payment_due_date, self.today + relativedelta(days=28)
        )

    def _served_first_on_site(self, ticket):
        """A trip on site that passes its checks again on return: served first (R28)."""
        dispatch = self.env["aftersales.dispatch"].create(
            {
                "ticket_id": ticket.id,
                "employee_ids": [Command.set(self.paid_engineer.ids)],
                "serve_first_reason": "Plant stopped",
                "serve_first_approved_by": self.env.uid,
            }
        )
        DispatchCase._pass_other_gates(dispatch)
        dispatch.state = "onsite"
        return dispatch

    def test_dispatch_return_ends_the_service(self):
        ticket = self.ticket.copy({"aftersales_service_end_date": False, "coverage": "paid"})
        dispatch = self._served_first_on_site(ticket)
        dispatch.action_return()
        returned_day = dispatch.company_id._aftersales_today(dispatch.returned_at)
        self.assertEqual(ticket.aftersales_service_end_date, returned_day)
        self.assertEqual(ticket.aftersales_payment_due_date, returned_day + relativedelta(days=15))
        # A second trip's return does not move the due date.
        second = self._served_first_on_site(ticket)
        ticket.aftersales_service_end_date = returned_day - relativedelta(days=1)
        second.action_return()
        self.assertEqual(ticket.aftersales_service_end_date, returned_day - relativedelta(days=1))
