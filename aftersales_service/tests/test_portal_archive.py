from odoo import Command
from odoo.tests import tagged

from .portal_common import AftersalesPortalCase


@tagged("post_install", "-at_install")
class TestPortalArchive(AftersalesPortalCase):
    """The project page lists the archive entries marked shareable of the customer's own
    projects, with their files (R36); internal entries and other customers' never."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Entry = cls.env["aftersales.archive.entry"]
        Attachment = cls.env["ir.attachment"]
        category = cls.env.ref("aftersales_service.archive_category_a1")
        # Customer B's project in our own company: same company, another customer.
        cls.project_b_here = cls._project("SECRET-B-HERE", partner_id=cls.customer_b.id)

        def entry(project, title, shareable, content, company=None):
            attachment = Attachment.create({"name": f"{title}.txt", "raw": content})
            return Entry.with_company(company or cls.company).create(
                {
                    "project_id": project.id,
                    "category_id": category.id,
                    "name": title,
                    "shareable": shareable,
                    "attachment_ids": [Command.link(attachment.id)],
                }
            )

        cls.shared_a = entry(cls.project_a, "Handover certificate", True, b"handover A")
        cls.internal_a = entry(cls.project_a, "SECRET internal cost memo", False, b"cost memo")
        cls.shared_b = entry(
            cls.project_b, "SECRET shared B", True, b"shared B", company=cls.other_company
        )
        cls.shared_b_here = entry(cls.project_b_here, "SECRET shared B here", True, b"B here")

    def setUp(self):
        super().setUp()
        self.authenticate("t_portal_a", "t_portal_a")

    def test_own_project_lists_shared_entries_with_their_files(self):
        response = self.url_open(f"/my/aftersales/projects/{self.project_a.id}")
        self.assertEqual(response.status_code, 200)
        self.assertIn("Handover certificate", response.text)
        self.assertIn(self.shared_a.index_number, response.text)
        self.assertNotIn("SECRET", response.text)
        self.assertNotIn(self.internal_a.index_number, response.text)
        attachment = self.shared_a.attachment_ids
        link = (
            f"/web/content/{attachment.id}?download=true&amp;access_token={attachment.access_token}"
        )
        self.assertTrue(attachment.access_token)
        self.assertIn(link, response.text)
        download = self.url_open(link.replace("&amp;", "&"))
        self.assertEqual(download.status_code, 200)
        self.assertEqual(download.content, b"handover A")

    def test_internal_and_foreign_files_stay_closed(self):
        self.url_open(f"/my/aftersales/projects/{self.project_a.id}")
        for entry in (self.internal_a, self.shared_b, self.shared_b_here):
            attachment = entry.attachment_ids
            self.assertFalse(attachment.access_token, "no token is handed out for it")
            response = self.url_open(f"/web/content/{attachment.id}?download=true")
            self.assertIn(response.status_code, (403, 404))
            self.assertNotIn(attachment.raw.decode(), response.text)

    def test_other_customers_project_pages_are_not_found(self):
        for project in (self.project_b, self.project_b_here):
            response = self.url_open(f"/my/aftersales/projects/{project.id}")
            self.assertEqual(response.status_code, 404)
            self.assertNotIn("SECRET shared", response.text)
