"""What every editors' report in the admin shares: its addresses, its menu item, who
sees it, and the name of its exported file."""

from django.urls import path, reverse
from django.utils import timezone
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies.pages import PagePermissionPolicy


def can_edit_pages(user):
    """Anyone who can add, edit or publish pages."""
    return PagePermissionPolicy().user_has_any_permission(user, ["add", "change", "publish"])


class PageEditorsMenuItem(MenuItem):
    """Shown to anyone who can add, edit or publish pages."""

    def is_shown(self, request):
        return can_edit_pages(request.user)


class DatedReportView(ReportView):
    """A report whose CSV and XLSX exports are named after it and today's date."""

    export_name = "report"

    def get_filename(self):
        return f"{self.export_name}-{timezone.localdate():%Y-%m-%d}"


def register_report(view_class, slug, label, icon, order, menu_item_class=PageEditorsMenuItem):
    """Adds the report at ``/admin/reports/<slug>/`` and to the Reports menu."""
    name = view_class.index_url_name

    def urls():
        return [
            path(f"reports/{slug}/", view_class.as_view(), name=name),
            path(
                f"reports/{slug}/results/",
                view_class.as_view(results_only=True),
                name=view_class.index_results_url_name,
            ),
        ]

    def menu_item():
        return menu_item_class(label, reverse(name), name=slug, icon_name=icon, order=order)

    hooks.register("register_admin_urls", urls)
    hooks.register("register_reports_menu_item", menu_item)
