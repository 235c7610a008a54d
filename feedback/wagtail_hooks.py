import datetime
from urllib.parse import urlencode

from django.db.models import Count
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Page
from wagtail.permission_policies.base import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from .models import HelpfulAnswer, ProblemReport


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


# Was this page helpful? Read by whoever reads the problem reports, next to them.
HELPFUL_DAYS = 90


class HelpfulAnswersView(ReportView):
    """Per page over the last days: how many found it helpful, how many not, and why."""

    page_title = _("Was this page helpful?")
    header_icon = "help"
    index_url_name = "helpful_answers"
    index_results_url_name = "helpful_answers_results"
    permission_policy = ModelPermissionPolicy(ProblemReport)
    permission_required = "view"
    columns = [
        TitleColumn("title", label=_("Page"), get_url=lambda row: row["edit_url"]),
        Column("language", label=_("Language")),
        Column("yes", label=_("Yes")),
        Column("no", label=_("No")),
        *[Column(reason.value, label=reason.label) for reason in HelpfulAnswer.Reason],
        TitleColumn(
            "problem_reports", label=_("Problem reports"), get_url=lambda row: row["reports_url"]
        ),
    ]
    list_export = ["title", "language", "url", "yes", "no", *HelpfulAnswer.Reason.values]

    def get_queryset(self):
        since = timezone.localdate() - datetime.timedelta(days=HELPFUL_DAYS)
        totals = HelpfulAnswer.objects.totals_by_page(since)
        pages = Page.objects.filter(pk__in=totals).select_related("locale").specific()
        rows = []
        for page in pages:
            counts = totals[page.pk]
            url = page.get_url() or ""
            rows.append(
                {
                    "title": page.get_admin_display_title(),
                    "language": page.locale.language_code,
                    "url": url,
                    "edit_url": reverse("wagtailadmin_pages:edit", args=[page.pk]),
                    "yes": counts["yes"],
                    "no": counts["no"],
                    **{reason: counts["reasons"].get(reason, 0) for reason in HelpfulAnswer.Reason},
                }
            )
        reports = dict(
            ProblemReport.objects.filter(page_path__in=[row["url"] for row in rows if row["url"]])
            .values_list("page_path")
            .annotate(total=Count("pk"))
        )
        index = reverse("problem_reports:index")
        for row in rows:
            row["problem_reports"] = reports.get(row["url"], 0)
            row["reports_url"] = f"{index}?{urlencode({'q': row['url']})}"
        # The pages most often found unhelpful first: where editors are needed.
        return sorted(rows, key=lambda row: (-row["no"], -row["yes"], row["title"]))


class ProblemReportReadersMenuItem(MenuItem):
    def is_shown(self, request):
        return HelpfulAnswersView.permission_policy.user_has_permission(request.user, "view")


@hooks.register("register_admin_urls")
def register_helpful_answers_urls():
    return [
        path("helpful-answers/", HelpfulAnswersView.as_view(), name="helpful_answers"),
        path(
            "helpful-answers/results/",
            HelpfulAnswersView.as_view(results_only=True),
            name="helpful_answers_results",
        ),
    ]


@hooks.register("register_admin_menu_item")
def register_helpful_answers_menu_item():
    # Right after "Problem reports" (menu order 220).
    return ProblemReportReadersMenuItem(
        _("Was this page helpful?"),
        reverse("helpful_answers"),
        name="helpful-answers",
        icon_name="help",
        order=221,
    )
