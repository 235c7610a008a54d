from django.contrib import messages
from django.templatetags.static import static
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .documents import SummarisedDocumentLinkHandler
from .models import EmergencyNumber
from .moderation import changes_requested
from .permissions import ItemRulesViewSetMixin, apply_item_rules

apply_item_rules(EmergencyNumber)


class EmergencyNumberViewSet(ItemRulesViewSetMixin, SnippetViewSet):
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


@hooks.register("before_edit_page")
@hooks.register("before_edit_snippet")
def show_requested_changes(request, obj):
    """Above the editor's form, after "Request changes": who asked, when, and their
    comment, so the editor need not look for it in the history."""
    answer = changes_requested(obj) if request.method == "GET" else None
    if answer is None:
        return
    moderator, when, comment = answer
    values = {
        "user": (moderator.get_full_name() or moderator.get_username()) if moderator else "—",
        "date": date_format(timezone.localtime(when), "SHORT_DATETIME_FORMAT") if when else "—",
        "comment": comment,
    }
    if comment:
        text = _("Changes requested by %(user)s on %(date)s: “%(comment)s”") % values
    else:
        text = _("Changes requested by %(user)s on %(date)s.") % values
    messages.warning(request, text)


@hooks.register("register_rich_text_features", order=1)
def summarised_document_links(features):
    """After wagtail.documents' own (order 0): rich-text links to documents say their type
    and size to residents (core.documents)."""
    features.register_link_type(SummarisedDocumentLinkHandler)
