"""Reading back the text of the real PDFs the report tests render (issue 13).

`pdftotext` (poppler-utils, installed by setup/install.sh and required by setup/test.sh) reads
Chinese too, so a test asserts what the document says, not only that wkhtmltopdf wrote a file.

What it can read depends on the fonts. When wkhtmltopdf loads the report assets (the real path
under HttpCase, and in production), Latin text is set in Odoo's web font (Lato) and the stock
wkhtmltopdf of Debian/Ubuntu (unpatched Qt) draws web fonts as outlines: that text has no text
layer. Chinese falls back to the system's Noto CJK font and stays text. Without the assets (the
HTML converted alone, as the pick slip test and the reminder letters do) everything is set in
system fonts and reads back whole.
"""

import re
import subprocess
import unicodedata


def pdf_text(pdf):
    """The text of the PDF `pdf` (bytes): NFKC-normalised (Noto CJK maps some ideographs to
    their Kangxi radical code points, e.g. ⼯ for 工), whitespace runs folded to one space."""
    result = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True, check=True, timeout=60
    )
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", result.stdout.decode()))


class PdfTextMixin:
    """For test cases: `assertPdfText(pdf, *texts)` fails unless `pdf` is a PDF whose text holds
    every one of `texts` (compared without line breaks: pdftotext breaks lines as printed)."""

    def assertPdfText(self, pdf, *texts):
        self.assertTrue(pdf.startswith(b"%PDF-"), "not a PDF: %r" % pdf[:40])
        text = pdf_text(pdf)
        for expected in texts:
            self.assertIn(re.sub(r"\s+", " ", expected), text)
        return text
