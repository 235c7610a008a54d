from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from core.permissions import ItemRulesViewSetMixin, apply_item_rules

from .admin_views import hours_preview
from .models import Organisation, Place, Team
from .teams import BY_ORGANISATION, ORGANISATIONS

apply_item_rules(Place, scope=BY_ORGANISATION)
apply_item_rules(Organisation, scope=ORGANISATIONS)


class PlaceViewSet(ItemRulesViewSetMixin, SnippetViewSet):
    model = Place
    icon = "home"
    list_display = ["name", "kind", "commune", "postcode", "locale"]
    list_filter = ["locale", "kind", "country"]
    search_fields = ["name", "commune", "postcode"]


class OrganisationViewSet(ItemRulesViewSetMixin, SnippetViewSet):
    model = Organisation
    icon = "group"
    list_display = ["name", "kind", "locale"]
    list_filter = ["locale", "kind"]
    search_fields = ["name"]


class PlacesGroup(SnippetViewSetGroup):
    menu_label = _("Places")
    menu_icon = "site"
    menu_order = 190
    items = (PlaceViewSet, OrganisationViewSet)


register_snippet(PlacesGroup)


@hooks.register("register_admin_urls")
def hours_preview_url():
    return [path("places/hours-preview/", hours_preview, name="places_hours_preview")]


@hooks.register("insert_editor_js")
def hours_entry_js():
    """Hours panels: a new period takes the only place of delivery, and the weekly summary
    is previewed as the editor types (``places.admin_views``)."""
    return format_html(
        '<script defer src="{}" data-preview-url="{}"></script>',
        static("js/admin/hours-entry.js"),
        reverse("places_hours_preview"),
    )


class TeamViewSet(SnippetViewSet):
    """Teams are set up by administrators (no group is given their permissions)."""

    model = Team
    icon = "group"
    add_to_settings_menu = True
    menu_order = 610
    list_display = ["group"]


register_snippet(TeamViewSet)
