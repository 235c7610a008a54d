"""Links on a kiosk page: which may be followed, and what replaces the others.

The page is rewritten on the server, so the rule holds without JavaScript and for every
link, whether it comes from a template, rich text or a StreamField block:

- links inside the site stay, except downloads (documents) and the admin;
- links to an allow-listed online procedure stay and open in the same tab;
- links to another site become their text, a QR code and a short readable address to
  open on one's phone;
- ``tel:``, ``mailto:`` and other schemes become plain text: they would otherwise ask
  the screen to open another application.
"""

from html import escape
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

from django.template.loader import render_to_string
from django.utils.translation import gettext

from core.qr import qr_svg

# Same-site addresses that hand out files or lead to staff screens.
DOWNLOAD_PREFIXES = ("/documents/", "/media/")
STAFF_PREFIXES = ("/admin/", "/django-admin/")
SHORT_ADDRESS_LENGTH = 40

FOLLOW, QR, TEXT = "follow", "qr", "text"


def short_address(url):
    """``www.ge.ch/e-demarches`` from ``https://www.ge.ch/e-demarches/``: easy to type."""
    parts = urlsplit(url)
    host = parts.netloc.removeprefix("www.")
    path = parts.path.rstrip("/")
    address = host + path
    if len(address) > SHORT_ADDRESS_LENGTH:
        address = address[: SHORT_ADDRESS_LENGTH - 1] + "…"
    return address


def decide(href, request, profile):
    """FOLLOW, QR or TEXT for a link, and the absolute address it points to."""
    current = request.build_absolute_uri()
    url = urljoin(current, href.strip())
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        return TEXT, url
    if parts.netloc == request.get_host() and parts.scheme == request.scheme:
        if parts.path.startswith(STAFF_PREFIXES):
            return TEXT, url
        if parts.path.startswith(DOWNLOAD_PREFIXES):
            return QR, url
        return FOLLOW, url
    if profile.allows(url):
        return FOLLOW, url
    return QR, url


class _LinkFinder(HTMLParser):
    """Positions of each <a href> start tag and of its end tag in the document."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links = []  # [start, end of start tag, start of end tag, end, attrs]
        self.html = ""
        self.line_offsets = []
        self.open_link = None

    def find(self, html):
        self.html = html
        self.line_offsets = [0]
        for line in html.splitlines(keepends=True):
            self.line_offsets.append(self.line_offsets[-1] + len(line))
        self.feed(html)
        self.close()
        return [link for link in self.links if link[3] is not None]

    def position(self):
        line, column = self.getpos()
        return self.line_offsets[line - 1] + column

    def handle_starttag(self, tag, attrs):
        if tag == "a" and dict(attrs).get("href") is not None:
            start = self.position()
            self.open_link = [start, start + len(self.get_starttag_text()), None, None, attrs]
            self.links.append(self.open_link)

    def handle_endtag(self, tag):
        if tag == "a" and self.open_link is not None:
            start = self.position()
            self.open_link[2] = start
            self.open_link[3] = self.html.index(">", start) + 1
            self.open_link = None


def start_tag(attrs):
    """The <a> start tag again, without a ``target`` so procedures stay in this tab."""
    kept = "".join(
        f' {name}="{escape(value or "", quote=True)}"' if value is not None else f" {name}"
        for name, value in attrs
        if name != "target"
    )
    return f"<a{kept}>"


def replacement(kind, url, text):
    if kind == TEXT:
        return f'<span class="kiosk-link kiosk-link--text">{text}</span>'
    address = short_address(url)
    title = gettext("QR code of the address %(address)s") % {"address": address}
    return render_to_string(
        "kiosk/external_link.html", {"text": text, "address": address, "qr": qr_svg(url, title)}
    )


def rewrite_links(html, request, profile):
    """``html`` with every link the kiosk must not follow replaced."""
    pieces, position = [], 0
    for start, tag_end, close_start, end, attrs in _LinkFinder().find(html):
        kind, url = decide(dict(attrs)["href"], request, profile)
        pieces.append(html[position:start])
        text = html[tag_end:close_start]
        if kind == FOLLOW:
            keeps_tab = all(name != "target" for name, _value in attrs)
            pieces.append((html[start:tag_end] if keeps_tab else start_tag(attrs)) + text + "</a>")
        else:
            pieces.append(replacement(kind, url, text))
        position = end
    pieces.append(html[position:])
    return "".join(pieces)
