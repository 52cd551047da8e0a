from datetime import timedelta

from odoo.tests import tagged
from odoo.tools import mute_logger

from .portal_common import AftersalesPortalCase


@tagged("post_install", "-at_install")
class TestVisitsPortal(AftersalesPortalCase):
    """R42 on the portal: the customer sees the planned and done visits of their own projects
    only, and asks to move a planned one (a message on the project's thread, an activity on
    the visit)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Visit = cls.env["aftersales.visit"]
        soon = cls.env.company._aftersales_today() + timedelta(days=30)
        cls.visit_a = Visit.create(
            {"project_id": cls.project_a.id, "planned_date": soon, "user_id": cls.as_user.id}
        )
        cls.cancelled_a = Visit.create(
            {"project_id": cls.project_a.id, "visit_type": "milestone", "planned_date": soon}
        )
        cls.cancelled_a.action_cancel()
        cls.visit_c = Visit.create({"project_id": cls.project_c.id, "planned_date": soon})

    def csrf_token(self):
        # The form token of the session, as QWeb writes it in the visit's form.
        page = self.url_open(f"/my/aftersales/projects/{self.project_a.id}")
        marker = 'name="csrf_token" value="'
        return page.text.split(marker, 1)[1].split('"', 1)[0]

    def test_own_visits_only(self):
        self.authenticate("t_portal_a", "t_portal_a")
        page = self.url_open(f"/my/aftersales/projects/{self.project_a.id}")
        self.assertEqual(page.status_code, 200)
        self.assertEqual(page.text.count("o_aftersales_visit_row"), 1, "the cancelled one hides")
        self.assertIn(f"/my/aftersales/visits/{self.visit_a.id}/move", page.text)
        with mute_logger("odoo.http"):
            other = self.url_open(f"/my/aftersales/projects/{self.project_c.id}")
        self.assertEqual(other.status_code, 404)

    @mute_logger("odoo.http")
    def test_cannot_move_another_customers_visit(self):
        self.authenticate("t_portal_a", "t_portal_a")
        response = self.url_open(
            f"/my/aftersales/visits/{self.visit_c.id}/move",
            data={"wanted_date": "2030-01-10", "csrf_token": self.csrf_token()},
        )
        self.assertEqual(response.status_code, 404)
        self.assertFalse(self.visit_c.activity_ids)

    def test_ask_to_move_tour(self):
        messages = self.project_a.message_ids
        self.start_tour(
            f"/my/aftersales/projects/{self.project_a.id}",
            "aftersales_visit_move",
            login="t_portal_a",
        )
        posted = self.project_a.message_ids - messages
        self.assertEqual(len(posted), 1)
        self.assertEqual(posted.author_id, self.portal_a.partner_id)
        self.assertIn("Plant shutdown", posted.body)
        self.assertEqual(len(self.visit_a.activity_ids), 1)
        self.assertEqual(self.visit_a.activity_ids.user_id, self.as_user)
        self.assertEqual(
            self.visit_a.planned_date, self.env.company._aftersales_today() + timedelta(days=30)
        )
