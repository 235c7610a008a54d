"""Searches without results are residents' own words: Moderators read them, nobody else
but superusers (docs/privacy.md)."""

import datetime

import pytest
from django.urls import reverse

from search.models import ZeroResultSearch

REPORT = "/admin/reports/searches-without-results/"


@pytest.fixture
def frequent(site_tree):
    return ZeroResultSearch.objects.create(
        locale=site_tree.locale, query="souvent cherché", day=datetime.date.today(), count=7
    )


@pytest.mark.parametrize(
    ("group", "can_read"), [("Editors", False), ("Translators", False), ("Moderators", True)]
)
def test_only_moderators_read_the_statistics(client, member_of, frequent, group, can_read):
    client.force_login(member_of(group))
    response = client.get(REPORT)
    assert (response.status_code == 200) is can_read
    assert ("souvent cherché" in response.content.decode()) is can_read
    export = client.get(REPORT, {"export": "csv"})
    assert ("souvent cherché" in export.getvalue().decode()) is can_read
    reports_menu = client.get(reverse("wagtailadmin_home")).content.decode()
    assert (REPORT in reports_menu) is can_read


def test_superusers_read_them_too(client, django_user_model, frequent):
    client.force_login(django_user_model.objects.create_superuser("boss", "b@example.org", "pw"))
    assert "souvent cherché" in client.get(REPORT).content.decode()
