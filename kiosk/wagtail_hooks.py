from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import KioskProfile


class KioskProfileViewSet(SnippetViewSet):
    model = KioskProfile
    icon = "desktop"
    menu_order = 195
    add_to_admin_menu = True
    list_display = ["name", "place", "slug", "has_printer"]
    search_fields = ["name", "slug"]


register_snippet(KioskProfileViewSet)
