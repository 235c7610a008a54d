"""The demo's image and document, made here: a drawing by Pillow and a one-page PDF.

Nothing is downloaded; both are the project's own work. Stored as Wagtail images and
documents (``load_media``), found again by their title, so loading twice adds nothing.
"""

import io

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from PIL import ImageDraw
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from .data import media

SKY, GROUND, WALL, ROOF, DOOR, SUN, INK = (
    "#dcecf7",
    "#b9d9a6",
    "#f4efe6",
    "#b5473a",
    "#f2c14e",
    "#f7d35c",
    "#20415a",
)


def person(draw, x, ground, colour):
    """A standing figure whose feet are at (x, ground)."""
    draw.ellipse((x - 18, ground - 170, x + 18, ground - 134), fill=INK)
    draw.rounded_rectangle((x - 30, ground - 128, x + 30, ground - 50), radius=22, fill=colour)
    draw.rectangle((x - 22, ground - 55, x - 6, ground), fill=INK)
    draw.rectangle((x + 6, ground - 55, x + 22, ground), fill=INK)


def welcome_drawing(width=1200, height=600):
    """Two people walking to the open door of a community centre, under the sun: PNG."""
    picture = PillowImage.new("RGB", (width, height), SKY)
    draw = ImageDraw.Draw(picture)
    ground = int(height * 0.78)
    draw.rectangle((0, ground, width, height), fill=GROUND)
    draw.ellipse((width - 230, 50, width - 110, 170), fill=SUN)
    left, right, eaves = 420, 900, ground - 250
    draw.rectangle((left, eaves, right, ground), fill=WALL, outline=INK, width=6)
    draw.polygon(
        [(left - 40, eaves), ((left + right) // 2, eaves - 140), (right + 40, eaves)], ROOF
    )
    for x in (470, 770):
        draw.rectangle((x, eaves + 50, x + 80, eaves + 120), fill=SKY, outline=INK, width=5)
    door = ((left + right) // 2 - 55, ground - 170, (left + right) // 2 + 55, ground)
    draw.rectangle(door, fill=DOOR, outline=INK, width=6)
    draw.polygon(
        [(door[0] + 20, ground), (door[2] - 20, ground), (300, height), (40, height)], WALL
    )
    person(draw, 250, ground + 40, "#3a7ca5")
    person(draw, 340, ground + 25, "#8a5a9e")
    output = io.BytesIO()
    picture.save(output, format="PNG", optimize=True)
    return output.getvalue()


def pdf_text(text):
    """A PDF string literal in WinAnsi encoding (French accents and apostrophes)."""
    escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    return b"(" + escaped.encode("cp1252") + b")"


def leaflet_pdf(title, lines):
    """A one-page A4 PDF holding ``lines`` of text (the first in bold), titled ``title``."""
    content = [b"BT", b"/F2 20 Tf", b"56 770 Td", b"26 TL"]
    for number, line in enumerate(lines):
        if number == 1:
            content.append(b"/F1 13 Tf")
        content.append(pdf_text(line) + b" Tj T*")
    content.append(b"ET")
    stream = b"\n".join(content)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R /Lang (fr) >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
        b"<< /Title " + pdf_text(title) + b" >>",
    ]
    output = io.BytesIO()
    output.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(output.tell())
        output.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref = output.tell()
    output.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        output.write(b"%010d 00000 n \n" % offset)
    output.write(
        b"trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n"
        % (len(objects) + 1, len(objects), xref)
    )
    return output.getvalue()


def load_media():
    """The demo's images and documents by key, created when missing; and how many were."""
    created = 0
    images = {}
    image_model = get_image_model()
    for key, data in media.IMAGES.items():
        image = image_model.objects.filter(title=data["title"]).first()
        if image is None:
            file = ImageFile(io.BytesIO(welcome_drawing()), name=data["file_name"])
            image = image_model.objects.create(title=data["title"], file=file)
            created += 1
        images[key] = image
    documents = {}
    document_model = get_document_model()
    for key, data in media.DOCUMENTS.items():
        document = document_model.objects.filter(title=data["title"]).first()
        if document is None:
            file = ContentFile(leaflet_pdf(data["title"], data["lines"]), name=data["file_name"])
            document = document_model.objects.create(title=data["title"], file=file)
            created += 1
        documents[key] = document
    return images, documents, created
