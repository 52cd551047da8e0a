"""Issue 16, archive (R35–R38): one document is one entry with versions, chatter files in the
right sub-item, opt-in filing, safe ZIP names, the 重要 mark, what is missing."""

import io
import zipfile

from reportlab.pdfgen import canvas

from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import HttpCase, tagged

from .dispatch_common import DispatchCase
from .pdf_text import PdfTextMixin, pdf_text
from .test_archive_numbering import ArchiveCase

TRAVEL = "aftersales_service.action_report_dispatch_travel"


@tagged("post_install", "-at_install")
class TestArchiveOneEntryPerDocument(PdfTextMixin, DispatchCase, ArchiveCase, HttpCase):
    """Real PDFs (wkhtmltopdf loads the assets from the test server, hence HttpCase)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cat_b4 = cls.env.ref("aftersales_service.archive_category_b4")
        cls.Report = cls.env["ir.actions.report"].with_context(force_report_rendering=True)

    def _travel_entries(self, dispatch):
        return self.Entry.search(
            [
                ("res_model", "=", dispatch._name),
                ("res_id", "=", dispatch.id),
                ("report_xmlid", "=", TRAVEL),
            ]
        )

    def test_reprint_files_nothing_change_files_a_version(self):
        dispatch = self._dispatch(work_description="Replace the pump seal")
        first = self.Report._render_qweb_pdf(TRAVEL, dispatch.ids)[0]
        # Printed three times: one entry (the PDF bytes differ, the document does not).
        for _i in range(2):
            self.Report._render_qweb_pdf(TRAVEL, dispatch.ids)
        entry = self._travel_entries(dispatch)
        self.assertEqual(len(entry), 1)
        self.assertEqual(
            (entry.index_number, entry.version, entry.category_id),
            (f"{self.project.name}-B4-0001", 1, self.cat_b4),
        )
        self.assertEqual(entry.attachment_ids.raw, first)
        # Changed and printed: a new version of the same entry, which keeps its number.
        dispatch.work_description = "Replace the pump seal and the bearing"
        second = self.Report._render_qweb_pdf(TRAVEL, dispatch.ids)[0]
        self.Report._render_qweb_pdf(TRAVEL, dispatch.ids)
        self.assertEqual(self._travel_entries(dispatch), entry)
        self.assertEqual((entry.index_number, entry.version), (f"{self.project.name}-B4-0001", 2))
        self.assertEqual(entry.attachment_ids.sorted("id").mapped("raw"), [first, second])
        self.assertIn("Version 2", entry.attachment_ids.sorted("id")[1].description)
        # R37: the next document of the sub-item takes the next number, no gap.
        other = self._dispatch(work_description="Inspect the membranes")
        self.Report._render_qweb_pdf(TRAVEL, other.ids)
        self.assertEqual(self._travel_entries(other).index_number, f"{self.project.name}-B4-0002")
        self.assertEqual(
            self.Entry.search(
                [("project_id", "=", self.project.id), ("category_id", "=", self.cat_b4.id)]
            ).mapped("sequence_number"),
            [1, 2],
        )

    def test_important_mark_on_rendered_document(self):
        # R38: the documents we render carry 重要 from their template when important.
        dispatch = self._dispatch()
        html = self.env["ir.actions.report"]._render_qweb_html(TRAVEL, dispatch.ids)[0].decode()
        self.assertNotIn("o_aftersales_important_mark", html)
        self.cat_b4.important = True
        html = self.env["ir.actions.report"]._render_qweb_html(TRAVEL, dispatch.ids)[0].decode()
        self.assertIn("o_aftersales_important_mark", html)
        self.assertIn("重要", html)
        pdf = self.Report._render_qweb_pdf(TRAVEL, dispatch.ids)[0]
        self.assertPdfText(pdf, "重要")

    def test_unlisted_report_files_nothing(self):
        # Filing is opt-in: a report of a filed model that is not in the list is not filed.
        report = self.env.ref(TRAVEL).copy({"name": "Travel (copy)"})
        dispatch = self._dispatch()
        self.Report._render_qweb_pdf(report.id, dispatch.ids)
        self.assertFalse(
            self.Entry.search([("res_model", "=", dispatch._name), ("res_id", "=", dispatch.id)])
        )


@tagged("post_install", "-at_install")
class TestArchiveSubItemsAndRegister(ArchiveCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.project = cls._project("XM-2026-401")
        cls.cat_a2 = cls.env.ref("aftersales_service.archive_category_a2")
        cls.cat_b6 = cls.env.ref("aftersales_service.archive_category_b6")
        cls.ticket = cls.env["helpdesk.ticket"].create(
            {"name": "Leak", "description": "x", "aftersales_project_id": cls.project.id}
        )

    def _filed(self, record):
        return self.Entry.search(
            [("res_model", "=", record._name), ("res_id", "=", record.id)], order="id"
        )

    def test_chatter_attachments_land_in_their_sub_item(self):
        self.project.message_post(
            body="Signed contract and acceptance",
            attachments=[
                ("销售合同 2026.pdf", b"contract"),
                ("Acceptance certificate.pdf", b"acceptance"),
                ("site photo.jpg", b"photo"),
            ],
        )
        self.ticket.message_post(body="Answer", attachments=[("answer.txt", b"answer")])
        by_name = {entry.name: entry.category_id for entry in self._filed(self.project)}
        self.assertEqual(by_name["销售合同 2026.pdf"], self.cat_a1)
        self.assertEqual(by_name["Acceptance certificate.pdf"], self.cat_a2)
        # No kind recognised: the class of the source, to be sorted by hand.
        self.assertEqual(by_name["site photo.jpg"], self.cat_a)
        self.assertEqual(self._filed(self.ticket).category_id, self.cat_b1)

    def test_third_level_article(self):
        # R35: articles are a third level, editable data; a file of their kind lands there.
        Category = self.env["aftersales.archive.category"]
        article = Category.create(
            {
                "code": "A1x1",
                "name": "Technical agreement",
                "parent_id": self.cat_a1.id,
                "keywords": "技术协议",
            }
        )
        self.assertEqual((self.cat_a.level, self.cat_a1.level, article.level), (1, 2, 3))
        self.project.message_post(body="x", attachments=[("技术协议.pdf", b"tech agreement")])
        self.assertEqual(self._filed(self.project).category_id, article)
        with self.assertRaises(ValidationError):
            with self.env.cr.savepoint():
                Category.create({"code": "A1x1y", "name": "Too deep", "parent_id": article.id})

    def test_not_listed_model_files_nothing(self):
        move = self.env["stock.move"].create(
            {
                "name": "x",
                "product_id": self.env["product.product"].create({"name": "Seal"}).id,
                "location_id": self.env.ref("stock.stock_location_stock").id,
                "location_dest_id": self.env.ref("stock.stock_location_customers").id,
            }
        )
        self.env["ir.attachment"].create(
            {"name": "m.txt", "raw": b"m", "res_model": "stock.move", "res_id": move.id}
        )
        self.assertFalse(self._filed(move))

    def test_missing_documents(self):
        # The register shows what the kind of project requires and what is missing (R37).
        self.assertEqual(self.project.archive_missing_ids, self.cat_a1 | self.cat_a2)
        kind = self.env["aftersales.archive.project.type"].create(
            {"name": "Turnkey line", "required_category_ids": [Command.link(self.cat_b6.id)]}
        )
        self.cat_b6.required = True
        other = self._project("XM-2026-402")
        self.project.archive_type_id = kind
        self.assertEqual(self.project.archive_missing_ids, self.cat_a1 | self.cat_a2 | self.cat_b6)
        self.assertEqual(
            other.archive_missing_ids, self.cat_a1 | self.cat_a2, "B6: turnkey lines only"
        )
        self._entry(self.project, self.cat_a1, "Sales contract")
        self.project.invalidate_recordset(["archive_missing_ids"])
        self.assertEqual(self.project.archive_missing_ids, self.cat_a2 | self.cat_b6)
        action = self.project.with_user(self.as_user).action_view_archive_missing()
        self.assertEqual(
            self.env[action["res_model"]].search(action["domain"]), self.cat_a2 | self.cat_b6
        )
        # The register lists every entry (no collapsed groups) and prints the missing sub-items.
        self.assertNotIn("group_by", self.project.action_view_archive()["context"])
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "aftersales_service.aftersales_archive_register_report", self.project.ids
            )[0]
            .decode()
        )
        self.assertIn("o_aftersales_archive_missing", html)
        self.assertIn(self.cat_b6.name, html)
        self.assertIn("text-nowrap", html)
        # A hidden (archived) entry keeps its place in the register: numbers without gaps (R37).
        hidden = self._entry(self.project, self.cat_a1, "Draft contract")
        hidden.action_archive()
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "aftersales_service.aftersales_archive_register_report", self.project.ids
            )[0]
            .decode()
        )
        self.assertIn(hidden.index_number, html)
        self.assertIn("(withdrawn)", html)


@tagged("post_install", "-at_install")
class TestArchiveZipNames(ArchiveCase):
    def test_zip_names_safe_and_important_copy_marked(self):
        project = self._project("XM-2026-501")
        buffer = io.BytesIO()
        page = canvas.Canvas(buffer)
        page.drawString(72, 720, "Service report SR/2026/0004")
        page.save()
        pdf = buffer.getvalue()
        attachment = self.env["ir.attachment"].create(
            {"name": "服务报告 SR/2026/0004.pdf.pdf", "raw": pdf, "mimetype": "application/pdf"}
        )
        entry = self._entry(
            project,
            self.cat_a1,
            "服务报告",
            important=True,
            attachment_ids=[Command.link(attachment.id)],
        )
        filed = entry.attachment_ids
        checksum = filed.checksum
        action = project.action_export_archive()
        export = self.env["ir.attachment"].browse(int(action["url"].split("/")[-1].split("?")[0]))
        archive = zipfile.ZipFile(io.BytesIO(export.raw))
        names = [n for n in archive.namelist() if n != "index.xlsx"]
        self.assertEqual(
            names, [f"A1 Contract and Agreements/{entry.index_number} 服务报告 SR-2026-0004.pdf"]
        )
        # R38: the exported copy carries 重要; the filed original is unchanged (R39).
        self.assertIn("重要", pdf_text(archive.read(names[0])))
        self.assertNotIn("重要", pdf_text(filed.raw))
        self.assertEqual(filed.checksum, checksum)
        copy = self.env["ir.attachment"].browse(
            int(entry.action_print_copy()["url"].split("/")[-1].split("?")[0])
        )
        self.assertIn("重要", pdf_text(copy.raw))
        self.assertFalse(
            self.Entry.search([("attachment_ids", "in", copy.ids)]), "a copy is not filed"
        )
