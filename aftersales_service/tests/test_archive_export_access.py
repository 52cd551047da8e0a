import io
import zipfile

from openpyxl import load_workbook

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .test_archive_numbering import ArchiveCase


@tagged("post_install", "-at_install")
class TestArchiveExport(ArchiveCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.project = cls._project("XM-2026-301")
        Attachment = cls.env["ir.attachment"]
        cls.contract = cls._entry(
            cls.project,
            cls.cat_a1,
            "Sales contract",
            attachment_ids=[
                Command.link(Attachment.create({"name": "contract.txt", "raw": b"C"}).id)
            ],
        )
        cls.ticket = cls.env["helpdesk.ticket"].create(
            {"name": "Leak", "description": "x", "aftersales_project_id": cls.project.id}
        )
        for raw in (b"photo one", b"photo two"):  # same name, other content: both kept
            Attachment.create(
                {
                    "name": "photo.txt",
                    "raw": raw,
                    "res_model": "helpdesk.ticket",
                    "res_id": cls.ticket.id,
                }
            )
        cls.note = cls._entry(cls.project, cls.cat_b1, "Phone note without file", important=True)
        cls.hidden = cls._entry(cls.project, cls.cat_b1, "Duplicate scan")
        cls.hidden.action_archive()

    def test_zip_content_matches_the_xlsx_index(self):
        action = self.project.with_user(self.as_user).action_export_archive()
        export = self.env["ir.attachment"].browse(int(action["url"].split("/")[-1].split("?")[0]))
        # The exporting user's own file (attached to no record: only its creator reads it).
        self.assertEqual(
            (export.res_model, export.res_id, export.create_uid),
            ("aftersales.project", 0, self.as_user),
        )
        self.assertFalse(
            self.Entry.search([("attachment_ids", "in", export.ids)]), "an export is not filed"
        )
        archive = zipfile.ZipFile(io.BytesIO(export.raw))
        names = archive.namelist()
        entries = self.project.archive_entry_ids
        self.assertEqual(len(entries), 4, "archived entries are not exported")
        files = [n for n in names if n != "index.xlsx"]
        self.assertEqual(len(files), len(entries.attachment_ids))
        for entry in entries:
            folder = f"{entry.category_id.code} {entry.category_id.name}/"
            for attachment in entry.attachment_ids:
                matches = [n for n in files if n.startswith(f"{folder}{entry.index_number} ")]
                self.assertIn(attachment.raw, [archive.read(n) for n in matches])
        sheet = load_workbook(io.BytesIO(archive.read("index.xlsx"))).active
        rows = list(sheet.iter_rows(values_only=True))
        self.assertEqual(
            rows[0][:6], ("Index No.", "Date", "Title", "Category", "Important", "Source")
        )
        by_number = {row[0]: row for row in rows[1:]}
        self.assertEqual(set(by_number), set(entries.mapped("index_number")))
        for entry in entries:
            row = by_number[entry.index_number]
            self.assertEqual(row[1].date(), entry.date)
            self.assertEqual(row[2], entry.name)
            self.assertEqual(row[3], entry.category_id.display_name)
            self.assertEqual(bool(row[4]), entry.important)
            self.assertEqual(row[5] or False, entry.source_name)
            self.assertEqual(
                sorted((row[6] or "").split("\n")) if row[6] else [],
                sorted(n for n in files if n.split("/")[1].startswith(entry.index_number + " ")),
            )

    def test_export_empty_archive_refused(self):
        with self.assertRaises(UserError):
            self._project("XM-2026-399").action_export_archive()


@tagged("post_install", "-at_install")
class TestArchiveAccess(ArchiveCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.project_a = cls._project("XM-2026-401")
        cls.project_b = cls.Project.create({"name": "XM-2026-402", "partner_id": cls.customer_b.id})
        cls.shared_a = cls._entry(cls.project_a, cls.cat_a1, "Acceptance", shareable=True)
        cls.internal_a = cls._entry(cls.project_a, cls.cat_b1, "Internal note")
        cls.shared_b = cls._entry(cls.project_b, cls.cat_a1, "Other customer", shareable=True)

    def test_engineer_reads_only(self):
        Entry = self.Entry.with_user(self.engineer)
        self.assertEqual(Entry.browse(self.internal_a.id).name, "Internal note")
        with self.assertRaises(AccessError):
            Entry.create(
                {"project_id": self.project_a.id, "category_id": self.cat_b1.id, "name": "x"}
            )
        with self.assertRaises(AccessError):
            self.internal_a.with_user(self.engineer).write({"name": "changed"})

    def test_user_files_but_neither_archives_nor_deletes(self):
        entry = self.Entry.with_user(self.as_user).create(
            {"project_id": self.project_a.id, "category_id": self.cat_b1.id, "name": "Call record"}
        )
        self.assertEqual(entry.index_number, "XM-2026-401-B1-0002")
        entry.write({"important": True})
        with self.assertRaises(UserError):
            entry.action_archive()
        with self.assertRaises(UserError):  # an AccessError is a UserError
            entry.unlink()

    def test_manager_configures_categories(self):
        category = (
            self.env["aftersales.archive.category"]
            .with_user(self.manager)
            .create({"code": "B9", "name": "Training Records", "parent_id": self.cat_b.id})
        )
        self.assertEqual(category.display_name, "B9 Training Records")
        with self.assertRaises(AccessError):
            self.env["aftersales.archive.category"].with_user(self.as_user).create(
                {"code": "B10", "name": "x"}
            )

    def test_portal_sees_shared_entries_of_own_projects_only(self):
        Entry = self.Entry.with_user(self.portal_a)
        self.assertEqual(Entry.search([]), self.shared_a.with_user(self.portal_a))
        for entry in (self.internal_a, self.shared_b):
            with self.assertRaises(AccessError):
                entry.with_user(self.portal_a).read(["name"])
        with self.assertRaises(AccessError):
            self.shared_a.with_user(self.portal_a).write({"name": "x"})

    def test_multi_company(self):
        other = self.Project.create(
            {
                "name": "XM-2026-403",
                "partner_id": self.customer.id,
                "company_id": self.other_company.id,
            }
        )
        entry = self._entry(other, self.cat_b1)
        self.assertEqual(entry.company_id, self.other_company)
        self.assertFalse(self.Entry.with_user(self.as_user).search([("id", "=", entry.id)]))
        self._allow_companies(self.as_user, self.other_company)
        Entry = self.Entry.with_user(self.as_user).with_context(
            allowed_company_ids=[self.company.id, self.other_company.id]
        )
        self.assertEqual(Entry.search([("id", "=", entry.id)]), entry)
