"""QR codes drawn by the site itself, as inline SVG (no image service, nothing to fetch)."""

import re
from functools import lru_cache
from xml.sax.saxutils import escape

import qrcode
import qrcode.image.svg
from django.utils.safestring import mark_safe

# Encoding takes about 15 ms per code and a page’s address rarely changes; each kept code
# is a few kilobytes of SVG.
QR_CODES_KEPT = 512
ID_ATTRIBUTE = re.compile(r'\sid="[^"]*"')


def qr_svg(data, title):
    """An accessible SVG QR code for ``data``; ``title`` is its text alternative."""
    svg = qr_path_svg(data)
    opening_end = svg.index(">") + 1
    opening = svg[:opening_end].replace("<svg ", '<svg class="qr-code" role="img" ', 1)
    return mark_safe(f"{opening}<title>{escape(title)}</title>{svg[opening_end:]}")


@lru_cache(maxsize=QR_CODES_KEPT)
def qr_path_svg(data):
    image = qrcode.make(
        data,
        image_factory=qrcode.image.svg.SvgPathImage,
        error_correction=qrcode.constants.ERROR_CORRECT_M,
    )
    # The library names its path with a fixed id: two codes on a page would share it.
    return ID_ATTRIBUTE.sub("", image.to_string(encoding="unicode"))
