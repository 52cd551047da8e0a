"""A trip to a demo site: the hazard register (aftersales_hazard) gates the dispatch
(aftersales_service), on the demo data of the test database."""

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestScenarioDispatchHazard(TransactionCase):
    def test_wang_wei_goes_to_pujiang(self):
        env = self.env
        project = env.ref("aftersales_service.project_pujiang_upw")
        wang = env.ref("aftersales_service.employee_engineer_wangwei")
        self.assertGreaterEqual(len(project.hazard_ids), 2, "the demo site has its hazards (R40)")
        ticket = env["helpdesk.ticket"].create(
            {
                "name": "RO permeate conductivity high",
                "description": "<p>Conductivity 25 µS/cm</p>",
                "aftersales_project_id": project.id,
                "partner_id": project.partner_id.id,
                "coverage": "free",
            }
        )
        dispatch = env["aftersales.dispatch"].create(
            {"ticket_id": ticket.id, "employee_ids": [Command.set(wang.ids)]}
        )
        briefing = dispatch.briefing_ids
        self.assertEqual(briefing.employee_id, wang)
        self.assertEqual(briefing.line_ids.hazard_id, project.hazard_ids)
        with self.assertRaisesRegex(UserError, "not acknowledged by"):
            dispatch.action_confirm()
        briefing.with_user(wang.user_id).action_acknowledge()
        dispatch.action_confirm()
        dispatch.with_user(wang.user_id).action_arrive()
        self.assertEqual(ticket.onsite_at, dispatch.onsite_at)
