"""Reading back the text of the real PDFs the report tests render (issue 13).

`pdftotext` (poppler-utils, installed by setup/install.sh and required by setup/test.sh) reads
Chinese too, so a test asserts what the document says, not only that wkhtmltopdf wrote a file.

What it can read depends on the fonts. The stock wkhtmltopdf of Debian/Ubuntu (unpatched Qt)
draws text set in a web font loaded through @font-face (Odoo's Lato, the company's document
font) as outlines, without a text layer. Our reports are set in the system's CJK font (Noto Sans
CJK, static/src/css/aftersales_report.css, for the body and the layout's header and footer), so
their Latin text, figures and the company name read back as well as their Chinese.

That stock build also ignores wkhtmltopdf's --header-html/--footer-html (it says so: "not
support using unpatched qt"), so the company layout's header and footer are missing from its
PDFs altogether; the patched build (wkhtmltopdf 0.12.6.1, which Odoo recommends) prints them.
`layout_header_text` converts the header page Odoo hands to wkhtmltopdf as a page of its own, so
that a test reads the company's header here too.
"""

import logging
import re
import subprocess
import unicodedata

REPORT_LOGGER = "odoo.addons.base.models.ir_actions_report"
# Debian's wkhtmltopdf (unpatched Qt) says so on stderr, which Odoo logs as a warning.
KNOWN_WKHTMLTOPDF_NOTE = re.compile(r"unpatched qt|reduced functionality", re.IGNORECASE)
# The CJK font maps some glyphs to radicals: the Kangxi ones (⽇ for 日) fold back with NFKC,
# these of the CJK Radicals Supplement have no decomposition.
RADICALS = str.maketrans("⺠⻓⻔⻅⻆⻋⻢⻚⻛⻜⻬⻉⻰⻩", "民长门见角车马页风飞齐贝龙黄")


def pdf_text(pdf):
    """The text of the PDF `pdf` (bytes): NFKC-normalised (Noto CJK maps some ideographs to
    their radical code points, e.g. ⼯ for 工), whitespace runs folded to one space."""
    result = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-", "-"],
        input=pdf,
        capture_output=True,
        check=True,
        timeout=60,
    )
    text = unicodedata.normalize("NFKC", result.stdout.decode()).translate(RADICALS)
    return re.sub(r"\s+", " ", text)


def report_text(test, report_ref, records, user=None, lang="en_US"):
    """The text of `report_ref` printed for `records` by `user`: whitespace removed, so that
    Chinese and figures compare whatever line breaks the layout makes. Any warning of the
    report machinery other than the known wkhtmltopdf note fails the test."""
    Report = test.env["ir.actions.report"]
    if user:
        Report = Report.with_user(user)
    with test.assertLogs(REPORT_LOGGER, "WARNING") as logs:
        logging.getLogger(REPORT_LOGGER).warning("report_text: capture start")
        pdf, kind = Report.with_context(lang=lang, force_report_rendering=True)._render_qweb_pdf(
            report_ref, records.ids
        )
    unexpected = [
        record.getMessage()
        for record in logs.records[1:]
        if not KNOWN_WKHTMLTOPDF_NOTE.search(record.getMessage())
    ]
    test.assertFalse(unexpected, "the report logged warnings")
    test.assertEqual(kind, "pdf")
    return re.sub(r"\s+", "", pdf_text(pdf))


def layout_header_text(test, report_ref, records):
    """The text of the company-layout header page of `report_ref` for `records`, as
    wkhtmltopdf prints it (converted as a page of its own: see above), whitespace removed."""
    Report = test.env["ir.actions.report"]
    report = Report._get_report(report_ref)
    html = Report._render_qweb_html(report_ref, records.ids, data={"report_type": "pdf"})[0]
    header = report._prepare_html(html, report_model=report.model)[2]
    pdf = report._run_wkhtmltopdf([header], report_ref=report_ref)
    return re.sub(r"\s+", "", pdf_text(pdf))


class PdfTextMixin:
    """For test cases: `assertPdfText(pdf, *texts)` fails unless `pdf` is a PDF whose text holds
    every one of `texts` (compared without line breaks: pdftotext breaks lines as printed)."""

    def assertPdfText(self, pdf, *texts):
        self.assertTrue(pdf.startswith(b"%PDF-"), "not a PDF: %r" % pdf[:40])
        text = pdf_text(pdf)
        for expected in texts:
            self.assertIn(re.sub(r"\s+", " ", expected), text)
        return text
