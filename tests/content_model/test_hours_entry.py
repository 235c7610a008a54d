"""Faster entry of hours: one period typed once for several weekdays."""

import re

import pytest
from django.test import Client

from services_directory.models import ServicePage

from .service_form import service_form_data
from .test_validation import PERIOD, errors_of, post_new_service

pytestmark = pytest.mark.django_db


def with_days(data, index, days):
    """The form data with a period's “same hours on” days, posted as repeated keys."""
    data[f"opening_periods-{index}-also_on"] = days
    return data


def french_service():
    return ServicePage.objects.get(locale__language_code="fr")


def test_a_period_is_copied_to_the_days_ticked(site_tree, admin_client, theme, walk_in):
    afternoon = {**PERIOD, "weekday": "3", "opens": "14:00", "closes": "17:00"}
    data = service_form_data(theme, walk_in, opening_periods=[PERIOD, afternoon])
    with_days(data, 0, ["1", "3", "0"])
    response = post_new_service(admin_client, site_tree.directory, data)
    assert response.status_code == 302, errors_of(response)
    periods = sorted(
        (p.weekday, f"{p.opens:%H:%M}", f"{p.closes:%H:%M}")
        for p in french_service().opening_periods.all()
    )
    assert periods == [
        (0, "09:00", "12:00"),
        (1, "09:00", "12:00"),
        (3, "09:00", "12:00"),
        (3, "14:00", "17:00"),
    ]


def test_the_same_rule_refuses_a_bad_period_and_its_copies(site_tree, admin_client, theme, walk_in):
    data = service_form_data(
        theme, walk_in, opening_periods=[{**PERIOD, "opens": "14:00", "closes": "10:00"}]
    )
    with_days(data, 0, ["1", "2"])
    response = post_new_service(admin_client, site_tree.directory, data)
    assert response.status_code == 200
    assert "opening_periods-0-closes" in errors_of(response)
    assert not ServicePage.objects.exists()


def test_a_day_that_is_not_a_weekday_is_refused(site_tree, admin_client, theme, walk_in):
    data = with_days(service_form_data(theme, walk_in, opening_periods=[PERIOD]), 0, ["9"])
    response = post_new_service(admin_client, site_tree.directory, data)
    assert response.status_code == 200
    assert "opening_periods-0-also_on" in errors_of(response)


def preview(client, rows):
    params = {"period-TOTAL_FORMS": len(rows), "period-INITIAL_FORMS": 0}
    for index, row in enumerate(rows):
        params.update({f"period-{index}-{name}": value for name, value in row.items()})
    return client.get("/admin/places/hours-preview/", params)


def test_the_preview_is_the_weekly_summary_residents_read(admin_client):
    response = preview(
        admin_client,
        [
            {"weekday": "0", "opens": "9h", "closes": "12:00", "also_on": ["2"]},
            {"weekday": "4", "opens": "14:00", "closes": ""},  # not a period yet: left out
            {"weekday": "4", "opens": "25:00", "closes": "18:00"},
            {"place": "", "weekday": "", "opens": "", "closes": ""},  # a row just added
        ],
    )
    assert response.status_code == 200
    rows = dict(
        re.findall(r"<th scope=\"row\">(\w+)</th><td>([^<]*)</td>", response.content.decode())
    )
    assert rows["lundi"] == rows["mercredi"] == "09:00–12:00"
    assert rows["mardi"] == rows["vendredi"] == "Fermé"


def test_the_preview_is_for_staff_and_bounded(admin_client):
    assert preview(Client(), []).status_code == 302
    too_many = [{"weekday": "0", "opens": "9:00", "closes": "10:00"}] * 71
    assert preview(admin_client, too_many).status_code == 400
    assert preview(admin_client, []).status_code == 200
