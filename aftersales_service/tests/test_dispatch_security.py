from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import Form, new_test_user, tagged

from .dispatch_common import DispatchCase


@tagged("post_install", "-at_install")
class TestDispatchSecurity(DispatchCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_engineer = new_test_user(
            cls.env,
            "t_engineer_2",
            groups="base.group_user,aftersales_service.group_aftersales_engineer",
        )
        cls.emp_other = cls.env["hr.employee"].create(
            {
                "name": "Eng Other",
                "user_id": cls.other_engineer.id,
                "aftersales_nda_date": "2025-01-01",
            }
        )
        cls.env["aftersales.employee.certificate"].create(
            {"name": "RO", "employee_id": cls.emp_other.id, "categ_id": cls.equipment_categ.id}
        )
        cls.mine = cls._dispatch(employees=cls.emp_engineer)
        cls.theirs = cls._dispatch(employees=cls.emp_other)
        cls.both = cls._dispatch(employees=cls.emp_engineer | cls.emp_other)

    def test_engineer_sees_own_dispatches_only(self):
        visible = self.Dispatch.with_user(self.engineer).search(
            [("ticket_id", "=", self.ticket.id)]
        )
        self.assertEqual(visible, self.mine | self.both)
        with self.assertRaises(AccessError):
            self.theirs.with_user(self.engineer).read(["name"])
        visible_other = self.Dispatch.with_user(self.other_engineer).search(
            [("ticket_id", "=", self.ticket.id)]
        )
        self.assertEqual(visible_other, self.theirs | self.both)

    def test_engineer_opens_own_dispatch_form(self):
        form = Form(self.mine.with_user(self.engineer))
        self.assertEqual(form.name, self.mine.name)
        self.assertEqual(form.ticket_id, self.ticket)
        form.work_hours = 3.0
        form.save()
        self.assertEqual(self.mine.work_hours, 3.0)

    def test_engineer_acts_on_own_dispatch_only(self):
        for dispatch in self.mine | self.theirs:
            self._pass_other_gates(dispatch)
        (self.mine | self.theirs).action_confirm()
        self.mine.with_user(self.engineer).action_arrive()
        self.assertEqual(self.mine.state, "onsite")
        with self.assertRaises(AccessError):
            self.theirs.with_user(self.engineer).action_arrive()
        self.assertEqual(self.theirs.state, "confirmed")

    def test_engineer_cannot_create_confirm_or_delete(self):
        Dispatch = self.Dispatch.with_user(self.engineer)
        with self.assertRaises(AccessError):
            Dispatch.create({"ticket_id": self.ticket.id})
        with self.assertRaises(AccessError):
            self.mine.with_user(self.engineer).unlink()

    def test_back_office_sees_all_and_plans(self):
        visible = self.Dispatch.with_user(self.as_user).search([("ticket_id", "=", self.ticket.id)])
        self.assertEqual(visible, self.mine | self.theirs | self.both)
        created = self.Dispatch.with_user(self.as_user).create(
            {"ticket_id": self.ticket.id, "employee_ids": [Command.set(self.emp_two.ids)]}
        )
        self.assertEqual(created.lead_employee_id, self.emp_two)
        with self.assertRaises(AccessError):
            created.with_user(self.as_user).unlink()
        created.with_user(self.manager).unlink()

    def test_multi_company(self):
        self._allow_companies(self.as_user, self.other_company)
        project_b = self._project("T-DSP-B01", company_id=self.other_company.id)
        ticket_b = self.env["helpdesk.ticket"].create(
            {
                "name": "Other company",
                "description": "<p>x</p>",
                "aftersales_project_id": project_b.id,
                "company_id": self.other_company.id,
            }
        )
        dispatch_b = self.Dispatch.create(
            {"ticket_id": ticket_b.id, "company_id": self.other_company.id}
        )
        in_main = self.Dispatch.with_user(self.as_user).with_context(
            allowed_company_ids=[self.company.id]
        )
        self.assertFalse(in_main.search([("id", "=", dispatch_b.id)]))
        in_both = self.Dispatch.with_user(self.as_user).with_context(
            allowed_company_ids=[self.company.id, self.other_company.id]
        )
        self.assertEqual(in_both.search([("id", "=", dispatch_b.id)]), dispatch_b)

    def test_certificates_access(self):
        Certificate = self.env["aftersales.employee.certificate"]
        visible = Certificate.with_user(self.as_user).search(
            [("employee_id", "=", self.emp_two.id)]
        )
        self.assertEqual(visible, self.emp_two.aftersales_certificate_ids)
        with self.assertRaises(AccessError):
            Certificate.with_user(self.manager).create(
                {"name": "X", "employee_id": self.emp_two.id, "categ_id": self.equipment_categ.id}
            )
        with self.assertRaises(AccessError):
            Certificate.with_user(self.engineer).search([])
        hr_officer = new_test_user(self.env, "t_hr", groups="base.group_user,hr.group_hr_user")
        Certificate.with_user(hr_officer).create(
            {"name": "X", "employee_id": self.emp_two.id, "categ_id": self.equipment_categ.id}
        )
