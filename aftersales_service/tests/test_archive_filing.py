import re

from odoo import Command
from odoo.tests import HttpCase, tagged
from odoo.tests.common import warmup

from .pdf_text import PdfTextMixin, layout_header_text
from .test_archive_numbering import ArchiveCase


@tagged("post_install", "-at_install")
class TestArchiveFiling(ArchiveCase):
    """R38: every attachment and printed document of a project's records is filed once."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.project = cls._project("XM-2026-101")
        cls.project_2 = cls._project("XM-2026-102")
        cls.ticket = cls.env["helpdesk.ticket"].create(
            {
                "name": "Pump leaking",
                "description": "Seal leaks",
                "aftersales_project_id": cls.project.id,
                "partner_id": cls.customer.id,
            }
        )
        cls.product = cls.env["product.product"].create(
            {"name": "Dosing pump", "is_storable": True}
        )
        cls.repair = cls.env["repair.order"].create(
            {
                "product_id": cls.product.id,
                "partner_id": cls.customer.id,
                "aftersales_project_id": cls.project.id,
                "ticket_id": cls.ticket.id,
            }
        )

    def _attach(self, record, name="photo.txt", raw=b"site photo", **vals):
        return self.env["ir.attachment"].create(
            {"name": name, "raw": raw, "res_model": record._name, "res_id": record.id, **vals}
        )

    def _filed(self, record):
        return self.Entry.search([("res_model", "=", record._name), ("res_id", "=", record.id)])

    def assertOwnCopy(self, entry, attachment):
        """R39: the entry owns a copy of the filed attachment (same content, one file on disk)."""
        self.assertEqual(len(entry.attachment_ids), 1)
        self.assertNotEqual(entry.attachment_ids, attachment)
        self.assertEqual(
            (
                entry.attachment_ids.res_model,
                entry.attachment_ids.res_id,
                entry.attachment_ids.name,
            ),
            (entry._name, entry.id, attachment.name),
        )
        self.assertEqual(entry.attachment_ids.checksum, attachment.checksum)
        self.assertEqual(entry.attachment_ids.store_fname, attachment.store_fname)

    def test_project_path_is_detected_by_field(self):
        path = self.env["ir.attachment"]._aftersales_project_path
        self.assertEqual(path("aftersales.project"), "")
        self.assertEqual(path("helpdesk.ticket"), "aftersales_project_id")
        self.assertEqual(path("repair.order"), "aftersales_project_id")
        # Filing is opt-in (issue 16): a model not in the list files nothing, even with a way
        # to a project (a stock move of a repair); a category naming it opts it in.
        self.assertIsNone(path("stock.move"))
        self.assertIsNone(path("res.partner"))
        self.assertIsNone(path("aftersales.archive.entry"))

    def test_attachment_on_ticket_filed_once(self):
        attachment = self._attach(self.ticket)
        entry = self._filed(self.ticket)
        self.assertEqual(len(entry), 1)
        self.assertEqual(entry.project_id, self.project)
        self.assertEqual(entry.category_id, self.cat_b1)
        self.assertOwnCopy(entry, attachment)
        self.assertEqual(entry.origin, "attachment")
        self.assertEqual(entry.source_ref, self.ticket)
        self.assertEqual(entry.index_number, "XM-2026-101-B1-0001")
        # Touching the attachment again, or the same file attached twice, files nothing new.
        attachment.write({"res_model": "helpdesk.ticket", "res_id": self.ticket.id})
        self._attach(self.ticket, name="photo (copy).txt")
        self.assertEqual(self._filed(self.ticket), entry)
        # Another file is another entry, next number.
        self._attach(self.ticket, name="report.txt", raw=b"other")
        self.assertEqual(
            self._filed(self.ticket).mapped("index_number"),
            ["XM-2026-101-B1-0001", "XM-2026-101-B1-0002"],
        )

    def test_chatter_upload_filed_once(self):
        # The chatter uploads to the composer first, then posting links the file to the ticket.
        pending = self.env["ir.attachment"].create(
            {
                "name": "answer.txt",
                "raw": b"answer",
                "res_model": "mail.compose.message",
                "res_id": 0,
            }
        )
        self.assertFalse(self.Entry.search([("attachment_ids", "in", pending.ids)]))
        self.ticket.message_post(body="Answered", attachment_ids=pending.ids)
        self.ticket.message_post(body="Again", attachments=[("answer.txt", b"answer")])
        entry = self._filed(self.ticket)
        self.assertEqual(len(entry), 1)
        self.assertOwnCopy(entry, pending)

    def test_attachment_on_repair_and_project(self):
        self._attach(self.repair)
        self.assertEqual(self._filed(self.repair).category_id, self.cat_b2)
        # A file of the project: its kind (a contract) picks the sub-item (issue 16).
        self._attach(self.project, name="contract.txt", raw=b"contract")
        self.assertEqual(self._filed(self.project).category_id, self.cat_a1)

    def test_not_filed_without_project(self):
        ticket = self.env["helpdesk.ticket"].create({"name": "No project", "description": "x"})
        self._attach(ticket)
        self._attach(self.customer)
        self._attach(self.ticket, res_field="image_1920", name="field")
        self.assertFalse(self._filed(ticket))
        self.assertFalse(self._filed(self.customer))
        self.assertFalse(self._filed(self.ticket))

    def test_fallback_category(self):
        self.env["aftersales.archive.category"].search(
            [("res_model", "=", "repair.order")]
        ).res_model = False
        self._attach(self.repair)
        self.assertEqual(self._filed(self.repair).category_id, self.cat_b)

    def test_batch_of_attachments_on_two_projects(self):
        ticket_2 = self.env["helpdesk.ticket"].create(
            {"name": "Other plant", "description": "y", "aftersales_project_id": self.project_2.id}
        )
        self.env["ir.attachment"].create(
            [
                {
                    "name": f"f{i}.txt",
                    "raw": f"file {i}".encode(),
                    "res_model": "helpdesk.ticket",
                    "res_id": ticket.id,
                }
                for i, ticket in enumerate([self.ticket, ticket_2, self.ticket])
            ]
        )
        self.assertEqual(
            self._filed(self.ticket).mapped("index_number"),
            ["XM-2026-101-B1-0001", "XM-2026-101-B1-0002"],
        )
        self.assertEqual(self._filed(ticket_2).mapped("index_number"), ["XM-2026-102-B1-0001"])

    def test_manual_entry_adopts_its_uploads(self):
        upload = self.env["ir.attachment"].create(
            {
                "name": "drawing.txt",
                "raw": b"drawing",
                "res_model": "aftersales.archive.entry",
                "res_id": 0,
            }
        )
        entry = self._entry(self.project, self.cat_a1, attachment_ids=[Command.set(upload.ids)])
        self.assertEqual(upload.res_id, entry.id)
        self.assertEqual(self.Entry.search([("attachment_ids", "in", upload.ids)]), entry)


@tagged("post_install", "-at_install", "is_query_count")
class TestArchiveFilingQueries(ArchiveCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        projects = cls._project("XM-2026-111") | cls._project("XM-2026-112")
        cls.tickets = cls.env["helpdesk.ticket"].create(
            [
                {"name": f"T{n}", "description": "x", "aftersales_project_id": projects[n % 2].id}
                for n in range(6)
            ]
        )
        cls.batch_no = 0

    @warmup
    def test_filing_is_batched(self):
        # One batch of 12 attachments on 6 requests of 2 projects: one upsert per project and
        # category, one search of what is already filed, one insert of entries, then the
        # entries' own copies of the files, inserted and swapped in at once (R39); one read of
        # the company's calendar, whose zone dates the entries.
        type(self).batch_no += 1
        vals_list = [
            {
                "name": f"{n}.txt",
                "raw": f"{self.batch_no}-{ticket.id}-{n}".encode(),
                "res_model": "helpdesk.ticket",
                "res_id": ticket.id,
            }
            for ticket in self.tickets
            for n in range(2)
        ]
        with self.assertQueryCount(__system__=16):
            self.env["ir.attachment"].create(vals_list)
        self.assertEqual(
            len(
                self.Entry.search(
                    [("res_model", "=", "helpdesk.ticket"), ("res_id", "in", self.tickets.ids)]
                )
            ),
            12,
        )


@tagged("post_install", "-at_install")
class TestArchiveReportFiling(PdfTextMixin, ArchiveCase, HttpCase):
    """Real PDFs, read back with pdftotext: wkhtmltopdf loads the report assets from the test
    server (hence HttpCase). What the report engine logs reaches setup/test.sh's warning gate."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.project = cls._project("XM-2026-201")
        product = cls.env["product.product"].create({"name": "Filter press"})
        cls.repair = cls.env["repair.order"].create(
            {
                "product_id": product.id,
                "partner_id": cls.customer.id,
                "aftersales_project_id": cls.project.id,
            }
        )
        cls.Report = cls.env["ir.actions.report"].with_context(force_report_rendering=True)

    def test_printed_report_filed_exactly_once(self):
        pdf, kind = self.Report._render_qweb_pdf(
            "repair.action_report_repair_order", self.repair.ids
        )
        self.assertEqual(kind, "pdf")
        self.assertPdfText(pdf)
        entry = self.Entry.search(
            [("res_model", "=", "repair.order"), ("res_id", "=", self.repair.id)]
        )
        self.assertEqual(len(entry), 1)
        self.assertEqual(entry.origin, "report")
        self.assertEqual(entry.category_id, self.cat_b2)
        self.assertEqual(entry.attachment_ids.raw, pdf)
        self.assertEqual(entry.attachment_ids.name, f"Repair Order - {self.repair.name}.pdf")
        # Printed again, unchanged: nothing new although the PDF carries a new creation date.
        self.Report._render_qweb_pdf("repair.action_report_repair_order", self.repair.ids)
        self.assertEqual(
            self.Entry.search(
                [("res_model", "=", "repair.order"), ("res_id", "=", self.repair.id)]
            ),
            entry,
        )
        # Changed, then printed: a new version of the same entry (issue 16), same index number.
        self.repair.internal_notes = "<p>Replaced the filter cloth</p>"
        pdf_2 = self.Report._render_qweb_pdf("repair.action_report_repair_order", self.repair.ids)[
            0
        ]
        self.assertEqual(
            self.Entry.search(
                [("res_model", "=", "repair.order"), ("res_id", "=", self.repair.id)]
            ),
            entry,
        )
        self.assertEqual((entry.version, entry.index_number), (2, "XM-2026-201-B2-0001"))
        self.assertEqual(entry.attachment_ids.sorted("id").mapped("raw"), [pdf, pdf_2])
        self.assertEqual(
            entry.attachment_ids.sorted("id")[1].name, f"Repair Order - {self.repair.name} v2.pdf"
        )

    def test_register_is_printed_not_filed(self):
        self.Entry.create(
            {"project_id": self.project.id, "category_id": self.cat_a1.id, "name": "Contract"}
        )
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "aftersales_service.aftersales_archive_register_report", self.project.ids
            )[0]
            .decode()
        )
        self.assertIn("XM-2026-201-A1-0001", html)
        self.assertIn("Contract", html)
        self.assertPdfText(
            self.Report._render_qweb_pdf(
                "aftersales_service.aftersales_archive_register_report", self.project.ids
            )[0]
        )
        self.assertEqual(self.project.archive_entry_count, 1)
        # The same register in Chinese.
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(
            ["aftersales_service"], ["zh_CN"], overwrite=True
        )
        html = (
            self.env["ir.actions.report"]
            .with_context(lang="zh_CN")
            ._render_qweb_html(
                "aftersales_service.aftersales_archive_register_report", self.project.ids
            )[0]
            .decode()
        )
        self.assertIn("档案目录", html)
        self.assertIn("合同与协议", html)  # category A1 in Chinese
        self.assertIn("XM-2026-201-A1-0001", html)
        pdf = self.Report.with_context(lang="zh_CN")._render_qweb_pdf(
            "aftersales_service.aftersales_archive_register_report", self.project.ids
        )[0]
        # In the system CJK font (static/src/css/aftersales_report.css) the Latin text reads
        # back too: the project order number, the index numbers, the company in the header.
        self.assertPdfText(
            pdf,
            "档案目录",
            "合同与协议",
            self.project.name,
            "XM-2026-201-A1-0001",
        )
        header = layout_header_text(
            self, "aftersales_service.aftersales_archive_register_report", self.project
        )
        self.assertIn(re.sub(r"\s+", "", self.project.company_id.name), header)
        self.assertEqual(self.project.archive_entry_count, 1)

    def test_report_attachment_expression_decides(self):
        # Odoo's own `attachment` expression: no file name for a draft, so a draft is not filed;
        # once named, the print is filed once, not a second time through the PDF Odoo stores.
        report = self.env.ref("repair.action_report_repair_order")
        report.attachment = "object.state != 'draft' and ('Stored - %s.pdf' % object.name)"
        self.Report._render_qweb_pdf(report.id, self.repair.ids)
        self.assertFalse(
            self.Entry.search([("res_model", "=", "repair.order"), ("res_id", "=", self.repair.id)])
        )
        self.repair.state = "confirmed"
        for _i in range(2):
            self.Report._render_qweb_pdf(report.id, self.repair.ids)
        stored = self.env["ir.attachment"].search(
            [("res_model", "=", "repair.order"), ("res_id", "=", self.repair.id)]
        )
        self.assertEqual(stored.name, f"Stored - {self.repair.name}.pdf")
        entry = self.Entry.search(
            [("res_model", "=", "repair.order"), ("res_id", "=", self.repair.id)]
        )
        self.assertEqual(len(entry), 1)
        self.assertEqual(
            (entry.version, entry.report_xmlid), (1, "repair.action_report_repair_order")
        )
