"""QR codes drawn by the site itself, as inline SVG (no image service, nothing to fetch)."""

from xml.sax.saxutils import escape

import qrcode
import qrcode.image.svg
from django.utils.safestring import mark_safe


def qr_svg(data, title):
    """An accessible SVG QR code for ``data``; ``title`` is its text alternative."""
    image = qrcode.make(
        data,
        image_factory=qrcode.image.svg.SvgPathImage,
        error_correction=qrcode.constants.ERROR_CORRECT_M,
    )
    svg = image.to_string(encoding="unicode")
    opening_end = svg.index(">") + 1
    opening = svg[:opening_end].replace("<svg ", '<svg class="qr-code" role="img" ', 1)
    return mark_safe(f"{opening}<title>{escape(title)}</title>{svg[opening_end:]}")
