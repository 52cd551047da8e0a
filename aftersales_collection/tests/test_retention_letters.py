from dateutil.relativedelta import relativedelta

from odoo.tests import HttpCase, tagged

from odoo.addons.aftersales_service.tests.pdf_text import PdfTextMixin

from .common import CollectionCase


@tagged("post_install", "-at_install")
class TestRetentionLetters(PdfTextMixin, CollectionCase, HttpCase):
    """R30: each reminder e-mail carries the PDF letter of its retention, made by the template's
    report (`report_template_ids`) through Odoo's report engine; the letter is filed (R38).
    Real PDFs: wkhtmltopdf loads the report assets from the test server (hence HttpCase)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.retentions = cls.Retention
        for index in range(2):
            project = cls._project_ending(cls.today + relativedelta(days=10), f"T-LET-{index}")
            cls.retentions |= cls._retention(project, 10000.0 * (index + 1))

    def test_reminder_mail_has_its_pdf_letter(self):
        """The real path (wkhtmltopdf): each e-mail has the letter of its own retention."""
        template = self.env.ref("aftersales_collection.mail_template_retention_reminder")
        self.assertEqual(
            template.report_template_ids,
            self.env.ref("aftersales_collection.action_report_retention_reminder"),
        )
        self.retentions.with_context(force_report_rendering=True).action_send_reminder()
        mails = self.env["mail.mail"].search(
            [("model", "=", "aftersales.retention"), ("res_id", "in", self.retentions.ids)]
        )
        self.assertEqual(sorted(mails.mapped("res_id")), sorted(self.retentions.ids))
        capitals = {self.retentions[0]: "壹万元整", self.retentions[1]: "贰万元整"}
        for mail in mails:
            retention = self.Retention.browse(mail.res_id)
            letter = mail.attachment_ids
            self.assertEqual(letter.mimetype, "application/pdf")
            self.assertTrue(letter.name.endswith(".pdf"))
            self.assertPdfText(
                letter.raw, retention.name, retention.project_id.name, capitals[retention]
            )
            other = (self.retentions - retention).project_id.name
            self.assertNotIn(other, self.assertPdfText(letter.raw))
            # R38: the letter sent is filed in the project's archive, under the retention money.
            entry = self.env["aftersales.archive.entry"].search(
                [("res_model", "=", retention._name), ("res_id", "=", retention.id)]
            )
            self.assertEqual(len(entry), 1)
            self.assertEqual(entry.project_id, retention.project_id)
            a4 = self.env.ref("aftersales_service.archive_category_a4")
            self.assertIn(
                entry.category_id,
                self.env["aftersales.archive.category"].search([("id", "child_of", a4.id)]),
            )
