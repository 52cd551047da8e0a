from datetime import timedelta

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.aftersales_service.tests.dispatch_common import DispatchCase


@tagged("post_install", "-at_install")
class TestVisitTravelBriefings(DispatchCase):
    """A visit that needs travel goes through the existing dispatch, hazard briefings
    included (R41, R42): no second trip model, no way around the gate."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["aftersales.hazard"].create(
            {
                "project_id": cls.project.id,
                "name": "Chlorine store",
                "category": "chemical",
                "probability": "2",
                "severity": "4",
                "control_measures": "Gas mask; never alone",
            }
        )
        cls.visit = cls.env["aftersales.visit"].create(
            {
                "project_id": cls.project.id,
                "visit_type": "inspection",
                "planned_date": cls.env.company._aftersales_today() + timedelta(days=5),
                "employee_ids": [Command.set(cls.emp_engineer.ids)],
            }
        )

    def test_visit_trip_waits_for_the_briefing(self):
        action = self.visit.with_user(self.as_user).action_plan_travel()
        dispatch = self.env["aftersales.dispatch"].browse(action["res_id"])
        self.assertEqual(dispatch.ticket_id, self.visit.travel_ticket_id)
        self.assertEqual(dispatch.briefing_ids.employee_id, self.emp_engineer)
        self.assertEqual(dispatch.briefing_ids.state, "pending")
        with self.assertRaisesRegex(UserError, "Hazard briefing not acknowledged"):
            dispatch.with_user(self.as_user).action_confirm()
        dispatch.briefing_ids.with_user(self.engineer).action_acknowledge()
        dispatch.with_user(self.as_user).action_confirm()
        self.assertEqual(dispatch.state, "confirmed")
        # The engineer on the trip sees the visit and fills it in.
        self.assertEqual(
            self.env["aftersales.visit"].with_user(self.engineer).search([]), self.visit
        )
