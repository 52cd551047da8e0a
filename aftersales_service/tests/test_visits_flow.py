from datetime import timedelta

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, tagged

from .dispatch_common import DispatchCase
from .pdf_text import report_text

PLAN = "aftersales_service.action_report_aftersales_visit_plan"


@tagged("post_install", "-at_install")
class TestVisitFlow(DispatchCase):
    """A visit's life (R42, R47): findings raise requests, travel goes through the dispatch,
    done visits are filed, overdue ones escalate once, engineers see their own."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Visit = cls.env["aftersales.visit"]
        cls.visit = cls.Visit.create(
            {
                "project_id": cls.project.id,
                "visit_type": "group",
                "planned_date": cls.env.company._aftersales_today() + timedelta(days=10),
                "employee_ids": [Command.set(cls.emp_two.ids)],
            }
        )
        cls.other_visit = cls.Visit.create(
            {
                "project_id": cls.project.id,
                "visit_type": "milestone",
                "visit_mode": "writing",
                "planned_date": cls.env.company._aftersales_today() + timedelta(days=20),
            }
        )

    def test_finding_raises_a_request_linked_both_ways(self):
        self.visit.write({"findings": "Dosing pump leaks", "needs_near": "A spare seal"})
        action = self.visit.with_user(self.as_user).action_raise_request()
        ticket = self.env["helpdesk.ticket"].browse(action["res_id"])
        self.assertEqual(ticket.aftersales_visit_id, self.visit)
        self.assertEqual(self.visit.ticket_ids, ticket)
        self.assertEqual(self.visit.ticket_count, 1)
        self.assertEqual(ticket.aftersales_project_id, self.project)
        self.assertEqual(
            ticket.channel_id, self.env.ref("aftersales_service.helpdesk_ticket_channel_visit")
        )
        self.assertIn("Dosing pump leaks", ticket.description)

    def test_travel_opens_a_visit_request_and_a_dispatch(self):
        action = self.visit.with_user(self.as_user).action_plan_travel()
        dispatch = self.env["aftersales.dispatch"].browse(action["res_id"])
        ticket = self.visit.travel_ticket_id
        self.assertEqual(dispatch.ticket_id, ticket)
        self.assertEqual(self.visit.dispatch_ids, dispatch)
        self.assertEqual(dispatch.employee_ids, self.emp_two)
        # It leaves on the visit day at 09:00 in the company's zone (TRAVEL_DEPARTURE_HOUR).
        departure = self.visit.company_id._aftersales_work_calendar().to_local(
            dispatch.planned_departure
        )
        self.assertEqual((departure.date(), departure.hour), (self.visit.planned_date, 9))
        self.assertEqual(
            ticket.category_id, self.env.ref("aftersales_service.helpdesk_category_visit")
        )
        self.assertEqual(
            ticket.channel_id, self.env.ref("aftersales_service.helpdesk_ticket_channel_visit")
        )
        self.assertEqual(ticket.coverage, "free")
        # Proactive: no answer or quotation clock runs.
        self.assertTrue(ticket.answered_at)
        self.assertFalse(ticket.answer_late)
        self.assertFalse(ticket.quote_deadline)
        self.assertNotIn(ticket.aftersales_next_clock, ("answer", "quote"))
        # A second trip hangs on the same request.
        second = self.visit.with_user(self.as_user).action_plan_travel()
        self.assertEqual(self.visit.travel_ticket_id, ticket)
        self.assertEqual(len(self.visit.dispatch_ids), 2)
        self.assertNotEqual(second["res_id"], dispatch.id)

    def test_engineer_sees_the_visits_of_his_own_trips(self):
        Visit = self.Visit.with_user(self.engineer)
        Check = self.env["aftersales.visit.check"].with_user(self.engineer)
        line = self.env["aftersales.visit.check"].create(
            {"visit_id": self.visit.id, "lot_id": self.lot.id, "name": "Membrane pressure"}
        )
        self.assertFalse(Visit.search([("project_id", "=", self.project.id)]))
        self.assertFalse(Check.search([("visit_id", "=", self.visit.id)]), "nor its checklist")
        with self.assertRaises(AccessError):
            self.visit.with_user(self.engineer).read(["findings"])
        self.visit.with_user(self.as_user).action_plan_travel()
        self.visit.dispatch_ids.employee_ids = self.emp_engineer | self.emp_two
        self.assertEqual(Visit.search([("project_id", "=", self.project.id)]), self.visit)
        self.assertEqual(Check.search([("visit_id", "=", self.visit.id)]), line)
        line.with_user(self.engineer).result = "ok"  # he fills it in on site
        self.visit.with_user(self.engineer).write({"equipment_usage": "Two shifts"})
        self.visit.with_user(self.engineer).action_done()
        self.assertEqual(self.visit.state, "done")
        with self.assertRaises(AccessError):
            self.visit.with_user(self.engineer).action_cancel()

    def test_written_visit_letter(self):
        self.other_visit.with_user(self.as_user).action_send_letter()
        self.assertEqual(self.other_visit.state, "done")
        letter = self.env["mail.message"].search(
            [
                ("model", "=", "aftersales.visit"),
                ("res_id", "=", self.other_visit.id),
                ("message_type", "=", "comment"),
            ]
        )
        self.assertEqual(len(letter), 1)
        self.assertIn(self.project.name, letter.subject or letter.record_name)
        self.assertTrue(letter.attachment_ids, "the letter is attached")
        with self.assertRaises(UserError):
            self.visit.with_user(self.as_user).action_send_letter()

    def test_overdue_escalates_once(self):
        late = self.Visit.create(
            {
                "project_id": self.project.id,
                "planned_date": self.env.company._aftersales_today() - timedelta(days=3),
            }
        )
        self.assertIn(late, self.Visit.search([("overdue", "=", True)]))
        self.assertNotIn(self.visit, self.Visit.search([("overdue", "=", True)]))
        Escalation = self.env["aftersales.deadline.warning"]
        Escalation._cron_escalate()
        Escalation._cron_escalate()
        self.assertTrue(late.escalated_at)
        self.assertEqual(len(late.activity_ids), 1)
        self.assertEqual(late.activity_ids.summary, "Visit overdue")

    def test_half_year_plan_pdf(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(["aftersales_service"], ["zh_CN"])
        visits = self.Visit.create(
            [
                {"project_id": self.project.id, "planned_date": "2027-06-01"},
                {"project_id": self._project("T-VIS-PLAN2").id, "planned_date": "2027-06-02"},
            ]
        )
        self.project.site_state_id = self.env.ref("base.state_cn_JS")
        text = report_text(self, PLAN, visits, lang="zh_CN")
        self.assertIn("2027年上半年用户回访计划", text)
        self.assertIn("集体回访", text)
        self.assertIn("省份", text)
        self.assertEqual(text.count("省份"), 2, "one block per province")
        second = self.Visit.create({"project_id": self.project.id, "planned_date": "2027-12-01"})
        self.assertIn("2027年下半年用户回访计划", report_text(self, PLAN, second, lang="zh_CN"))


@tagged("post_install", "-at_install")
class TestVisitArchive(DispatchCase, HttpCase):
    """A done visit's record is filed under the archive's visits sub-item (R38, R47). An
    HttpCase: wkhtmltopdf's requests for the report assets are served on the test cursor."""

    def test_inspection_checklist_and_archive(self):
        inspection = self.env["aftersales.visit"].create(
            {
                "project_id": self.project.id,
                "visit_type": "inspection",
                "planned_date": self.env.company._aftersales_today(),
                "equipment_usage": "Summer load",
                "check_ids": [Command.create({"lot_id": self.lot.id, "name": "Membrane pressure"})],
            }
        )
        with self.assertRaisesRegex(UserError, "checklist"):
            inspection.with_user(self.as_user).action_done()
        self.assertEqual(inspection.state, "planned")
        inspection.check_ids.result = "ok"
        inspection.with_user(self.as_user).with_context(force_report_rendering=True).action_done()
        entry = self.env["aftersales.archive.entry"].search(
            [("res_model", "=", "aftersales.visit"), ("res_id", "=", inspection.id)]
        )
        self.assertEqual(len(entry), 1)
        self.assertEqual(entry.category_id, self.env.ref("aftersales_service.archive_category_b8"))
        self.assertEqual(entry.project_id, self.project)
