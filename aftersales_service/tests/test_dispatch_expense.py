from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .dispatch_common import DispatchCase


@tagged("post_install", "-at_install")
class TestDispatchExpense(DispatchCase):
    """R20–R21: the cash advance and the expense claims of a trip; after-sales reviews the
    claims before the expense approver and accounting."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.expense_approver = new_test_user(
            cls.env,
            "t_expense_approver",
            groups="base.group_user,hr_expense.group_hr_expense_manager,account.group_account_invoice",
        )
        cls.travel_product = cls.env["product.product"].create(
            {"name": "Train ticket", "can_be_expensed": True, "standard_price": 0.0}
        )
        cls.dispatch = cls._dispatch(advance_amount=3000.0)

    def _claim(self, amount, employee=None):
        employee = employee or self.emp_engineer
        expense = self.env["hr.expense"].create(
            {
                "name": "Train Shanghai-Jinshan",
                "employee_id": employee.id,
                "product_id": self.travel_product.id,
                "total_amount_currency": amount,
                "payment_mode": "own_account",
            }
        )
        return self.env["hr.expense.sheet"].create(
            {
                "name": f"Trip {self.dispatch.name}",
                "employee_id": employee.id,
                "expense_line_ids": [Command.set(expense.ids)],
                "aftersales_dispatch_id": self.dispatch.id,
            }
        )

    def test_review_before_approval(self):
        sheet = self._claim(420.0)
        self.assertEqual(self.dispatch.expense_sheet_count, 1)
        self.assertEqual(self.dispatch.expense_cost, 420.0)
        sheet.action_submit_sheet()
        self.assertTrue(sheet.aftersales_review_needed)
        with self.assertRaisesRegex(UserError, "must review"):
            sheet.with_user(self.expense_approver).action_approve_expense_sheets()
        with self.assertRaises(AccessError):
            sheet.with_user(self.as_user).action_aftersales_review()
        # The back office sees the trip's claims; an engineer sees only their own.
        self.assertIn(sheet, self.dispatch.with_user(self.as_user).expense_sheet_ids)
        sheet.with_user(self.manager).action_aftersales_review()
        self.assertEqual(sheet.aftersales_reviewed_by, self.manager)
        self.assertFalse(sheet.aftersales_review_needed)
        sheet.with_user(self.expense_approver).action_approve_expense_sheets()
        self.assertEqual(sheet.state, "approve")

    def test_only_submitted_trip_claims_are_reviewed(self):
        sheet = self._claim(100.0)
        with self.assertRaisesRegex(UserError, "submitted"):
            sheet.with_user(self.manager).action_aftersales_review()

    def test_reset_asks_for_a_new_review(self):
        sheet = self._claim(100.0)
        sheet.action_submit_sheet()
        sheet.with_user(self.manager).action_aftersales_review()
        sheet.action_reset_expense_sheets()
        self.assertFalse(sheet.aftersales_reviewed_by)

    def test_close_waits_for_the_review(self):
        self._pass_other_gates(self.dispatch)
        self.dispatch.action_confirm()
        self.dispatch.action_arrive()
        self.dispatch.action_return()
        sheet = self._claim(250.0)
        sheet.action_submit_sheet()
        with self.assertRaisesRegex(UserError, "not reviewed"):
            self.dispatch.action_close()
        sheet.with_user(self.manager).action_aftersales_review()
        self.dispatch.action_close()
        self.assertEqual(self.dispatch.state, "closed")

    def test_refused_claims_and_advance_are_not_costs(self):
        sheet = self._claim(80.0)
        self._claim(20.0)
        sheet.action_submit_sheet()
        sheet._do_refuse("duplicate")
        self.dispatch.invalidate_recordset(["expense_cost"])
        self.assertEqual(self.dispatch.expense_cost, 20.0)

    def test_cash_advance(self):
        """R20: after-sales issues the cash advance (借款单) to the lead engineer."""
        product = self.env["hr.expense"]._get_product_advance()
        if not product.property_account_expense_id:
            account = self.env["account.account"].search(
                [("account_type", "=", "asset_current"), ("company_ids", "in", self.company.ids)],
                limit=1,
            ) or self.env["account.account"].create(
                {"name": "Employee advances", "code": "1221TST", "account_type": "asset_current"}
            )
            product.property_account_expense_id = account
        action = self.dispatch.action_create_advance()
        advance = self.env["hr.expense.sheet"].browse(action["res_id"])
        self.assertTrue(advance.advance)
        self.assertEqual(advance.aftersales_dispatch_id, self.dispatch)
        self.assertEqual(advance.employee_id, self.emp_engineer)
        self.assertEqual(advance.total_amount, 3000.0)
        self.assertEqual(self.dispatch.expense_cost, 0.0, "an advance is cash, not a cost")
        with self.assertRaisesRegex(UserError, "already has a cash advance"):
            self.dispatch.action_create_advance()

    def test_advance_needs_an_amount(self):
        with self.assertRaisesRegex(UserError, "amount"):
            self._dispatch().action_create_advance()
