from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import EmergencyNumber
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
