"""The French directory in data·inclusion's schema: every record valid with the
``data-inclusion-schema`` package (warnings counted as errors), each field mapped."""

import json
from io import StringIO

import pytest
from data_inclusion.schema.v1 import Service, Structure
from django.core.management import call_command
from pydantic import ValidationError

from opendata import datainclusion

pytestmark = pytest.mark.django_db


def problems(model, record):
    """The package's errors and warnings about ``record`` (empty when valid)."""
    try:
        model.model_validate(record, context={"ignore_warnings": False})
    except ValidationError as error:
        return [f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in error.errors()]
    return []


def test_every_structure_and_service_is_valid_for_data_inclusion(directory):
    locale, _housing, _swiss = directory
    records = datainclusion.records(locale)
    assert len(records["services"]) == 3
    assert len(records["structures"]) == 2
    for record in records["structures"]:
        assert problems(Structure, record) == []
    for record in records["services"]:
        assert problems(Service, record) == []
    structures = {record["id"] for record in records["structures"]}
    assert {record["structure_id"] for record in records["services"]} == structures


def test_a_french_service_keeps_its_address_hours_codes_and_way_in(directory):
    locale, housing, _swiss = directory
    record = next(
        r for r in datainclusion.records(locale)["services"] if r["nom"].startswith("Prév")
    )
    assert record["id"] == f"proxima--{housing.translation_key}"
    assert record["nom"] == "Prévention des expulsions"  # no final full stop
    assert record["thematiques"] == ["logement-hebergement--se-maintenir-dans-le-logement"]
    assert record["publics"] == ["familles"]
    assert (record["frais"], record["frais_precisions"]) == ("payant", "Selon vos revenus.")
    assert (record["code_postal"], record["commune"]) == ("92130", "Issy-les-Moulineaux")
    assert record["adresse"] == "47 rue du Gouverneur Général Éboué"
    assert record["horaires_accueil"] == "Mo 09:00-12:00,14:00-17:00"
    assert record["modes_accueil"] == ["a-distance", "en-presentiel"]
    assert record["modes_mobilisation"] == ["se-presenter", "utiliser-lien-mobilisation"]
    assert record["lien_mobilisation"] == "https://rdv.example.fr/ccas"
    assert record["code_insee"] == "92040"
    assert record["zone_eligibilite"] == ["92040"]  # Vernier's OFS number has no place here
    structure = next(
        s for s in datainclusion.records(locale)["structures"] if s["id"] == record["structure_id"]
    )
    assert structure["siret"] == "73282932000074"


def test_a_swiss_service_without_organisation_keeps_its_commune_under_the_sites_structure(
    directory, settings
):
    settings.OPEN_DATA_SOURCE = "vernier"
    locale, _housing, swiss = directory
    records = datainclusion.records(locale)
    record = next(r for r in records["services"] if r["id"].endswith(str(swiss.translation_key)))
    assert record["commune"] == "Vernier"
    assert "code_postal" not in record  # 1214: four digits, the schema wants five
    assert "adresse" not in record
    assert record["publics"] == ["tous-publics"]
    assert record["frais"] == "gratuit"
    assert record["structure_id"] == "vernier--site"
    site = next(r for r in records["structures"] if r["id"] == "vernier--site")
    assert (site["nom"], site["courriel"]) == ("Pôle social", "accueil@example.fr")


def test_the_export_writes_the_french_directory_only(directory, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    call_command("export_open_data", "--format=data-inclusion", stdout=StringIO())
    folder = tmp_path / "open-data" / "data-inclusion"
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    assert {resource["path"] for resource in package["resources"]} == {
        "fr/structures.json",
        "fr/services.json",
    }
    services = json.loads((folder / "fr" / "services.json").read_text(encoding="utf-8"))
    assert [problems(Service, record) for record in services] == [[], [], []]
    assert (tmp_path / "open-data" / "data-inclusion.zip").is_file()
