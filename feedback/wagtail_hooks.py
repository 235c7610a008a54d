import datetime
from urllib.parse import urlencode

from django.db.models import Count
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.generic.models import EditView
from wagtail.admin.views.reports import ReportView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Page
from wagtail.permission_policies.base import ModelPermissionPolicy
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import register_permission_policy

from core.reports import DatedReportView, can_edit_pages, register_report

from .models import CheckedLink, HelpfulAnswer, LinkOnPage, ProblemReport


class ReceivedOnlyPolicy(ModelPermissionPolicy):
    """Reports come from residents only: editors read them and mark them handled."""

    def user_has_permission(self, user, action):
        if action == "add":
            return False
        return super().user_has_permission(user, action)


class ProblemReportEditView(EditView):
    def save_instance(self):
        if "handled" in self.form.changed_data:
            self.form.instance.set_handled(self.form.cleaned_data["handled"], self.request.user)
        return super().save_instance()


class ProblemReportViewSet(ModelViewSet):
    model = ProblemReport
    icon = "warning"
    menu_label = _("Problem reports")
    menu_order = 220
    add_to_admin_menu = True
    edit_view_class = ProblemReportEditView
    list_display = [
        "message",
        # The address the resident was reading, as a link to it.
        TitleColumn("page_path", label=_("Page"), get_url=lambda report: report.page_path or None),
        "language",
        "created_at",
        Column("state", label=_("State"), accessor="state"),
    ]
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
        FieldPanel("handled_by", read_only=True),
        FieldPanel("handled_at", read_only=True),
    ]


report_policy = ReceivedOnlyPolicy(ProblemReport)
register_permission_policy(ProblemReport, report_policy)


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


# The link checker's findings (``manage.py check_links``), per page the user may change.
class BrokenLinksView(DatedReportView):
    page_title = _("Broken links")
    header_icon = "link-external"
    index_url_name = "broken_links"
    index_results_url_name = "broken_links_results"
    export_name = "broken-links"
    any_permission_required = ["add", "change", "publish"]
    permission_policy = PagePermissionPolicy()
    columns = [
        TitleColumn(
            "page",
            label=_("Page"),
            accessor=lambda row: row.page.get_admin_display_title(),
            get_url=lambda row: reverse("wagtailadmin_pages:edit", args=[row.page_id]),
        ),
        Column("language", label=_("Language"), accessor="page.locale.get_display_name"),
        TitleColumn(
            "url",
            label=_("Link"),
            accessor="link.url",
            get_url=lambda row: row.link.url,
        ),
        Column("answer", label=_("Answer"), accessor=lambda row: row.link.answer()),
        DateColumn("checked_at", label=_("Checked"), accessor="link.checked_at"),
    ]
    list_export = [
        "page.title",
        "page.locale.language_code",
        "link.url",
        "link.status",
        "link.error",
        "link.checked_at",
    ]
    export_headings = {
        "page.title": _("Page"),
        "page.locale.language_code": _("Language"),
        "link.url": _("Link"),
        "link.status": _("Status"),
        "link.error": _("Error"),
        "link.checked_at": _("Checked"),
    }

    def get_queryset(self):
        return broken_links_of(self.request.user)


def broken_links_of(user):
    """(page, broken link) pairs on the pages ``user`` may change, page by page."""
    editable = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
    return (
        LinkOnPage.objects.filter(
            link__in=CheckedLink.objects.broken(), page__in=editable.values("pk")
        )
        .select_related("link", "page", "page__locale")
        .order_by("page__title", "page__locale__language_code", "link__url")
    )


register_report(BrokenLinksView, "broken-links", _("Broken links"), "link-external", 55)


class ToHandlePanel(Component):
    """On the dashboard, below the review tasks: residents' reports not handled yet and
    broken links, counted for the person signed in."""

    name = "to_handle"
    order = 235
    template_name = "feedback/panels/to_handle.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context=None):
        user = self.request.user
        reports = report_policy.user_has_permission(user, "change")
        return {
            "reports_count": ProblemReport.objects.unhandled().count() if reports else None,
            "reports_url": reverse("problem_reports:index") + "?handled=false",
            "links_count": broken_links_of(user).count(),
            "links_url": reverse("broken_links"),
        }


@hooks.register("construct_homepage_panels")
def add_to_handle_panel(request, panels):
    if can_edit_pages(request.user):
        panels.append(ToHandlePanel(request))
