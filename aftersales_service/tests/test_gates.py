from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tests.common import JsonRpcException
from odoo.tools import mute_logger

from .gate_common import (
    ATTACHMENT,
    FAR,
    FORGED_CONTEXT,
    GATE_MESSAGE,
    NOW,
    OTHER,
    USER,
    GateCase,
    GateChecks,
    GateJsonRpcChecks,
)
from .portal_common import PNG_B64

# Every guarded (model, field) of this addon, and what a forger writes there. The models declare
# them in `_aftersales_gated_fields`; test_table_lists_every_gate keeps both in step. The other
# addons test their own gates the same way (gate_common).
GATES = [
    ("aftersales.dispatch", "state", "closed"),
    ("aftersales.dispatch", "onsite_at", NOW),
    ("aftersales.dispatch", "returned_at", NOW),
    ("aftersales.dispatch", "plan_decision", "agreed"),
    ("aftersales.dispatch", "plan_confirmed_at", NOW),
    ("aftersales.dispatch", "serve_first_approved_by", USER),
    ("aftersales.dispatch", "serve_first_approved_at", NOW),
    ("sale.order", "aftersales_approved_by_id", USER),
    ("sale.order", "aftersales_approved_at", NOW),
    ("sale.order", "aftersales_approved_amount", 60000.0),
    ("hr.expense.sheet", "aftersales_reviewed_by", USER),
    ("hr.expense.sheet", "aftersales_reviewed_at", NOW),
    ("aftersales.service.report", "state", "signed"),
    ("aftersales.service.report", "signature", PNG_B64),
    ("aftersales.service.report", "signed_by", "Nobody"),
    ("aftersales.service.report", "signed_on", NOW),
    ("aftersales.service.report", "signed_attachment_id", ATTACHMENT),
    ("aftersales.service.report", "settled_by_id", USER),
    ("aftersales.service.report", "settled_on", NOW),
    ("aftersales.service.report", "rating", "1"),
    ("aftersales.service.report", "rating_comment", "Bad"),
    ("aftersales.service.report", "rated_on", NOW),
    ("aftersales.service.report", "rating_speed", "1"),
    ("aftersales.service.report", "rating_quality", "1"),
    ("aftersales.service.report", "rating_attitude", "1"),
    ("aftersales.complaint", "state", "closed"),
    ("aftersales.complaint", "customer_confirmed_at", NOW),
    ("aftersales.complaint", "closed_by_id", USER),
    ("aftersales.complaint", "closed_at", NOW),
    ("repair.order", "under_warranty", True),
    ("helpdesk.ticket", "answered_at", NOW),
    ("helpdesk.ticket", "onsite_at", NOW),
    ("helpdesk.ticket", "quoted_at", NOW),
    ("aftersales.visit", "state", "done"),
    ("aftersales.visit", "done_at", NOW),
    ("aftersales.visit", "escalated_at", NOW),
    # Computed by the rules, stored: written by their compute alone (R7-R12 deadlines, R44
    # ratings, the customer and company the access rules follow).
    ("helpdesk.ticket", "answer_deadline", FAR),
    ("helpdesk.ticket", "onsite_deadline", FAR),
    ("helpdesk.ticket", "quote_deadline", FAR),
    ("helpdesk.ticket", "parts_deadline", FAR),
    ("helpdesk.ticket", "parts_done_at", NOW),
    ("helpdesk.ticket", "aftersales_next_deadline", FAR),
    ("helpdesk.ticket", "aftersales_next_clock", "parts"),
    ("helpdesk.ticket", "aftersales_rating", 5.0),
    ("helpdesk.ticket", "unattended", True),
    ("helpdesk.ticket", "commercial_partner_id", OTHER),
    ("aftersales.dispatch", "project_id", OTHER),
    ("sale.order", "aftersales_is_service_order", True),
    ("aftersales.service.report", "rating_value", 5),
    ("aftersales.service.report", "company_id", OTHER),
    ("aftersales.service.report", "project_id", OTHER),
    ("aftersales.service.report", "commercial_partner_id", OTHER),
    ("aftersales.complaint", "commercial_partner_id", OTHER),
    ("aftersales.visit", "company_id", OTHER),
    ("aftersales.visit", "partner_id", OTHER),
    ("aftersales.visit", "commercial_partner_id", OTHER),
    ("aftersales.visit", "site_state_id", OTHER),
    ("aftersales.project", "warranty_start", "2020-01-01"),
    ("aftersales.project", "warranty_end", "2099-01-01"),
    ("aftersales.project", "commercial_partner_id", OTHER),
    ("stock.move", "aftersales_parts_deadline", FAR),
    ("stock.move", "aftersales_part_done_at", NOW),
    ("aftersales.archive.entry", "company_id", OTHER),
    ("aftersales.archive.entry", "partner_id", OTHER),
]


class ServiceGateCase(GateCase):
    """One record of every gated model of this addon."""

    GATE_MODULE = "aftersales_service"
    GATES = GATES

    @classmethod
    def _gate_records(cls):
        cls.paid_ticket = cls.env["helpdesk.ticket"].create(
            {
                "name": "Paid repair",
                "description": "<p>Out of warranty</p>",
                "aftersales_project_id": cls.project.id,
                "partner_id": cls.customer.id,
                "coverage": "paid",
                "coverage_reason": "Warranty ended",
            }
        )
        product = cls.env["product.product"].create({"name": "Service hour", "type": "service"})
        return {
            "aftersales.dispatch": cls.dispatch,
            "sale.order": cls.env["sale.order"].create(
                {
                    "partner_id": cls.customer.id,
                    "order_line": [Command.create({"product_id": product.id, "price_unit": 100})],
                }
            ),
            "hr.expense.sheet": cls._expense_sheet(),
            "aftersales.service.report": cls.env["aftersales.service.report"].create(
                {
                    "ticket_id": cls.ticket.id,
                    "dispatch_id": cls.dispatch.id,
                    "engineer_id": cls.engineer.id,
                    "work_done": "Cleaned the membranes.",
                    "test_result": "pass",
                }
            ),
            "repair.order": cls.env["repair.order"].create(
                {"ticket_id": cls.paid_ticket.id, "partner_id": cls.customer.id}
            ),
            "helpdesk.ticket": cls.paid_ticket,
            "aftersales.complaint": cls.env["aftersales.complaint"].create(
                {"partner_id": cls.customer.id, "description": "Late again"}
            ),
            "aftersales.visit": cls.env["aftersales.visit"].create(
                {"project_id": cls.project.id, "employee_ids": [Command.set(cls.emp_engineer.ids)]}
            ),
            "aftersales.project": cls.project,
            "aftersales.archive.entry": cls.env["aftersales.archive.entry"].create(
                {
                    "project_id": cls.project.id,
                    "category_id": cls.env["aftersales.archive.category"].search([], limit=1).id,
                    "name": "Commissioning record",
                }
            ),
            "stock.move": cls.env["stock.move"].create(
                {
                    "name": "Seal kit",
                    "product_id": cls.ro_product.id,
                    "product_uom_qty": 1,
                    "location_id": cls.env.ref("stock.stock_location_stock").id,
                    "location_dest_id": cls.env.ref("stock.stock_location_customers").id,
                }
            ),
        }

    @classmethod
    def _expense_sheet(cls):
        product = cls.env["product.product"].create({"name": "Train", "can_be_expensed": True})
        expense = cls.env["hr.expense"].create(
            {
                "name": "Train to site",
                "employee_id": cls.emp_engineer.id,
                "product_id": product.id,
                "total_amount_currency": 120.0,
                "payment_mode": "own_account",
            }
        )
        return cls.env["hr.expense.sheet"].create(
            {
                "name": "Trip expenses",
                "employee_id": cls.emp_engineer.id,
                "expense_line_ids": [Command.set(expense.ids)],
                "aftersales_dispatch_id": cls.dispatch.id,
            }
        )


@tagged("post_install", "-at_install")
class TestGates(GateChecks, ServiceGateCase):
    """Gates live in the model: the guarded fields change only through the action methods, whoever
    writes (every group that may write the model, internal and portal users) and however
    (create, write, copy, context defaults). R21, R23–R24, R26, R43, R45."""

    def test_table_lists_every_gate(self):
        self._check_table_lists_every_gate()

    def test_nobody_sets_a_gated_field(self):
        self._check_nobody_sets_a_gated_field()

    # ------------------------------------------------------------------ the actions still work
    def test_dispatch_actions(self):
        self._pass_other_gates(self.dispatch)
        self.dispatch.with_user(self.as_user).action_confirm()
        self.assertEqual(self.dispatch.state, "confirmed")
        self.dispatch.with_user(self.engineer).action_arrive()
        self.assertEqual(self.dispatch.state, "onsite")
        self.assertEqual(self.dispatch.write_uid, self.engineer, "the user writes, not sudo's root")

    def test_serve_first_by_the_manager_only(self):
        self.dispatch.serve_first_reason = "Plant stopped"
        with self.assertRaises(UserError):
            self.dispatch.with_user(self.as_user).action_approve_serve_first()
        self.assertFalse(self.dispatch.serve_first_approved_by)
        self.dispatch.with_user(self.manager).action_approve_serve_first()
        self.assertEqual(self.dispatch.serve_first_approved_by, self.manager)

    def test_expense_review_by_the_manager(self):
        sheet = self.records["hr.expense.sheet"]
        sheet.with_user(self.engineer).action_submit_sheet()
        with self.assertRaises(UserError):
            sheet.with_user(self.engineer).action_aftersales_review()
        sheet.with_user(self.manager).action_aftersales_review()
        self.assertEqual(sheet.aftersales_reviewed_by, self.manager)

    def test_sign_settle_and_rate(self):
        """R23: signed through signing (signature and PDF), settled by customer service; the
        rating is the customer's, through the portal's action."""
        report = self.records["aftersales.service.report"]
        wizard = (
            self.env["aftersales.service.report.sign"]
            .with_user(self.engineer)
            .create({"report_id": report.id, "signed_by": "Contact A", "signature": PNG_B64})
        )
        wizard.action_confirm()
        self.assertEqual(report.state, "signed")
        self.assertTrue(report.signed_attachment_id)
        report.with_user(self.as_user).action_settle()
        self.assertEqual((report.state, report.settled_by_id), ("settled", self.as_user))
        report.sudo()._action_rate(5, "Quick")  # the portal's call for the customer
        self.assertEqual(report.rating, "5")
        with self.assertRaisesRegex(UserError, GATE_MESSAGE):
            report.with_user(self.manager).write({"rating": "1"})
        self.assertEqual(report.rating, "5")

    def test_sign_dialog_refuses_another_engineers_report(self):
        """The signing dialog holds the signature only as input: an engineer who is not on the
        report cannot sign it through the dialog either (R23)."""
        other = new_test_user(
            self.env,
            login="gate_other_engineer",
            groups="aftersales_service.group_aftersales_engineer",
        )
        self.env["hr.employee"].create({"name": "Eng Other", "user_id": other.id})
        report = self.records["aftersales.service.report"]
        with self.assertRaises(AccessError):
            wizard = (
                self.env["aftersales.service.report.sign"]
                .with_user(other)
                .create({"report_id": report.id, "signed_by": "Contact A", "signature": PNG_B64})
            )
            wizard.action_confirm()
        report.invalidate_recordset()
        self.assertEqual(report.state, "draft")
        self.assertFalse(report.signature)

    def test_repair_warranty_follows_the_request(self):
        """The warranty of a request's repair changes through the request's reasoned override."""
        repair = self.records["repair.order"]
        self.assertFalse(repair.under_warranty)
        repair.with_user(self.as_user).write({"under_warranty": False})  # the same: allowed
        self.paid_ticket.with_user(self.manager).write(
            {"coverage": "free", "coverage_reason": "Goodwill: key customer"}
        )
        self.assertTrue(repair.under_warranty)
        # A repair without a request is Odoo's own: not guarded.
        own = (
            self.env["repair.order"]
            .with_user(self.as_user)
            .create({"partner_id": self.customer.id})
        )
        own.write({"under_warranty": True})
        self.assertTrue(own.under_warranty)

    def test_repair_for_a_request_takes_its_project_and_serial(self):
        """Whether made by the button, by RPC or by an import, a request's repair is on the
        request's project and serial unless they are given."""
        Repair = self.env["repair.order"].with_user(self.as_user)
        by_rpc = Repair.create({"ticket_id": self.ticket.id, "partner_id": self.customer.id})
        result = Repair.load(
            ["ticket_id/.id", "partner_id/.id"], [[str(self.ticket.id), str(self.customer.id)]]
        )
        by_import = Repair.browse(result["ids"])
        by_button = Repair.browse(
            self.ticket.with_user(self.as_user).action_create_repair()["res_id"]
        )
        for repair in by_rpc | by_import | by_button:
            self.assertEqual(
                (repair.aftersales_project_id, repair.lot_id, repair.product_id),
                (self.project, self.lot, self.ro_product),
            )
        other_project = self._project("T-DSP-OTHER")
        given = Repair.create(
            {
                "ticket_id": self.ticket.id,
                "partner_id": self.customer.id,
                "aftersales_project_id": other_project.id,
            }
        )
        self.assertEqual(given.aftersales_project_id, other_project)


@tagged("post_install", "-at_install")
class TestGatesJsonRpc(HttpCase):
    """The gate holds over JSON-RPC, whatever context the caller forges."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.engineer = new_test_user(
            cls.env,
            "t_rpc_engineer",
            groups="base.group_user,aftersales_service.group_aftersales_engineer",
        )
        cls.as_user = new_test_user(
            cls.env, "t_rpc_user", groups="base.group_user,aftersales_service.group_aftersales_user"
        )
        customer = cls.env["res.partner"].create({"name": "RPC Customer", "is_company": True})
        project = cls.env["aftersales.project"].create(
            {"name": "T-RPC-001", "partner_id": customer.id, "delivery_date": "2026-01-15"}
        )
        ticket = cls.env["helpdesk.ticket"].create(
            {
                "name": "Alarm",
                "description": "<p>Alarm</p>",
                "aftersales_project_id": project.id,
                "partner_id": customer.id,
                "coverage": "free",
            }
        )
        employee = cls.env["hr.employee"].create(
            {
                "name": "RPC Engineer",
                "user_id": cls.engineer.id,
                "aftersales_nda_date": "2025-01-01",
            }
        )
        cls.dispatch = cls.env["aftersales.dispatch"].create(
            {"ticket_id": ticket.id, "employee_ids": [Command.set(employee.ids)]}
        )

    def _call(self, method, args, context=None):
        return self.make_jsonrpc_request(
            f"/web/dataset/call_kw/aftersales.dispatch/{method}",
            {
                "model": "aftersales.dispatch",
                "method": method,
                "args": args,
                "kwargs": {"context": context or {}},
            },
        )

    @mute_logger("odoo.http")
    def test_forged_rpc_write_refused(self):
        self.authenticate("t_rpc_engineer", "t_rpc_engineer")
        forged = {**FORGED_CONTEXT, "default_state": "closed"}
        for vals in ({"state": "closed"}, {"serve_first_approved_by": self.engineer.id}):
            with self.assertRaises(JsonRpcException) as caught:
                self._call("write", [self.dispatch.ids, vals], forged)
            self.assertEqual(caught.exception.args[0], "odoo.exceptions.UserError")
        self.dispatch.invalidate_recordset()
        self.assertEqual(self.dispatch.state, "draft")
        self.assertFalse(self.dispatch.serve_first_approved_by)
        # The action is the way, for who may take it.
        self.authenticate("t_rpc_user", "t_rpc_user")
        self._call("action_cancel", [self.dispatch.ids])
        self.dispatch.invalidate_recordset()
        self.assertEqual(self.dispatch.state, "cancel")


@tagged("post_install", "-at_install")
class TestGatesTableOverJsonRpc(GateJsonRpcChecks, ServiceGateCase, HttpCase):
    """Every guarded field of this addon's table, forged over real JSON-RPC (GateJsonRpcChecks)."""

    def test_every_gate_refused_over_json_rpc(self):
        self._check_every_gate_refused_over_json_rpc()
