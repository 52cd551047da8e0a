from dateutil.relativedelta import relativedelta

from odoo import Command
from odoo.tests import new_test_user

from odoo.addons.aftersales_service.tests.common import AftersalesCase


class CollectionCase(AftersalesCase):
    """Projects with a warranty, retention money, an accountant, invoices.

    Today is frozen (Odoo's `freeze_time` class attribute: freezegun for the class, its data
    included) on a month end, noon in Shanghai, so that dates near month ends cannot break or
    hide anything; tests give their expected dates as written dates, not recomputed."""

    freeze_time = "2026-03-31 04:00:00"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.today = cls.env.company._aftersales_today()
        cls.company.write(
            {
                "aftersales_retention_reminder_months": 1,
                "aftersales_escalation_days": 30,
                "aftersales_paid_service_due_days": 15,
                "aftersales_ageing_limit_months": 6,
                "email": "aftersales@example.com",
            }
        )
        cls.customer.email = "finance@customer-a.example.com"
        cls.accountant = new_test_user(
            cls.env, "t_accountant", groups="base.group_user,account.group_account_invoice"
        )
        cls.Retention = cls.env["aftersales.retention"]

    @classmethod
    def _project_ending(cls, end, name, **vals):
        """A project whose 12-month warranty ends on `end`."""
        return cls._project(
            name=name,
            delivery_date=end - relativedelta(months=12),
            acceptance_date=end - relativedelta(months=12),
            **vals,
        )

    @classmethod
    def _retention(cls, project, amount=None, **vals):
        if amount is not None:
            vals["amount"] = amount
        return cls.Retention.create({"project_id": project.id, **vals})

    @classmethod
    def _invoice(cls, project, amount, invoice_date=None, post=True, **vals):
        move = cls.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": project.partner_id.id,
                "aftersales_project_id": project.id,
                "invoice_date": invoice_date or cls.today,
                "invoice_line_ids": [
                    Command.create(
                        {
                            "name": "Contract payment",
                            "quantity": 1,
                            "price_unit": amount,
                            "tax_ids": [Command.clear()],
                        }
                    )
                ],
                **vals,
            }
        )
        if post:
            move.action_post()
        return move

    @classmethod
    def _pay(cls, move, amount=None):
        wizard = (
            cls.env["account.payment.register"]
            .with_context(active_model="account.move", active_ids=move.ids)
            .create({"amount": amount or move.amount_residual})
        )
        return wizard._create_payments()
