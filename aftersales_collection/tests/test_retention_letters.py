import io

from dateutil.relativedelta import relativedelta
from reportlab.pdfgen import canvas

from odoo.tests import tagged
from odoo.tools.pdf import PdfFileReader

from odoo.addons.aftersales_collection.tools.pdf_pages import PdfSplitError, split_pages
from odoo.addons.aftersales_service.tests.pdf_text import PdfTextMixin

from .common import CollectionCase


def _pdf(texts):
    """A PDF with one page per text, all pages using the same font (a shared object)."""
    stream = io.BytesIO()
    pdf = canvas.Canvas(stream)
    for text in texts:
        pdf.setFont("Helvetica", 14)
        pdf.drawString(72, 720, text)
        pdf.showPage()
    pdf.save()
    return stream.getvalue()


def _text(pdf):
    reader = PdfFileReader(io.BytesIO(pdf))
    return reader.getNumPages(), reader.getPage(0).extractText().strip()


@tagged("post_install", "-at_install")
class TestRetentionLetters(PdfTextMixin, CollectionCase):
    """R30: each reminder e-mail carries its own one-page PDF letter, cut from the batch PDF."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.retentions = cls.Retention
        for index in range(3):
            project = cls._project_ending(cls.today + relativedelta(days=10), f"T-LET-{index}")
            cls.retentions |= cls._retention(project, 10000.0 * (index + 1))

    def test_split_pages_copies_each_page(self):
        texts = ["Letter ZBJ-1", "Letter ZBJ-2", "Letter ZBJ-3"]
        letters = split_pages(_pdf(texts))
        self.assertEqual([_text(letter) for letter in letters], [(1, text) for text in texts])

    def test_split_pages_refuses_updated_files(self):
        """An incrementally updated file is not copied by bytes (the caller uses PyPDF2)."""
        data = _pdf(["one", "two"])
        start = int(data.rsplit(b"startxref", 1)[1].split()[0])
        update = b"xref\n0 1\n0000000000 65535 f \ntrailer\n<< /Prev %d >>\n" % start
        with self.assertRaises(PdfSplitError):
            split_pages(data + update + b"startxref\n%d\n%%%%EOF\n" % len(data))
        with self.assertRaises(PdfSplitError):
            split_pages(b"not a pdf")

    def test_reminder_letters_are_one_page_pdfs(self):
        """The real path (wkhtmltopdf, split): each e-mail has the letter of its retention."""
        self.retentions.with_context(force_report_rendering=True)._send_reminders()
        mails = self.env["mail.mail"].search(
            [("model", "=", "aftersales.retention"), ("res_id", "in", self.retentions.ids)]
        )
        self.assertEqual(len(mails), 3)
        for mail in mails:
            retention = self.Retention.browse(mail.res_id)
            self.assertEqual(mail.attachment_ids.mimetype, "application/pdf")
            pages, _first = _text(mail.attachment_ids.raw)
            self.assertEqual(pages, 1)
            self.assertPdfText(mail.attachment_ids.raw, retention.project_id.name)

    def test_body_compiled_once_renders_the_same(self):
        """The batch rendering of the e-mail body equals Odoo's record-by-record rendering."""
        template = self.env.ref("aftersales_collection.mail_template_retention_reminder")
        fields = ("subject", "body_html")
        usual = template._generate_template(self.retentions.ids, fields)
        batch = template.with_context(mail_render_compile_once=True)._generate_template(
            self.retentions.ids, fields
        )
        self.assertEqual(batch, usual)
        self.assertEqual(len({values["body_html"] for values in batch.values()}), 3)
        self.assertIn("叁万元整", batch[self.retentions[2].id]["body_html"])
