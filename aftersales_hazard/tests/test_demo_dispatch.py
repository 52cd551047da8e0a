from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestDemoDispatch(TransactionCase):
    """The demo story (issue 5): the demo trip has a hazard briefing for its engineer listing
    the site's demo hazards (R41); once Wang Wei acknowledges it, the dispatcher confirms."""

    def test_demo_dispatch_is_briefed_and_confirmable(self):
        dispatch = self.env.ref(
            "aftersales_service.dispatch_pujiang_ro_alarm", raise_if_not_found=False
        )
        if not dispatch:
            self.skipTest("installed without demo data")
        engineer = self.env.ref("aftersales_service.user_engineer")
        dispatcher = self.env.ref("aftersales_service.user_dispatcher")
        self.assertTrue(dispatcher.employee_id, "the demo dispatcher has an employee record")
        briefing = dispatch.briefing_ids
        self.assertEqual(briefing.employee_id.user_id, engineer)
        self.assertEqual(
            briefing.line_ids.hazard_id,
            self.env["aftersales.hazard"].search(
                [("project_id", "=", dispatch.project_id.id), ("active", "=", True)]
            ),
        )
        self.assertTrue(briefing.line_ids)
        self.assertEqual(
            dispatch.blocker_text,
            f"Hazard briefing not acknowledged by {engineer.employee_id.name}.",
        )
        briefing.with_user(engineer).action_acknowledge()
        dispatch.invalidate_recordset(["blocker_text"])
        self.assertFalse(dispatch.blocker_text)
        dispatch.with_user(dispatcher).action_confirm()
        self.assertEqual(dispatch.state, "confirmed")
