"""What every editors' report in the admin shares: its addresses and who sees it."""

from django.urls import path
from wagtail.admin.menu import MenuItem
from wagtail.permission_policies.pages import PagePermissionPolicy


def can_edit_pages(user):
    """Anyone who can add, edit or publish pages."""
    return PagePermissionPolicy().user_has_any_permission(user, ["add", "change", "publish"])


class PageEditorsMenuItem(MenuItem):
    """Shown to anyone who can add, edit or publish pages."""

    def is_shown(self, request):
        return can_edit_pages(request.user)


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
