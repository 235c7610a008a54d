from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component

from core.reports import can_edit_pages, register_report
from places.teams import BY_ORGANISATION

from .models import ServicePage
from .reports import DirectoryView, ServicesToReviewView, overdue_services

register_report(ServicesToReviewView, "services-to-review", _("Services to review"), "date", 50)
register_report(DirectoryView, "directory", _("Directory"), "list-ul", 51)


class ServicesToReviewPanel(Component):
    name = "services_to_review"
    # Below Wagtail's own review tasks ("Awaiting your review", 220; "Your pages and
    # snippets in a workflow", 210), above the recent edits (250).
    order = 230
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


@hooks.register("construct_explorer_page_queryset")
def only_the_teams_services(parent_page, pages, request):
    """A team member's directory lists only their organisations' services."""
    others = BY_ORGANISATION.outside(request.user, ServicePage.objects.all())
    return pages.exclude(pk__in=others.values("pk"))
