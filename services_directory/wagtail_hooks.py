from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component

from core.reports import PageEditorsMenuItem, can_edit_pages, report_urls

from .reports import ServicesToReviewView, overdue_services


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
    template_name = "services_directory/panels/services_to_review.html"

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
    if can_edit_pages(request.user):
        panels.append(ServicesToReviewPanel(request))
