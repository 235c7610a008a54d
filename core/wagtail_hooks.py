from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .documents import SummarisedDocumentLinkHandler
from .models import EmergencyNumber


class EmergencyNumberViewSet(SnippetViewSet):
    model = EmergencyNumber
    icon = "warning"
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["label", "number", "locale"]
    list_filter = ["locale"]
    search_fields = ["label", "number"]


register_snippet(EmergencyNumberViewSet)


@hooks.register("insert_editor_js")
def checkbox_filter_js():
    """A search box above long lists of checkboxes (a service's needs, themes…)."""
    return format_html(
        '<script defer src="{}" data-label="{}"></script>',
        static("js/admin/checkbox-filter.js"),
        _("Filter this list"),
    )


@hooks.register("register_rich_text_features", order=1)
def summarised_document_links(features):
    """After wagtail.documents' own (order 0): rich-text links to documents say their type
    and size to residents (core.documents)."""
    features.register_link_type(SummarisedDocumentLinkHandler)
