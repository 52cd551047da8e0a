from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.aftersales_service.tests.dispatch_common import DispatchCase


@tagged("post_install", "-at_install")
class TestHazardBriefing(DispatchCase):
    """R41: every engineer about to serve is told the site's hazards and precautions."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Hazard = cls.env["aftersales.hazard"]
        cls.live = cls.Hazard.create(
            {
                "project_id": cls.project.id,
                "name": "Live cabinet",
                "category": "electrical",
                "probability": "3",
                "severity": "5",
                "control_measures": "Lock out, tag out",
            }
        )
        cls.old = cls.Hazard.create(
            {
                "project_id": cls.project.id,
                "name": "Old hazard",
                "control_measures": "-",
                "active": False,
            }
        )

    def _acknowledge_all(self, dispatch):
        for briefing in dispatch.briefing_ids:
            briefing.with_user(briefing.employee_id.user_id).action_acknowledge()

    def test_one_briefing_per_engineer_with_active_hazards(self):
        dispatch = self._dispatch()
        self.assertEqual(dispatch.briefing_ids.employee_id, self.emp_engineer | self.emp_two)
        for briefing in dispatch.briefing_ids:
            self.assertEqual(briefing.state, "pending")
            self.assertEqual(
                briefing.line_ids.hazard_id, self.live, "archived hazards are not listed"
            )
            self.assertEqual(briefing.line_ids.control_measures, "Lock out, tag out")
        # Adding and removing engineers while planning keeps one briefing per engineer.
        dispatch.employee_ids = [Command.unlink(self.emp_two.id)]
        self.assertEqual(dispatch.briefing_ids.employee_id, self.emp_engineer)
        dispatch.employee_ids = [Command.link(self.emp_two.id)]
        self.assertEqual(len(dispatch.briefing_ids), 2)
        self.assertEqual(self.project.briefing_count, 2)

    def test_blocker_briefing_alone_then_confirm(self):
        dispatch = self._dispatch()
        self.assertEqual(self._own_blockers(dispatch), [], "only the hazard gate is closed")
        blockers = dispatch._get_dispatch_blockers()
        self.assertEqual(
            blockers,
            [
                "Hazard briefing not acknowledged by Eng One.",
                "Hazard briefing not acknowledged by Eng Two.",
            ],
        )
        with self.assertRaisesRegex(UserError, "not acknowledged by Eng One"):
            dispatch.action_confirm()
        self._acknowledge_all(dispatch)
        self.assertEqual(dispatch._get_dispatch_blockers(), [])
        dispatch.action_confirm()
        self.assertEqual(dispatch.state, "confirmed")

    def test_pending_acknowledgements_are_the_briefings(self):
        """The dispatch's hook lists the briefings still pending; the other addons' tests clear
        them only through each engineer's own acknowledgement, never around the gate."""
        dispatch = self._dispatch()
        self.assertIn(dispatch.briefing_ids, dispatch._get_pending_acknowledgements())
        mine = dispatch.briefing_ids.filtered(lambda b: b.employee_id == self.emp_engineer)
        mine.with_user(self.engineer).action_acknowledge()
        self.assertIn(dispatch.briefing_ids - mine, dispatch._get_pending_acknowledgements())
        self.assertNotIn(mine, dispatch._get_pending_acknowledgements())
        self._pass_other_gates(dispatch)
        self.assertFalse(any(dispatch._get_pending_acknowledgements()))
        self.assertEqual(
            dispatch.briefing_ids.mapped("acknowledged_by"), self.engineer | self.engineer_two
        )
        self.assertEqual(dispatch._get_dispatch_blockers(), [])

    def test_all_blockers_in_one_error(self):
        self.ticket.write({"coverage": "paid", "coverage_reason": "Damage by the operator"})
        self.emp_engineer.aftersales_nda_date = False
        self.emp_two.aftersales_certificate_ids.unlink()
        dispatch = self._dispatch()
        dispatch.briefing_ids.filtered(lambda b: b.employee_id == self.emp_two).with_user(
            self.engineer_two
        ).action_acknowledge()
        with self.assertRaises(UserError) as caught:
            dispatch.action_confirm()
        message = str(caught.exception)
        for expected in (
            "Eng One has not signed the confidentiality agreement.",
            "Eng Two has no valid certificate for RO Units.",
            "no payment received",
            "Hazard briefing not acknowledged by Eng One.",
        ):
            self.assertIn(expected, message)
        self.assertNotIn("not acknowledged by Eng Two", message)

    def test_acknowledge_by_the_engineer_only(self):
        dispatch = self._dispatch()
        briefing = dispatch.briefing_ids.filtered(lambda b: b.employee_id == self.emp_engineer)
        for someone_else in (self.manager, self.as_user, self.env.user):
            with self.assertRaisesRegex(UserError, "Only Eng One"):
                briefing.with_user(someone_else).action_acknowledge()
        # The other engineer cannot even see it.
        with self.assertRaises(AccessError):
            briefing.with_user(self.engineer_two).action_acknowledge()
        self.assertEqual(briefing.state, "pending")
        self.assertEqual(briefing.activity_ids.user_id, self.engineer, "the engineer is asked")
        briefing.with_user(self.engineer).action_acknowledge()
        self.assertFalse(briefing.activity_ids, "the to-do is done")
        self.assertEqual(briefing.state, "acknowledged")
        self.assertEqual(briefing.acknowledged_by, self.engineer)
        self.assertTrue(briefing.acknowledged_at)

    def test_engineer_sees_own_briefings_only(self):
        dispatch = self._dispatch()
        Briefing = self.env["aftersales.hazard.briefing"]
        mine = Briefing.with_user(self.engineer).search([("dispatch_id", "=", dispatch.id)])
        self.assertEqual(mine.employee_id, self.emp_engineer)
        self.assertEqual(
            Briefing.with_user(self.as_user).search([("dispatch_id", "=", dispatch.id)]),
            dispatch.briefing_ids,
        )
        with self.assertRaises(AccessError):
            Briefing.with_user(self.engineer).create(
                {"dispatch_id": dispatch.id, "employee_id": self.emp_engineer.id}
            )

    def test_hazard_change_reopens_briefings_not_left(self):
        planned = self._dispatch()
        confirmed = self._dispatch()
        left = self._dispatch()
        for dispatch in planned | confirmed | left:
            self._acknowledge_all(dispatch)
        (confirmed | left).action_confirm()
        left.action_arrive()
        # A change of wording that matters reopens the briefings of trips not left yet.
        self.live.control_measures = "Lock out, tag out, test before touch"
        for dispatch in planned | confirmed:
            self.assertEqual(set(dispatch.briefing_ids.mapped("state")), {"pending"})
            self.assertEqual(
                dispatch.briefing_ids.line_ids.mapped("control_measures"),
                ["Lock out, tag out, test before touch"] * 2,
            )
            self.assertFalse(any(dispatch.briefing_ids.mapped("acknowledged_at")))
            self.assertEqual(len(dispatch.briefing_ids.activity_ids), 2, "asked again")
        self.assertEqual(set(left.briefing_ids.mapped("state")), {"acknowledged"})
        self.assertEqual(
            left.briefing_ids.line_ids.mapped("control_measures"),
            ["Lock out, tag out"] * 2,
            "the briefing of a trip under way keeps what was acknowledged",
        )
        # The arrival is recorded all the same (the on-site clock keeps its fact), the manager
        # is told, and the trip cannot return before the new briefing is acknowledged.
        confirmed.action_arrive()
        self.assertEqual(confirmed.state, "onsite")
        self.assertTrue(confirmed.onsite_at)
        manager = self.company._aftersales_decider("manager")
        self.assertEqual(confirmed.activity_ids.user_id, manager)
        self.assertIn("not acknowledged", str(confirmed.activity_ids.note))
        with self.assertRaisesRegex(UserError, "not acknowledged"):
            confirmed.action_return()
        self.assertEqual(confirmed.state, "onsite")
        self._acknowledge_all(confirmed)
        confirmed.action_return()
        self.assertEqual(confirmed.state, "returned")

    def test_engineer_joining_a_confirmed_trip(self):
        """The newcomer passes the confidentiality and certificate checks and is briefed."""
        dispatch = self._dispatch(employees=self.emp_engineer)
        self._acknowledge_all(dispatch)
        dispatch.action_confirm()
        self.emp_two.aftersales_nda_date = False
        with self.assertRaisesRegex(UserError, "Eng Two has not signed the confidentiality"):
            dispatch.write({"employee_ids": [Command.link(self.emp_two.id)]})
        self.assertEqual(dispatch.employee_ids, self.emp_engineer)
        self.emp_two.aftersales_nda_date = "2025-01-01"
        dispatch.write({"employee_ids": [Command.link(self.emp_two.id)]})
        newcomer = dispatch.briefing_ids.filtered(lambda b: b.employee_id == self.emp_two)
        self.assertEqual(newcomer.state, "pending")
        self.assertEqual(
            dispatch._get_dispatch_blockers(), ["Hazard briefing not acknowledged by Eng Two."]
        )

    def test_new_hazard_reopens_and_is_listed(self):
        dispatch = self._dispatch()
        self._acknowledge_all(dispatch)
        self.Hazard.create(
            {"project_id": self.project.id, "name": "Acid tank", "control_measures": "Goggles"}
        )
        self.assertEqual(set(dispatch.briefing_ids.mapped("state")), {"pending"})
        self.assertEqual(len(dispatch.briefing_ids[0].line_ids), 2)

    def test_irrelevant_change_keeps_acknowledgement(self):
        dispatch = self._dispatch()
        self._acknowledge_all(dispatch)
        self.live.sequence = 99
        self.assertEqual(set(dispatch.briefing_ids.mapped("state")), {"acknowledged"})

    def test_briefings_filed_under_their_own_category(self):
        """This addon's archive category (B5, under aftersales_service's B) files the briefings
        (R38): the base addon knows nothing of them (issue 20)."""
        category = self.env.ref("aftersales_hazard.archive_category_b5")
        self.assertEqual(category.res_model, "aftersales.hazard.briefing")
        self.assertEqual(category.parent_id, self.env.ref("aftersales_service.archive_category_b"))
        path = self.env["ir.attachment"]._aftersales_project_path("aftersales.hazard.briefing")
        self.assertEqual(path, "project_id")
