import base64
import io

import qrcode


def qr_data_uri(value):
    """A PNG QR code of `value` as a data URI, for the printed documents (the one QR helper)."""
    image = qrcode.make(value or "", box_size=4, border=1)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()
