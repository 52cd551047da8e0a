from odoo.tests import tagged
from odoo.tools import mute_logger

from .portal_common import AftersalesPortalCase


@tagged("post_install", "-at_install")
class TestComplaintPortal(AftersalesPortalCase):
    """R4: the portal's "complain" button files a complaint; the customer confirms the
    resolution of their own complaint only; another customer's complaint is a 404."""

    def _csrf(self):
        page = self.url_open("/my/aftersales/complaints/new")
        self.assertEqual(page.status_code, 200)
        return page.text.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]

    def _post(self, url, **data):
        return self.url_open(url, data={"csrf_token": self._csrf(), **data})

    def test_complain_and_confirm(self):
        self.authenticate("t_portal_a", "t_portal_a")
        home = self.url_open("/my/aftersales")
        self.assertIn('href="/my/aftersales/complaints/new"', home.text)
        response = self._post(
            "/my/aftersales/complaints/submit",
            description="Nobody answered the hotline.",
            project_id=str(self.project_b.id),  # not theirs: ignored
        )
        self.assertEqual(response.status_code, 200)
        complaint = self.env["aftersales.complaint"].search(
            [("description", "=", "Nobody answered the hotline.")]
        )
        self.assertEqual(len(complaint), 1)
        self.assertEqual(
            (complaint.partner_id, complaint.project_id, complaint.channel_id, complaint.state),
            (
                self.portal_a.partner_id,
                self.env["aftersales.project"],
                self.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_web"),
                "new",
            ),
        )
        self.assertIn("We have received your complaint", response.text)
        # Not resolved yet: confirming is refused.
        refused = self._post(f"/my/aftersales/complaints/{complaint.id}/confirm")
        self.assertEqual(refused.status_code, 400)
        complaint.with_user(self.as_user).action_handle()
        complaint.with_user(self.as_user).resolution = "Hotline staffed until 20:00 now."
        complaint.with_user(self.as_user).action_resolve()
        # Customer C (same company, another customer) neither sees nor confirms it.
        self.authenticate("t_portal_c", "t_portal_c")
        with mute_logger("odoo.http"):
            self.assertEqual(
                self.url_open(f"/my/aftersales/complaints/{complaint.id}").status_code, 404
            )
            other = self._post(f"/my/aftersales/complaints/{complaint.id}/confirm")
        self.assertEqual(other.status_code, 404)
        self.assertEqual(complaint.state, "resolved")
        self.assertNotIn(complaint.name, self.url_open("/my/aftersales/complaints").text)
        # Customer A confirms: closed.
        self.authenticate("t_portal_a", "t_portal_a")
        page = self.url_open(f"/my/aftersales/complaints/{complaint.id}")
        self.assertIn("Hotline staffed until 20:00 now.", page.text)
        done = self._post(f"/my/aftersales/complaints/{complaint.id}/confirm")
        self.assertEqual(done.status_code, 200)
        self.assertEqual(complaint.state, "closed")
        self.assertTrue(complaint.customer_confirmed_at)

    def test_empty_complaint_refused(self):
        self.authenticate("t_portal_a", "t_portal_a")
        count = self.env["aftersales.complaint"].search_count([])
        response = self._post("/my/aftersales/complaints/submit", description="   ")
        self.assertIn("Describe your complaint", response.text)
        self.assertEqual(self.env["aftersales.complaint"].search_count([]), count)
