from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from .models import ProblemReport


class ReceivedOnlyPolicy(ModelPermissionPolicy):
    """Reports come from residents only: editors read them and mark them handled."""

    def user_has_permission(self, user, action):
        if action == "add":
            return False
        return super().user_has_permission(user, action)


class ProblemReportViewSet(ModelViewSet):
    model = ProblemReport
    icon = "warning"
    menu_label = _("Problem reports")
    menu_order = 220
    add_to_admin_menu = True
    list_display = ["message", "page_path", "language", "created_at", "handled"]
    list_filter = ["handled", "language", "created_at"]
    search_fields = ["message", "page_path", "contact"]
    copy_view_enabled = False
    panels = [
        FieldPanel("page_path", read_only=True),
        FieldPanel("language", read_only=True),
        FieldPanel("created_at", read_only=True),
        FieldPanel("message", read_only=True),
        FieldPanel("contact", read_only=True),
        FieldPanel("handled"),
    ]


register_permission_policy(ProblemReport, ReceivedOnlyPolicy(ProblemReport))


@hooks.register("register_admin_viewset")
def register_problem_report_viewset():
    return ProblemReportViewSet("problem_reports")
