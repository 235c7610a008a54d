"""“Services to review”: live service pages whose last check is older than their interval.

One row per French service (the source: its translations share its review dates), with
the languages it is translated into.
"""

import collections

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from core.i18n import source_language
from core.reports import DatedReportView

from .models.service import ServicePage


def overdue_services(user, today=None):
    """Live French services the user may edit whose review date has passed, oldest first."""
    editable = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
    return (
        ServicePage.objects.live()
        .review_overdue(today or timezone.localdate())
        .filter(locale__language_code=source_language(), pk__in=editable.values("pk"))
        .select_related("locale")
        .order_by("review_due", "title")
    )


class ServicesToReviewView(DatedReportView):
    page_title = _("Services to review")
    header_icon = "date"
    index_url_name = "services_to_review"
    index_results_url_name = "services_to_review_results"
    export_name = "services-to-review"
    any_permission_required = ["add", "change", "publish"]
    permission_policy = PagePermissionPolicy()
    columns = [
        TitleColumn(
            "title",
            label=_("Service"),
            url_name="wagtailadmin_pages:edit",
        ),
        Column("locale", label=_("Language"), accessor="locale.get_display_name"),
        Column("translated_into", label=_("Translated into")),
        DateColumn("last_reviewed", label=_("Last checked")),
        DateColumn("review_due", label=_("Review due since")),
    ]
    list_export = [
        "title",
        "locale.language_code",
        "translated_into",
        "last_reviewed",
        "review_due",
        "url",
    ]
    export_headings = {
        "title": _("Service"),
        "locale.language_code": _("Language"),
        "translated_into": _("Translated into"),
        "last_reviewed": _("Last checked"),
        "review_due": _("Review due since"),
        "url": _("Address"),
    }

    def get_queryset(self):
        return overdue_services(self.request.user)

    def decorate_paginated_queryset(self, object_list):
        services = list(object_list)
        translated = collections.defaultdict(list)
        rows = (
            Page.objects.filter(
                translation_key__in=[service.translation_key for service in services],
                alias_of__isnull=True,
            )
            .exclude(locale__language_code=source_language())
            .order_by("locale__language_code")
            .values_list("translation_key", "locale__language_code")
        )
        for key, language in rows:
            translated[key].append(language)
        for service in services:
            # Language codes: short enough for a column of twelve languages.
            service.translated_into = ", ".join(translated[service.translation_key]) or "—"
        return services
