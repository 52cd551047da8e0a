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
# The mark's geometry, in PDF points (1/72 inch): its text size, the distance of the text from
# the page's right and top edges (about half an inch), and the frame's padding around it.
_SIZE = 16
_RIGHT, _TOP = 36, 40
_PAD = 6


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
        text_width = pdfmetrics.stringWidth(text, font, _SIZE)
        x, y = width - text_width - _RIGHT, height - _TOP
        can.setStrokeColor(colors.red)
        can.setFillColor(colors.red)
        can.setLineWidth(1.5)
        # The frame: _PAD below and beside the text, 2 points above its height.
        can.rect(x - _PAD, y - _PAD, text_width + 2 * _PAD, _SIZE + _PAD + 2, stroke=1, fill=0)
        can.setFont(font, _SIZE)
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
