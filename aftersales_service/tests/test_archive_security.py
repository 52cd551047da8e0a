import io
import zipfile

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, new_test_user, tagged

from .test_archive_numbering import ArchiveCase


class ArchiveHttpCase(ArchiveCase, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cat_a2 = cls.env.ref("aftersales_service.archive_category_a2")
        cls.cat_b7 = cls.env.ref("aftersales_service.archive_category_b7")
        cls.accountant = new_test_user(
            cls.env, "t_accountant", groups="base.group_user,account.group_account_invoice"
        )
        cls.project = cls._project("XM-2026-501")
        cls.ticket = cls.env["helpdesk.ticket"].create(
            {"name": "Leak", "description": "x", "aftersales_project_id": cls.project.id}
        )

    def _download(self, attachment, login=None, token=None):
        if login:
            self.authenticate(login, login)
        url = f"/web/content/{attachment.id}?download=true"
        if token:
            url += f"&access_token={token}"
        return self.url_open(url)

    def _zip_names(self, user):
        action = self.project.with_user(user).action_export_archive()
        export = self.env["ir.attachment"].browse(int(action["url"].split("/")[-1].split("?")[0]))
        return export, sorted(zipfile.ZipFile(io.BytesIO(export.raw)).namelist())


@tagged("post_install", "-at_install")
class TestArchiveFilesAccess(ArchiveHttpCase):
    """Findings 2, 4 and 7 of issue 12: an entry holds only files its writer can read, finance
    categories keep their entries and files with finance, un-sharing revokes the link."""

    # 2. files the writer cannot read
    def test_entry_refuses_files_its_writer_cannot_read(self):
        # The manager's private upload (attached to no record): only the manager reads it.
        private = (
            self.env["ir.attachment"]
            .with_user(self.manager)
            .create({"name": "salary.txt", "raw": b"pay"})
        )
        Entry = self.Entry.with_user(self.as_user)
        count = self.Entry.search_count([])
        with self.assertRaises(AccessError):
            Entry.create(
                {
                    "project_id": self.project.id,
                    "category_id": self.cat_a2.id,
                    "name": "x",
                    "attachment_ids": [Command.link(private.id)],
                }
            )
        entry = Entry.create(
            {"project_id": self.project.id, "category_id": self.cat_a2.id, "name": "y"}
        )
        with self.assertRaises(AccessError):
            entry.write({"attachment_ids": [Command.link(private.id)]})
        self.assertFalse(entry.attachment_ids)
        self.assertEqual(self.Entry.search_count([]), count + 1)

    def test_export_reads_with_the_users_rights(self):
        # A category read by the managers only: the user's export leaves its files out.
        restricted = self.env["aftersales.archive.category"].create(
            {
                "code": "A9",
                "name": "Management",
                "parent_id": self.cat_a.id,
                "group_ids": [
                    Command.set(self.env.ref("aftersales_service.group_aftersales_manager").ids)
                ],
            }
        )
        upload = self.env["ir.attachment"].create({"name": "memo.txt", "raw": b"memo"})
        self._entry(
            self.project, restricted, "Board memo", attachment_ids=[Command.link(upload.id)]
        )
        open_file = self.env["ir.attachment"].create({"name": "handover.txt", "raw": b"handover"})
        self._entry(
            self.project, self.cat_a2, "Handover", attachment_ids=[Command.link(open_file.id)]
        )
        export, names = self._zip_names(self.as_user)
        self.assertEqual(
            names, ["A2 Acceptance and Handover/XM-2026-501-A2-0001 handover.txt", "index.xlsx"]
        )
        # The export is the user's own file, not one every reader of the project may open.
        self.assertFalse(export.res_id)
        with self.assertRaises(AccessError):
            export.with_user(self.engineer).read(["raw"])
        __, names = self._zip_names(self.manager)
        self.assertIn("A9 Management/XM-2026-501-A9-0001 memo.txt", names)

    # 4. finance documents stay finance-only
    def test_finance_category_entries_and_files(self):
        self.assertEqual(
            self.cat_b7.group_ids,
            self.env.ref("account.group_account_invoice")
            | self.env.ref("account.group_account_readonly")
            | self.env.ref("aftersales_service.group_aftersales_user"),
        )
        notice = self.env["ir.attachment"].create({"name": "notice.pdf", "raw": b"%PDF notice"})
        entry = self._entry(
            self.project, self.cat_b7, "Payment notice", attachment_ids=[Command.link(notice.id)]
        )
        service = self._entry(self.project, self.cat_a2, "Handover")
        file = entry.attachment_ids
        # The engineer reads the project's archive, but not its finance entries nor their files.
        self.assertEqual(
            self.Entry.with_user(self.engineer).search([("project_id", "=", self.project.id)]),
            service,
        )
        with self.assertRaises(AccessError):
            file.with_user(self.engineer).read(["raw"])
        response = self._download(file, "t_engineer")
        self.assertIn(response.status_code, (403, 404))
        self.assertNotIn(b"notice", response.content)
        for user in (self.as_user, self.accountant):
            with self.subTest(user=user.login):
                self.assertEqual(
                    self.Entry.with_user(user).search([("project_id", "=", self.project.id)]),
                    entry | service,
                )
                self.assertEqual(file.with_user(user).raw, b"%PDF notice")
        self.assertEqual(self._download(file, "t_accountant").content, b"%PDF notice")
        # Exports follow the same readers.
        self.assertEqual(self._zip_names(self.engineer)[1], ["index.xlsx"])
        self.assertIn(
            "B7 Payment Notices and Letters/XM-2026-501-B7-0001 notice.pdf",
            self._zip_names(self.as_user)[1],
        )

    # 7. un-sharing revokes the link
    def test_unsharing_revokes_the_token(self):
        upload = self.env["ir.attachment"].create({"name": "acceptance.txt", "raw": b"accepted"})
        entry = self._entry(
            self.project,
            self.cat_a2,
            "Acceptance",
            shareable=True,
            attachment_ids=[Command.link(upload.id)],
        )
        self.authenticate("t_portal_a", "t_portal_a")
        page = self.url_open(f"/my/aftersales/projects/{self.project.id}")
        file = entry.attachment_ids
        token = file.access_token
        self.assertIn(f"access_token={token}", page.text)
        self.authenticate(None, None)
        self.assertEqual(self._download(file, token=token).content, b"accepted")
        entry.with_user(self.as_user).shareable = False
        self.assertFalse(file.access_token)
        self.assertIn(self._download(file, token=token).status_code, (403, 404))
        # Shared again: a new link, the old one stays dead.
        entry.shareable = True
        self.authenticate("t_portal_a", "t_portal_a")
        self.url_open(f"/my/aftersales/projects/{self.project.id}")
        file.invalidate_recordset(["access_token"])
        self.assertTrue(file.access_token)
        self.assertNotEqual(file.access_token, token)
        self.authenticate(None, None)
        self.assertIn(self._download(file, token=token).status_code, (403, 404))


@tagged("post_install", "-at_install")
class TestArchiveOwnsItsFiles(ArchiveHttpCase):
    """R39: filed files never vanish. The entry owns a copy of what it files."""

    def _filed(self, record):
        return self.Entry.search([("res_model", "=", record._name), ("res_id", "=", record.id)])

    def test_deleting_the_chatter_attachment_keeps_the_file(self):
        self.ticket.message_post(body="Photo", attachments=[("leak.png", b"leak photo")])
        source = self.ticket.message_ids.attachment_ids
        entry = self._filed(self.ticket)
        file = entry.attachment_ids
        self.assertEqual(
            (file.res_model, file.res_id, file.raw), (entry._name, entry.id, b"leak photo")
        )
        self.assertNotEqual(file, source)
        self.assertEqual(file.checksum, source.checksum)  # one file in the filestore
        source.unlink()
        self.assertEqual(self._download(file, "t_engineer").content, b"leak photo")

    def test_deleting_the_source_record_keeps_the_file(self):
        ticket = self.env["helpdesk.ticket"].create(
            {"name": "Wrong request", "description": "x", "aftersales_project_id": self.project.id}
        )
        self.env["ir.attachment"].create(
            {"name": "scan.txt", "raw": b"scan", "res_model": ticket._name, "res_id": ticket.id}
        )
        entry = self._filed(ticket)
        ticket.unlink()
        self.assertTrue(entry.exists())
        self.assertFalse(entry.source_ref)
        self.assertEqual(self._download(entry.attachment_ids, "t_as_user").content, b"scan")

    def test_filed_files_cannot_be_deleted_changed_or_removed(self):
        self.env["ir.attachment"].create(
            {
                "name": "scan.txt",
                "raw": b"scan",
                "res_model": self.ticket._name,
                "res_id": self.ticket.id,
            }
        )
        entry = self._filed(self.ticket)
        file = entry.attachment_ids
        for user in (self.manager, self.env.user):
            with self.subTest(user=user.login):
                with self.assertRaises(UserError):
                    file.with_user(user).unlink()
                with self.assertRaises(UserError):
                    file.with_user(user).write({"raw": b"forged"})
                with self.assertRaises(UserError):
                    file.with_user(user).write(
                        {"res_model": "helpdesk.ticket", "res_id": self.ticket.id}
                    )
                with self.assertRaises(UserError):
                    entry.with_user(user).write({"attachment_ids": [Command.unlink(file.id)]})
        self.assertEqual((entry.attachment_ids, file.raw), (file, b"scan"))
        file.name = "scan (renamed).txt"  # its name is not its content

    def test_signed_service_report_filed_once_under_its_category(self):
        report = self.env["aftersales.service.report"].create(
            {
                "ticket_id": self.ticket.id,
                "work_done": "Replaced the seal.",
                "test_result": "pass",
                "engineer_id": self.engineer.id,
            }
        )
        Report = self.env["ir.actions.report"].with_context(force_report_rendering=True)
        # A draft printed, as on the portal or in the back office: nothing filed.
        Report._render_qweb_pdf(
            "aftersales_service.aftersales_service_report_action_report", report.ids
        )
        self.assertFalse(self.project.archive_entry_ids)
        report.with_context(force_report_rendering=True)._action_sign(
            "Contact A",
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
        )
        entry = self.project.archive_entry_ids
        self.assertEqual(len(entry), 1)
        self.assertEqual(entry.category_id, self.env.ref("aftersales_service.archive_category_b6"))
        self.assertEqual(entry.source_ref, report)
        self.assertEqual(entry.attachment_ids.checksum, report.signed_attachment_id.checksum)
        # Printed again once signed: the same document, nothing new; the very PDF the customer
        # signed, not rendered again (attachment_use, issue 16), and no second stored copy.
        signed = report.signed_attachment_id
        checksum = signed.checksum
        pdf = Report._render_qweb_pdf(
            "aftersales_service.aftersales_service_report_action_report", report.ids
        )[0]
        self.assertEqual(pdf, signed.raw)
        self.assertEqual(signed.checksum, checksum)
        self.assertFalse(
            self.env["ir.attachment"].search(
                [("res_model", "=", report._name), ("res_id", "=", report.id)]
            )
        )
        self.assertEqual(self.project.archive_entry_ids, entry)
        # The PDF the customer was sent may go; the archive's stays.
        report.signed_attachment_id.unlink()
        self.assertTrue(entry.attachment_ids.raw.startswith(b"%PDF"))
