"""Links to documents tell residents what they download: its type and size ("PDF, 120 KB").

One markup for every link to a document, in rich text and in the document link block:
``<a href="…" data-document="PDF, 120 KB">``; the stylesheet writes the summary after the
link text (``a[data-document]::after``), so it is seen, read aloud and printed with it.
The files are served by the application (``WAGTAILDOCS_SERVE_METHOD``), which checks their
collection's privacy.
"""

from django.template.defaultfilters import filesizeformat
from django.utils.html import format_html
from django.utils.translation import gettext as _
from wagtail.documents.rich_text import DocumentLinkHandler


def document_summary(document):
    """Type and size of a document in the active language, e.g. "PDF, 120 KB"."""
    kind = document.file_extension.upper()
    size = document.get_file_size()
    if not size:
        return kind
    return _("%(type)s, %(size)s") % {"type": kind, "size": filesizeformat(size)}


def opening_tag(document):
    """The opening tag of a link to ``document``."""
    return format_html('<a href="{}" data-document="{}">', document.url, document_summary(document))


def document_link(document, text):
    """A whole link to ``document`` reading ``text`` (and its type and size)."""
    return format_html("{}{}</a>", opening_tag(document), text)


class SummarisedDocumentLinkHandler(DocumentLinkHandler):
    """Wagtail's rich-text document links, with the document's type and size."""

    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        return [
            opening_tag(document) if document else "<a>" for document in cls.get_many(attrs_list)
        ]
