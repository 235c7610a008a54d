"""“My list”: services a resident keeps in their own browser, and its printable sheet.

The list itself lives only in the browser (``localStorage``, static/js/tools/my-list.js):
no cookie, nothing stored here. The server renders the page that shows it and, from the
page ids the browser sends in the query (``?id=12&id=40``), one printable sheet with each
service's places, hours, phone and QR code, from the live pages in the visitor's language.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from wagtail.models import Locale

from core.validators import holds_nul

from .models import ServicePage

MAX_SERVICES = 30
LARGEST_ID = 2**31 - 1


class ServiceIdsField(forms.Field):
    """Page ids, each a positive number, in the order given, each once."""

    widget = forms.MultipleHiddenInput
    default_error_messages = {
        "required": _("Your list is empty: no service was sent."),
        "invalid": _("The address holds something that is not a service number."),
        "too_many": ngettext_lazy(
            "A list can hold at most %(limit)d service.",
            "A list can hold at most %(limit)d services.",
            "limit",
        ),
    }

    def to_python(self, value):
        values = value if isinstance(value, list | tuple) else [value] if value else []
        if len(values) > MAX_SERVICES * 2:
            # Refused before reading: each value below would otherwise be checked.
            raise ValidationError(
                self.error_messages["too_many"] % {"limit": MAX_SERVICES}, code="too_many"
            )
        ids = []
        for item in values:
            text = str(item).strip()
            if not (text.isascii() and text.isdigit() and 0 < int(text) <= LARGEST_ID):
                raise ValidationError(self.error_messages["invalid"], code="invalid")
            if int(text) not in ids:
                ids.append(int(text))
        return ids

    def validate(self, value):
        super().validate(value)
        if len(value) > MAX_SERVICES:
            raise ValidationError(
                self.error_messages["too_many"] % {"limit": MAX_SERVICES}, code="too_many"
            )


class MyListForm(forms.Form):
    id = ServiceIdsField()


def services_in_language(ids, locale):
    """The live public services with these ids, each in ``locale`` when it exists there
    (else as it is), in the order of ``ids``."""
    chosen = ServicePage.objects.live().public().filter(pk__in=ids).only("translation_key")
    key_of = {page.pk: page.translation_key for page in chosen}
    keys = [key_of[pk] for pk in ids if pk in key_of]
    candidates = (
        ServicePage.objects.live()
        .public()
        .filter(translation_key__in=keys)
        .filter(locale=locale)
        .with_card_data()
        .select_related("locale")
    )
    by_key = {page.translation_key: page for page in candidates}
    missing = [pk for pk in ids if pk in key_of and key_of[pk] not in by_key]
    if missing:
        for page in ServicePage.objects.filter(pk__in=missing).with_card_data():
            by_key[page.translation_key] = page
    return [by_key[key] for key in dict.fromkeys(keys) if key in by_key]


def sheet_entry(service, now):
    return {
        "service": service,
        "places": [
            {
                "place": place,
                "weekly_summary": hours.weekly_summary(),
                "status": hours.status(now),
            }
            for place, hours in service.hours_by_place()
        ],
    }


@require_GET
def my_list(request):
    """The list's page: the browser fills it in; without JavaScript it says what to do."""
    return TemplateResponse(
        request, "services_directory/my_list.html", {"max_services": MAX_SERVICES}
    )


@never_cache  # the services one keeps are one's own business: no copy in any cache
@require_GET
def my_list_sheet(request):
    # A NUL is refused before any field reads it (core.validators.holds_nul).
    form = None if holds_nul(request.GET) else MyListForm(request.GET)
    if form is None or not form.is_valid():
        errors = form.errors.get("id", []) if form is not None else []
        return TemplateResponse(
            request,
            "services_directory/my_list_invalid.html",
            {"errors": errors or [ServiceIdsField.default_error_messages["invalid"]]},
            status=400,
        )
    ids = form.cleaned_data["id"]
    services = services_in_language(ids, Locale.get_active())
    now = timezone.now()
    return TemplateResponse(
        request,
        "services_directory/my_list_sheet.html",
        {
            "entries": [sheet_entry(service, now) for service in services],
            "unavailable": len(ids) - len(services),
        },
    )
