"""Editors see a message they understand, on the field, and nothing is saved."""

import pytest
from django.utils import translation

from services_directory.models import ServicePage

from .service_form import service_form_data

PERIOD = {
    "place": "",
    "weekday": "0",
    "opens": "09:00",
    "closes": "12:00",
    "valid_from": "",
    "valid_until": "",
}
EXCEPTION = {
    "place": "",
    "start_date": "2026-12-24",
    "end_date": "2026-12-31",
    "closed": "on",
    "opens": "",
    "closes": "",
    "reason": "Fêtes",
}


def post_new_service(client, directory, data):
    with translation.override("en"):
        return client.post(
            f"/admin/pages/add/services_directory/servicepage/{directory.pk}/",
            data,
            HTTP_ACCEPT_LANGUAGE="en",
        )


def errors_of(response):
    """The form's messages, read in English (the source language) whatever the test's."""
    with translation.override("en"):
        return read_errors(response)


def read_errors(response):
    form = response.context["form"]
    errors = {name: [str(e) for e in errs] for name, errs in form.errors.items()}
    for name, formset in form.formsets.items():
        for index, form_errors in enumerate(formset.errors):
            for field, messages in form_errors.items():
                errors[f"{name}-{index}-{field}"] = [str(m) for m in messages]
    return errors


CASES = [
    ("no theme", {"theme": None}, "themes", "Choose at least one theme"),
    ("no access mode", {"access_mode": None}, "access_modes", "at least one way to access"),
    (
        "suspended without message",
        {"is_suspended": "on"},
        "suspension_message",
        "why the service is suspended",
    ),
    ("paid without details", {"cost": "paid"}, "cost_details", "how much it costs"),
    ("local phone number", {"phone": "022 306 06 70"}, "phone", "international format"),
    (
        "review in the future",
        {"last_reviewed": "2099-01-01"},
        "last_reviewed",
        "cannot be in the future",
    ),
    (
        "period ending before it starts",
        {"opening_periods": [{**PERIOD, "opens": "14:00", "closes": "10:00"}]},
        "opening_periods-0-closes",
        "",
    ),
    (
        "exception ending before it starts",
        {"hours_exceptions": [{**EXCEPTION, "start_date": "2026-12-31", "end_date": "2026-12-24"}]},
        "hours_exceptions-0-end_date",
        "",
    ),
    (
        "special hours without times",
        {"hours_exceptions": [{**EXCEPTION, "closed": ""}]},
        "hours_exceptions-0-",
        "",
    ),
]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("overrides", "field", "message"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_invalid_service_is_refused_with_a_message(
    site_tree, admin_client, theme, walk_in, overrides, field, message
):
    chosen = {"theme": theme, "access_mode": walk_in}
    chosen.update({k: overrides.pop(k) for k in ("theme", "access_mode") if k in overrides})
    data = service_form_data(chosen["theme"], chosen["access_mode"], **overrides)
    response = post_new_service(admin_client, site_tree.directory, data)
    assert response.status_code == 200
    errors = errors_of(response)
    matching = [name for name in errors if name.startswith(field)]
    assert matching, errors
    assert message in " ".join(m for name in matching for m in errors[name])
    assert not ServicePage.objects.exists()


@pytest.mark.django_db
def test_valid_night_period_past_midnight_is_accepted(site_tree, admin_client, theme, walk_in):
    data = service_form_data(
        theme,
        walk_in,
        opening_periods=[{**PERIOD, "opens": "20:00", "closes": "02:00", "ends_next_day": "on"}],
    )
    response = post_new_service(admin_client, site_tree.directory, data)
    assert response.status_code == 302
    service = ServicePage.objects.get(locale__language_code="fr")
    assert service.opening_periods.get().closes.hour == 2
