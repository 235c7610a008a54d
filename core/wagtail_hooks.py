from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import EmergencyNumber
from .reports import ServicesToReviewView, overdue_services


class EmergencyNumberViewSet(SnippetViewSet):
    model = EmergencyNumber
    icon = "warning"
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["label", "number", "locale"]
    list_filter = ["locale"]
    search_fields = ["label", "number"]


register_snippet(EmergencyNumberViewSet)


class PageEditorsMenuItem(MenuItem):
    """Shown to anyone who can add, edit or publish pages."""

    def is_shown(self, request):
        return PagePermissionPolicy().user_has_any_permission(
            request.user, ["add", "change", "publish"]
        )


def report_urls(view_class, slug, name):
    """A report's page and the results-only address its filters refresh."""
    return [
        path(f"reports/{slug}/", view_class.as_view(), name=name),
        path(
            f"reports/{slug}/results/",
            view_class.as_view(results_only=True),
            name=f"{name}_results",
        ),
    ]


@hooks.register("register_admin_urls")
def register_services_to_review_urls():
    return report_urls(ServicesToReviewView, "services-to-review", "services_to_review")


@hooks.register("register_reports_menu_item")
def register_services_to_review_menu_item():
    return PageEditorsMenuItem(
        _("Services to review"),
        reverse("services_to_review"),
        name="services-to-review",
        icon_name="date",
        order=50,
    )


class ServicesToReviewPanel(Component):
    name = "services_to_review"
    order = 50
    template_name = "core/panels/services_to_review.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context=None):
        services = overdue_services(self.request.user)
        return {
            "overdue_count": services.count(),
            "oldest": services[:5],
            "report_url": reverse("services_to_review"),
        }


@hooks.register("construct_homepage_panels")
def add_services_to_review_panel(request, panels):
    if PagePermissionPolicy().user_has_any_permission(request.user, ["add", "change", "publish"]):
        panels.append(ServicesToReviewPanel(request))
