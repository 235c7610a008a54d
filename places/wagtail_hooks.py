from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Organisation, Place


class PlaceViewSet(SnippetViewSet):
    model = Place
    icon = "home"
    list_display = ["name", "kind", "commune", "postcode", "locale"]
    list_filter = ["locale", "kind", "country"]
    search_fields = ["name", "commune", "postcode"]


class OrganisationViewSet(SnippetViewSet):
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
