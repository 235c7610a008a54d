"""/<lang>/open-data/: the licence, the last export's files and date, the API."""

import json
import zipfile
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import translation

from opendata.published import check_licence
from services_directory.factories import ServicePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    settings.WAGTAILAPI_BASE_URL = "https://social.example.ch"
    return tmp_path


def export(export_format):
    call_command("export_open_data", f"--format={export_format}", stdout=StringIO())


def test_before_any_export_the_page_says_the_files_are_coming_and_offers_the_api(
    client, site_tree, media
):
    response = client.get("/fr/open-data/")
    assert response.status_code == 200
    with translation.override("fr"):
        waiting = translation.gettext(
            "The files are being prepared and will be here soon. Meanwhile, the same data "
            "can be read through the API below."
        )
    page = response.content.decode()
    assert waiting.startswith("Les fichiers")
    assert waiting in page
    assert "Licence Ouverte / Open Licence 2.0" in page
    assert 'href="https://www.etalab.gouv.fr/licence-ouverte-open-licence/" hreflang="fr"' in page
    assert "https://social.example.ch/api/hsds/v3/" in page


def test_the_page_offers_each_exported_format_as_one_archive_with_its_date(
    client, site_tree, media
):
    ServicePageFactory(parent=site_tree.directory, title="Permanence logement")
    export("hsds-json")
    export("hsds-csv")
    page = client.get("/ar/open-data/").content.decode()
    for export_format in ("hsds-json", "hsds-csv"):
        assert f'href="/media/open-data/{export_format}.zip"' in page
        assert f'href="/media/open-data/{export_format}/datapackage.json"' in page
        with zipfile.ZipFile(media / "open-data" / f"{export_format}.zip") as archive:
            names = archive.namelist()
            package = json.loads(archive.read("datapackage.json"))
        assert {resource["path"] for resource in package["resources"]} <= set(names)
        assert package["licenses"][0]["name"] == "etalab-2.0"
    assert "fr/services.json" in names or "fr/services.csv" in names
    with translation.override("ar"):
        assert translation.gettext("Download the data") in page


def test_an_unreadable_export_is_left_out_and_the_page_still_answers(client, site_tree, media):
    export("hsds-csv")
    (media / "open-data" / "hsds-csv" / "datapackage.json").write_text("{not json")
    response = client.get("/en/open-data/")
    assert response.status_code == 200
    assert "hsds-csv.zip" not in response.content.decode()


def test_the_page_is_read_only(client, site_tree):
    assert client.post("/fr/open-data/").status_code == 405


def test_an_unknown_licence_stops_the_checks(settings):
    settings.OPEN_DATA_LICENCE = "all-rights-reserved"
    assert [error.id for error in check_licence(None)] == ["opendata.E001"]
    settings.OPEN_DATA_LICENCE = "cc-by-4.0"
    assert check_licence(None) == []
