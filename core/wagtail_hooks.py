from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

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
