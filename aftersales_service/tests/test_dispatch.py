from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .dispatch_common import DispatchCase


@tagged("post_install", "-at_install")
class TestDispatch(DispatchCase):
    def test_sequences_destination_and_lead(self):
        dispatch = self._dispatch()
        self.assertTrue(dispatch.name.startswith("CC"), dispatch.name)
        self.assertTrue(dispatch.work_order_no.startswith("SG"), dispatch.work_order_no)
        other = self._dispatch()
        self.assertNotEqual(dispatch.name, other.name)
        self.assertIn("Jinshan", dispatch.destination)
        self.assertEqual(dispatch.lead_employee_id, self.emp_engineer)
        self.assertEqual(dispatch.project_id, self.project)
        self.assertEqual(self.project.dispatch_count, 2)
        self.assertEqual(self.ticket.dispatch_count, 2)

    def test_smart_buttons(self):
        dispatch = self._dispatch()
        action = self.project.action_view_dispatches()
        self.assertEqual(action["res_id"], dispatch.id)
        action = self.ticket.action_view_dispatches()
        self.assertEqual(self.Dispatch.search(action["domain"]), dispatch)
        action = dispatch.action_view_expense_sheets()
        self.assertEqual(action["context"]["default_aftersales_dispatch_id"], dispatch.id)
        self.assertEqual(action["context"]["default_employee_id"], self.emp_engineer.id)

    def test_form_proposes_destination_from_site(self):
        with Form(self.Dispatch) as form:
            form.ticket_id = self.ticket
            form.employee_ids.add(self.emp_two)
            self.assertIn("Chemical Park 88", form.destination)
        self.assertEqual(form.record.lead_employee_id, self.emp_two)

    def test_dates_and_lead_constraints(self):
        with self.assertRaises(ValidationError):
            self._dispatch(planned_return="2026-03-01 00:00:00")
        with self.assertRaises(ValidationError):
            self._dispatch(employees=self.emp_two, lead_employee_id=self.emp_engineer.id)

    def test_no_blocker_confirms(self):
        dispatch = self._dispatch()
        self.assertEqual(self._own_blockers(dispatch), [])
        self._pass_other_gates(dispatch)
        dispatch.action_confirm()
        self.assertEqual(dispatch.state, "confirmed")

    def test_blocker_confidentiality_agreement_alone(self):
        """R43: an engineer without a signed confidentiality agreement may not travel."""
        self.emp_two.aftersales_nda_date = False
        dispatch = self._dispatch()
        self.assertEqual(
            self._own_blockers(dispatch),
            ["Eng Two has not signed the confidentiality agreement."],
        )
        self._pass_other_gates(dispatch)
        with self.assertRaisesRegex(UserError, "Eng Two has not signed"):
            dispatch.action_confirm()
        self.assertEqual(dispatch.state, "draft")

    def test_blocker_certificate_missing_or_expired_alone(self):
        """R45: the engineer needs a valid certificate for the equipment's category."""
        certificate = self.emp_two.aftersales_certificate_ids
        certificate.expiry_date = "2026-03-03"  # expires during the trip
        dispatch = self._dispatch()
        self.assertEqual(
            self._own_blockers(dispatch), ["Eng Two has no valid certificate for RO Units."]
        )
        certificate.unlink()
        self.assertEqual(
            self._own_blockers(dispatch), ["Eng Two has no valid certificate for RO Units."]
        )
        # A certificate for a parent category covers the sub-categories.
        self.env["aftersales.employee.certificate"].create(
            {
                "name": "All equipment",
                "employee_id": self.emp_two.id,
                "categ_id": self.env.ref("product.product_category_all").id,
            }
        )
        self.equipment_categ.parent_id = self.env.ref("product.product_category_all")
        self.assertEqual(self._own_blockers(dispatch), [])

    def test_certificate_not_required_for_other_category(self):
        self.equipment_categ.aftersales_certificate_required = False
        self.emp_two.aftersales_certificate_ids.unlink()
        self.assertEqual(self._own_blockers(self._dispatch()), [])

    def test_blocker_payment_alone_and_serve_first(self):
        """R28: a paid request is served after payment or on an approved serve-first exception."""
        self.ticket.write({"coverage": "paid", "coverage_reason": "Damage by the operator"})
        dispatch = self._dispatch()
        blockers = self._own_blockers(dispatch)
        self.assertEqual(len(blockers), 1)
        self.assertIn("no payment received", blockers[0])
        self.assertFalse(dispatch.payment_ok)
        with self.assertRaises(AccessError):
            dispatch.with_user(self.as_user).action_approve_serve_first()
        with self.assertRaisesRegex(UserError, "served before payment"):
            dispatch.with_user(self.manager).action_approve_serve_first()
        dispatch.serve_first_reason = "Production line stopped"
        dispatch.with_user(self.manager).action_approve_serve_first()
        self.assertEqual(dispatch.serve_first_approved_by, self.manager)
        self.assertTrue(dispatch.payment_ok)
        self.assertEqual(self._own_blockers(dispatch), [])

    def test_all_blockers_in_one_error(self):
        self.ticket.write({"coverage": "paid", "coverage_reason": "Damage by the operator"})
        self.emp_engineer.aftersales_nda_date = False
        self.emp_two.aftersales_certificate_ids.unlink()
        dispatch = self._dispatch()
        self.assertEqual(len(self._own_blockers(dispatch)), 3)
        with self.assertRaises(UserError) as caught:
            dispatch.action_confirm()
        message = str(caught.exception)
        self.assertIn("cannot be confirmed", message)
        self.assertIn("Eng One has not signed the confidentiality agreement.", message)
        self.assertIn("Eng Two has no valid certificate for RO Units.", message)
        self.assertIn("no payment received", message)
        self.assertEqual(dispatch.state, "draft")

    def test_no_engineer_blocks(self):
        dispatch = self._dispatch(employees=self.env["hr.employee"])
        self.assertEqual(self._own_blockers(dispatch), ["No engineer is assigned."])

    def test_confirm_several_lists_each_dispatch(self):
        self.emp_two.aftersales_nda_date = False
        first, second = self._dispatch(), self._dispatch()
        with self.assertRaises(UserError) as caught:
            (first | second).action_confirm()
        self.assertIn(first.name, str(caught.exception))
        self.assertIn(second.name, str(caught.exception))

    def _confirmed(self, **vals):
        dispatch = self._dispatch(**vals)
        self._pass_other_gates(dispatch)
        dispatch.action_confirm()
        return dispatch

    def test_arrival_sets_onsite_at_once(self):
        dispatch = self._confirmed()
        self.assertFalse(self.ticket.onsite_at)
        before = fields.Datetime.now()
        dispatch.with_user(self.engineer).action_arrive()
        self.assertEqual(dispatch.state, "onsite")
        self.assertTrue(self.ticket.onsite_at >= before.replace(microsecond=0))
        self.assertEqual(self.ticket.onsite_at, dispatch.onsite_at)
        first_arrival = self.ticket.onsite_at
        # A second trip does not move the request's first on-site time.
        second = self._confirmed()
        self.env.cr.execute(
            "UPDATE helpdesk_ticket SET onsite_at = onsite_at - interval '1 day' WHERE id = %s",
            [self.ticket.id],
        )
        self.ticket.invalidate_recordset(["onsite_at"])
        first_arrival = self.ticket.onsite_at
        second.action_arrive()
        self.assertEqual(self.ticket.onsite_at, first_arrival)

    def test_state_flow(self):
        dispatch = self._confirmed()
        with self.assertRaises(UserError):
            dispatch.action_return()
        dispatch.action_arrive()
        dispatch.action_return()
        self.assertTrue(dispatch.returned_at)
        dispatch.action_close()
        self.assertEqual(dispatch.state, "closed")
        with self.assertRaises(UserError):
            dispatch.action_cancel()
        with self.assertRaises(UserError):
            dispatch.unlink()

    def test_cancel_and_delete_draft(self):
        dispatch = self._confirmed()
        dispatch.action_cancel()
        self.assertEqual(dispatch.state, "cancel")
        dispatch.action_draft()
        self.assertEqual(dispatch.state, "draft")
        dispatch.unlink()
        self.assertFalse(dispatch.exists())

    def test_repair_plan_agreed(self):
        """R22: the customer's technicians confirm the repair plan on site."""
        dispatch = self._confirmed()
        with self.assertRaises(UserError):
            dispatch.action_plan_agreed()  # not on site yet
        dispatch.action_arrive()
        with self.assertRaisesRegex(UserError, "technicians"):
            dispatch.with_user(self.engineer).action_plan_agreed()
        dispatch.with_user(self.engineer).plan_confirmed_by = "Zhang Qiang"
        dispatch.with_user(self.engineer).action_plan_agreed()
        self.assertEqual(dispatch.plan_decision, "agreed")
        self.assertTrue(dispatch.plan_confirmed_at)
        self.assertFalse(dispatch.activity_ids)

    def test_repair_plan_disagreement_goes_to_engineering_manager(self):
        """R22: a disagreement goes to engineering for a decision."""
        engineering = self.manager
        self.company.aftersales_engineering_manager_id = engineering
        dispatch = self._confirmed()
        dispatch.action_arrive()
        dispatch.plan_confirmed_by = "Zhang Qiang"
        with self.assertRaisesRegex(UserError, "disagreement"):
            dispatch.action_plan_disagreed()
        dispatch.plan_disagreement = "Wants the membranes replaced, not cleaned"
        dispatch.with_user(self.engineer).action_plan_disagreed()
        self.assertEqual(dispatch.plan_decision, "disagreed")
        activity = dispatch.activity_ids
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, engineering)
        self.assertIn("membranes replaced", activity.note)

    def test_engineering_manager_falls_back_to_aftersales_managers(self):
        self.company.aftersales_engineering_manager_id = False
        manager = self.company._aftersales_engineering_manager()
        self.assertTrue(manager)
        self.assertEqual(manager, self.company._aftersales_decider("manager"))
        self.company.aftersales_manager_user_ids = self.as_user
        self.assertEqual(self.company._aftersales_engineering_manager(), self.as_user)
        self.assertEqual(self.company._aftersales_escalation_user(), self.as_user)

    def test_checks_run_again_as_the_trip_moves_on(self):
        """R43, R45: a trip that fails its checks after confirmation still records its arrival
        (the on-site clock keeps the fact); the manager is told and it cannot return."""
        dispatch = self._confirmed()
        self.emp_two.aftersales_nda_date = False
        dispatch.with_user(self.engineer).action_arrive()
        self.assertEqual(dispatch.state, "onsite")
        self.assertEqual(self.ticket.onsite_at, dispatch.onsite_at)
        activity = dispatch.activity_ids
        self.assertEqual(activity.user_id, self.company._aftersales_decider("manager"))
        self.assertIn("Eng Two has not signed the confidentiality agreement.", activity.note)
        with self.assertRaisesRegex(UserError, "Eng Two has not signed"):
            dispatch.with_user(self.engineer).action_return()
        self.assertEqual(dispatch.state, "onsite")
        self.emp_two.aftersales_nda_date = "2025-01-01"
        dispatch.with_user(self.engineer).action_return()
        self.assertEqual(dispatch.state, "returned")

    def test_newcomer_to_a_confirmed_trip_is_checked(self):
        dispatch = self._confirmed(employees=self.emp_engineer)
        uncertified = self.env["hr.employee"].create(
            {"name": "Eng Three", "aftersales_nda_date": "2025-01-01"}
        )
        with self.assertRaisesRegex(UserError, "Eng Three has no valid certificate"):
            dispatch.write({"employee_ids": [Command.link(uncertified.id)]})
        self.assertEqual(dispatch.employee_ids, self.emp_engineer)
        dispatch.write({"employee_ids": [Command.link(self.emp_two.id)]})
        self.assertEqual(dispatch.employee_ids, self.emp_engineer | self.emp_two)

    def test_cost_of_service(self):
        self.company.aftersales_hour_cost = 100.0
        dispatch = self._dispatch(work_hours=6.0)
        part = self.env["product.product"].create(
            {"name": "Seal", "is_storable": True, "standard_price": 250.0}
        )
        self.env["repair.order"].create(
            {
                "product_id": self.ro_product.id,
                "lot_id": self.lot.id,
                "ticket_id": self.ticket.id,
                "partner_id": self.customer.id,
                "move_ids": [
                    Command.create(
                        {"product_id": part.id, "product_uom_qty": 2, "repair_line_type": "add"}
                    )
                ],
            }
        )
        self.assertEqual(dispatch.labour_cost, 600.0)
        self.assertEqual(dispatch.parts_cost, 500.0)
        self.assertEqual(dispatch.expense_cost, 0.0)
        self.assertEqual(dispatch.service_cost, 1100.0)
        self.ticket.invalidate_recordset(["aftersales_service_cost"])
        self.assertEqual(self.ticket.aftersales_service_cost, 1100.0)
