from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from core.permissions import ItemRulesViewSetMixin, apply_item_rules

from .models import AccessibilityFeature, AccessMode, Audience, Need, SpokenLanguage, Theme

apply_item_rules(AccessibilityFeature, AccessMode, Audience, Need, SpokenLanguage, Theme)


class TaxonomyViewSet(ItemRulesViewSetMixin, SnippetViewSet):
    list_display = ["name", "slug", "sort_order", "locale"]
    # No "locale" here: Wagtail adds its own language filter to translatable snippets
    # (?locale=fr); a second one by primary key made the listing answer 404.
    list_filter = []
    # Searched in the database, not the search index (which holds names only): editors
    # find an item by its slug or by one of residents' words too.
    search_backend_name = None
    search_fields = ["name", "slug", "keywords"]
    ordering = ["sort_order", "name"]


class ThemeViewSet(TaxonomyViewSet):
    model = Theme
    icon = "tag"


class AudienceViewSet(TaxonomyViewSet):
    model = Audience
    icon = "group"


class AccessModeViewSet(TaxonomyViewSet):
    model = AccessMode
    icon = "door"
    list_display = ["name", "kind", "sort_order", "locale"]
    list_filter = ["kind"]


class SpokenLanguageViewSet(TaxonomyViewSet):
    model = SpokenLanguage
    icon = "globe"
    list_display = ["name", "name_local", "code", "locale"]


class AccessibilityFeatureViewSet(TaxonomyViewSet):
    model = AccessibilityFeature
    icon = "pick"


class NeedViewSet(TaxonomyViewSet):
    model = Need
    icon = "help"
    list_display = ["name", "theme", "sort_order", "locale"]


class TaxonomyGroup(SnippetViewSetGroup):
    menu_label = _("Taxonomies")
    menu_icon = "folder-open-inverse"
    menu_order = 200
    items = (
        ThemeViewSet,
        NeedViewSet,
        AudienceViewSet,
        AccessModeViewSet,
        SpokenLanguageViewSet,
        AccessibilityFeatureViewSet,
    )


register_snippet(TaxonomyGroup)
