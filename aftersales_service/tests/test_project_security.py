from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import AftersalesCase


@tagged("post_install", "-at_install")
class TestProjectAccess(AftersalesCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.project_a = cls._project("SEC-A")
        cls.project_b = cls.Project.create({"name": "SEC-B", "partner_id": cls.customer_b.id})

    def test_engineer_reads_but_cannot_edit(self):
        project = self.project_a.with_user(self.engineer)
        self.assertEqual(project.name, "SEC-A")
        with self.assertRaises(AccessError):
            project.write({"title": "changed"})
        with self.assertRaises(AccessError):
            self.Project.with_user(self.engineer).create(
                {"name": "SEC-E", "partner_id": self.customer.id}
            )

    def test_user_edits_but_cannot_delete(self):
        project = self.Project.with_user(self.as_user).create(
            {"name": "SEC-U", "partner_id": self.customer.id}
        )
        project.write({"title": "Boiler water"})
        self.assertEqual(project.title, "Boiler water")
        with self.assertRaises(AccessError):
            project.unlink()

    def test_manager_deletes(self):
        project = self.Project.with_user(self.manager).create(
            {"name": "SEC-M", "partner_id": self.customer.id}
        )
        project.unlink()
        self.assertFalse(project.exists())

    def test_portal_sees_own_commercial_partner_only(self):
        Project = self.Project.with_user(self.portal_a)
        visible = Project.search([("name", "in", ["SEC-A", "SEC-B"])])
        self.assertEqual(visible, self.project_a.with_user(self.portal_a))
        with self.assertRaises(AccessError):
            self.project_b.with_user(self.portal_a).read(["name"])
        with self.assertRaises(AccessError):
            self.project_a.with_user(self.portal_a).write({"title": "x"})

    def test_multi_company_isolation(self):
        other = self.Project.create(
            {"name": "SEC-C", "partner_id": self.customer.id, "company_id": self.other_company.id}
        )
        self.assertFalse(self.Project.with_user(self.as_user).search([("id", "=", other.id)]))
        self._allow_companies(self.as_user, self.other_company)
        Project = self.Project.with_user(self.as_user).with_context(
            allowed_company_ids=[self.company.id, self.other_company.id]
        )
        self.assertEqual(Project.search([("id", "=", other.id)]), other)
