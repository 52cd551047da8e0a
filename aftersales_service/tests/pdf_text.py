"""Render a report to a real PDF (wkhtmltopdf) and read its text back (poppler's pdftotext)."""

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


def pdf_text(test, report_ref, records, user=None, lang="en_US"):
    """The text of `report_ref` printed for `records` by `user`: whitespace removed, so that
    Chinese and figures compare whatever line breaks the layout makes. Any warning of the
    report machinery other than the known wkhtmltopdf note fails the test."""
    Report = test.env["ir.actions.report"]
    if user:
        Report = Report.with_user(user)
    with test.assertLogs(REPORT_LOGGER, "WARNING") as logs:
        logging.getLogger(REPORT_LOGGER).warning("pdf_text: capture start")
        pdf, kind = Report.with_context(lang=lang, force_report_rendering=True)._render_qweb_pdf(
            report_ref, records.ids
        )
    unexpected = [
        record.getMessage() for record in logs.records[1:]
        if not KNOWN_WKHTMLTOPDF_NOTE.search(record.getMessage())
    ]
    test.assertFalse(unexpected, "the report logged warnings")
    test.assertEqual(kind, "pdf")
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text).translate(RADICALS))
