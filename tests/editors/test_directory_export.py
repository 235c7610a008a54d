"""Reports → Directory: every service for the team, filtered, exported as CSV and XLSX
with the same filters."""

import csv
import datetime
import io

import openpyxl
import pytest
from django.urls import reverse
from django.utils import timezone

from places.factories import OrganisationFactory
from services_directory.factories import ServicePageFactory
from taxonomy.factories import ThemeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def directory(site_tree):
    seniors = ThemeFactory(name="Seniors", slug="seniors")
    housing = ThemeFactory(name="Logement", slug="logement")
    commune = OrganisationFactory(name="Commune de Vernier")
    return {
        "seniors": seniors,
        "commune": commune,
        "club": ServicePageFactory(
            parent=site_tree.directory,
            title="Club des aînés",
            themes=[seniors],
            organisation=commune,
        ),
        "repas": ServicePageFactory(
            parent=site_tree.directory,
            title="Repas à domicile",
            themes=[seniors],
            last_reviewed=timezone.localdate() - datetime.timedelta(days=400),
            review_interval_months=6,
        ),
        "logement": ServicePageFactory(
            parent=site_tree.directory, title="Accès au logement", themes=[housing]
        ),
    }


def exported_rows(client, params):
    response = client.get(reverse("directory_report"), {**params, "export": "csv"})
    assert response.status_code == 200
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(content)))


def test_filters_apply_to_the_listing_and_the_exports(directory, client, member_of):
    client.force_login(member_of("Editors"))
    seniors = {"themes": directory["seniors"].pk}
    listing = client.get(reverse("directory_report"), seniors)
    assert [page.title for page in listing.context["object_list"]] == [
        "Club des aînés",
        "Repas à domicile",
    ]

    rows = exported_rows(client, seniors)
    assert rows[0][:4] == ["Service", "Langue", "Organisation", "Thèmes"]
    assert [(row[0], row[2], row[3]) for row in rows[1:]] == [
        ("Club des aînés", "Commune de Vernier", "Seniors"),
        ("Repas à domicile", "", "Seniors"),
    ]
    assert rows[1][-1].endswith("/fr/services/club-des-aines/")

    overdue = exported_rows(client, {**seniors, "review_overdue": "true"})
    assert [row[0] for row in overdue[1:]] == ["Repas à domicile"]
    by_organisation = exported_rows(client, {"organisation": directory["commune"].pk})
    assert [row[0] for row in by_organisation[1:]] == ["Club des aînés"]

    response = client.get(reverse("directory_report"), {**seniors, "export": "xlsx"})
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    assert [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)] == [
        "Club des aînés",
        "Repas à domicile",
    ]


def test_the_directory_report_is_refused_without_page_permissions(client, django_user_model):
    client.force_login(django_user_model.objects.create_user("visitor", "v@example.org", "pw"))
    assert client.get(reverse("directory_report")).status_code in (302, 403)
