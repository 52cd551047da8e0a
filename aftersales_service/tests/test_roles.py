from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, new_test_user, tagged

from .dispatch_common import DispatchCase


@tagged("post_install", "-at_install")
class TestRoles(DispatchCase):
    """R46: the department's roles as job positions, a role on the employee that assignment
    uses; a request handed to technical support and resolved remotely is recorded so."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.support_job = cls.env.ref("aftersales_service.hr_job_aftersales_support")
        cls.support_users = [
            new_test_user(
                cls.env,
                f"t_support_{index}",
                groups="base.group_user,aftersales_service.group_aftersales_engineer",
            )
            for index in (1, 2)
        ]
        Employee = cls.env["hr.employee"]
        cls.supporters = Employee.create(
            [
                {"name": f"Support {user.login}", "user_id": user.id, "job_id": cls.support_job.id}
                for user in cls.support_users
            ]
        )

    def test_jobs_of_the_regulation(self):
        roles = {
            self.env.ref(f"aftersales_service.hr_job_aftersales_{role}").aftersales_role
            for role in ("head", "deputy", "engineer", "support", "dispatcher", "service")
        }
        self.assertEqual(roles, {"head", "deputy", "engineer", "support", "dispatcher", "service"})

    def test_role_follows_the_job_and_can_be_set(self):
        self.assertEqual(set(self.supporters.mapped("aftersales_role")), {"support"})
        with Form(self.env["hr.employee"]) as form:
            form.name = "New dispatcher"
            form.job_id = self.env.ref("aftersales_service.hr_job_aftersales_dispatcher")
            self.assertEqual(form.aftersales_role, "dispatcher")
            form.aftersales_role = "service"
        self.assertEqual(form.record.aftersales_role, "service")

    def test_assign_to_the_least_loaded_support(self):
        first, second = self.support_users
        self.ticket.copy({"user_id": first.id, "name": "Busy"})
        self.ticket.with_user(self.as_user).action_assign_technical_support()
        self.assertEqual(self.ticket.user_id, second)
        self.ticket.with_user(self.as_user).remote_resolution = True
        self.assertTrue(self.ticket.remote_resolution)

    def test_no_support_no_assignment(self):
        self.supporters.write({"aftersales_role": "engineer"})
        with self.assertRaisesRegex(UserError, "Technical Support"):
            self.ticket.with_user(self.as_user).action_assign_technical_support()

    def test_a_trip_is_not_remote(self):
        dispatch = self._dispatch()
        self._pass_other_gates(dispatch)
        dispatch.with_user(self.as_user).action_confirm()
        with self.assertRaises(ValidationError):
            self.ticket.with_user(self.as_user).remote_resolution = True
