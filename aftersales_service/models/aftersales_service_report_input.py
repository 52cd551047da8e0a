import base64
import binascii

from odoo import api, models
from odoo.exceptions import ValidationError
from odoo.tools.mimetypes import guess_mimetype

SIGNATURE_TYPES = ("image/png", "image/jpeg")


class AftersalesServiceReport(models.Model):
    _inherit = "aftersales.service.report"

    @api.constrains("signature")
    def _check_signature_format(self):
        """A signature is a picture the customer drew: PNG or JPEG, nothing else (an SVG carries
        script and links), whoever writes it (issue 12)."""
        for report in self.filtered("signature"):
            try:
                raw = base64.b64decode(report.signature, validate=True)
            except (binascii.Error, ValueError):
                raw = b""
            if guess_mimetype(raw) not in SIGNATURE_TYPES:
                raise ValidationError(
                    self.env._(
                        "Service report %(report)s: the signature must be a PNG or JPEG picture.",
                        report=report.name,
                    )
                )
