"""R38: the mark 重要 ("important") on the exported or printed copy of a filed file.

The filed original is never altered (a signed report above all: its checksum stays); only the
copy handed out carries the mark. Odoo's `add_banner` draws with Helvetica, which has no Chinese
glyphs: the mark is drawn with reportlab's CID font STSong-Light (Adobe's Chinese font set, no
font file to ship), so the text layer reads 重要."""

import io

from reportlab.lib import colors
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from odoo.tools.pdf import PdfFileReader, PdfFileWriter

IMPORTANT_MARK = "重要"
_FONT = "STSong-Light"


def _font():
    if _FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(_FONT))
    return _FONT


def mark_important(raw, text=IMPORTANT_MARK):
    """A copy of the PDF `raw` with `text` framed in red at the top right of every page."""
    original = PdfFileReader(io.BytesIO(raw), strict=False, overwriteWarnings=False)
    packet = io.BytesIO()
    can = canvas.Canvas(packet)
    font = _font()
    for number in range(original.getNumPages()):
        page = original.getPage(number)
        width = float(abs(page.mediaBox.getWidth()))
        height = float(abs(page.mediaBox.getHeight()))
        can.setPageSize((width, height))
        size = 16
        text_width = pdfmetrics.stringWidth(text, font, size)
        x, y = width - text_width - 36, height - 40
        can.setStrokeColor(colors.red)
        can.setFillColor(colors.red)
        can.setLineWidth(1.5)
        can.rect(x - 6, y - 6, text_width + 12, size + 8, stroke=1, fill=0)
        can.setFont(font, size)
        can.drawString(x, y, text)
        can.showPage()
    can.save()
    marks = PdfFileReader(packet, overwriteWarnings=False)
    marked = PdfFileWriter()
    for number in range(original.getNumPages()):
        page = original.getPage(number)
        page.mergePage(marks.getPage(number))
        marked.addPage(page)
    output = io.BytesIO()
    marked.write(output)
    return output.getvalue()
