"""``import_data_inclusion``: the data·inclusion export of a site, imported into the same
site emptied, comes back as drafts which, once published, export the same records; a
dry run writes nothing, a second import changes nothing, an invalid record is reported
and skipped. The reverse mapping of hours and ways in is checked on its own."""

import copy
import json
from io import StringIO

import pytest
from django.core.management import call_command

from opendata.datainclusion_import import (
    DataInclusionImporter,
    Invalid,
    kind_of,
    read_records,
    weekly_hours,
)
from opendata.models import ImportedRecord
from places.models import Organisation, Place
from services_directory.models import ServicePage
from taxonomy.models import AccessMode

from .conftest import build_directory
from .test_hsds_import import empty_the_directory, export, publish_imported, without_ids

pytestmark = pytest.mark.django_db

# What a Swiss address loses on the way out (the schema's postcodes have five digits)
# cannot come back: without a street, no place, so no commune, coordinates nor
# « en-presentiel ».
SWISS_LOSS = {"commune", "latitude", "longitude", "modes_accueil"}


@pytest.fixture(scope="module")
def module_export(module_site_tree, django_db_blocker, tmp_path_factory):
    """The directory exported once, then emptied (its vocabularies kept)."""
    folder = tmp_path_factory.mktemp("data-inclusion")
    with django_db_blocker.unblock():
        build_directory(module_site_tree)
        export(folder, "data-inclusion")
        empty_the_directory()
    return folder


@pytest.fixture
def folder(module_export, site_tree):
    return module_export


def import_data_inclusion(path, *arguments):
    out = StringIO()
    call_command("import_data_inclusion", str(path), "--source=test", *arguments, stdout=out)
    return out.getvalue()


def comparable(records):
    """``records`` without their ids and dates, sorted."""
    return without_ids([{k: v for k, v in r.items() if k != "date_maj"} for r in records])


def test_a_dry_run_writes_nothing(folder):
    output = import_data_inclusion(folder, "--dry-run")
    assert output.count("created\tservice") == 3
    assert "Dry run, nothing written: " in output
    assert not ServicePage.objects.exists()
    assert not Place.objects.exists()
    assert not Organisation.objects.exists()
    assert not ImportedRecord.objects.exists()


def test_imported_and_published_services_export_the_same_records(folder, tmp_path):
    output = import_data_inclusion(folder)
    assert output.count("created\tservice") == 3, output
    assert output.count("created\torganization") == 1  # the CCAS; the site's own is none
    assert output.count("created\tlocation") == 1  # Issy; the Swiss address has no street
    # Drafts for review: nothing reaches residents before an editor publishes it.
    assert not ServicePage.objects.live().exists()
    assert not Place.objects.for_residents().exists()
    assert not Organisation.objects.for_residents().exists()
    publish_imported()
    export(tmp_path, "data-inclusion")
    structures, services = read_records(folder)
    structures_again, services_again = read_records(tmp_path)
    assert comparable(structures_again) == comparable(structures)
    swiss = [r for r in services if r.get("commune") == "Vernier"]
    assert len(swiss) == 1
    assert len(services_again) == len(services) == 3
    lost = [{k: v for k, v in r.items() if k not in SWISS_LOSS} for r in swiss]
    others = [r for r in services if r not in swiss]
    assert comparable(services_again) == comparable(others + lost)


def test_a_second_import_changes_nothing(folder):
    import_data_inclusion(folder)
    revisions = list(ServicePage.objects.order_by("pk").values_list("latest_revision", flat=True))
    output = import_data_inclusion(folder)
    assert "created" not in output
    assert "updated" not in output
    assert output.count("unchanged\tservice") == 3
    assert (
        list(ServicePage.objects.order_by("pk").values_list("latest_revision", flat=True))
        == revisions
    )


def test_a_changed_record_updates_its_draft(folder):
    import_data_inclusion(folder)
    structures, services = read_records(folder)
    services[0]["description"] = "Nouveau résumé."
    outcomes = DataInclusionImporter("test", structures).run(services)
    assert [o.status for o in outcomes if o.kind == "service"] == [
        "updated",
        "unchanged",
        "unchanged",
    ]
    page = ServicePage.objects.get(title=services[0]["nom"])
    assert page.get_latest_revision_as_object().summary == "Nouveau résumé."
    assert ServicePage.objects.count() == 3


def test_invalid_records_are_reported_and_skipped_the_others_imported(folder):
    structures, good = read_records(folder)
    record = next(r for r in good if r.get("telephone"))
    unknown_need, bad_phone, garbled_hours, unknown_public, wrong_shape = (
        copy.deepcopy(record) | {"id": name} for name in "abcde"
    )
    unknown_need["thematiques"] = ["inconnu--thematique"]
    bad_phone["telephone"] = "022 306"
    garbled_hours["horaires_accueil"] = "Jan-Mar Mo 09:00-12:00"
    unknown_public["publics"] = ["martiens"]
    wrong_shape["thematiques"] = "logement-hebergement--se-maintenir-dans-le-logement"
    outcomes = DataInclusionImporter("test", structures).run(
        [unknown_need, bad_phone, *good, garbled_hours, unknown_public, wrong_shape]
    )
    invalid = {o.source_id: o.reason for o in outcomes if o.status == "invalid"}
    assert set(invalid) == {"a", "b", "c", "d", "e"}
    assert "inconnu--thematique" in invalid["a"]
    assert "+41 22 306 06 60" in invalid["b"]  # the format expected, in any language
    assert "Jan-Mar" in invalid["c"]
    assert "martiens" in invalid["d"]
    assert "thematiques" in invalid["e"]
    assert ServicePage.objects.count() == 3
    assert not ImportedRecord.objects.filter(source_id__in=list("abcde")).exists()


def test_one_json_file_of_structures_and_services(folder, tmp_path):
    structures, services = read_records(folder / "fr")
    path = tmp_path / "export.json"
    path.write_text(json.dumps({"structures": structures, "services": services}))
    assert read_records(path) == (structures, services)
    assert import_data_inclusion(path).count("created\tservice") == 3


# Pure reverse mappings: no database


@pytest.mark.parametrize(
    ("text", "hours"),
    [
        (
            "Mo 09:00-12:00,14:00-17:00; We 14:00-16:00",
            {0: [("09:00", "12:00"), ("14:00", "17:00")], 2: [("14:00", "16:00")]},
        ),
        ("Mo-We 08:30-12:30; PH off", {day: [("08:30", "12:30")] for day in range(3)}),
        (
            "Sa-Mo 10:00-24:00",
            {5: [("10:00", "00:00")], 6: [("10:00", "00:00")], 0: [("10:00", "00:00")]},
        ),
        (
            "Mo-Fr 09:00-17:00; We off",
            {
                0: [("09:00", "17:00")],
                1: [("09:00", "17:00")],
                2: [],
                3: [("09:00", "17:00")],
                4: [("09:00", "17:00")],
            },
        ),
        ("", {}),
    ],
)
def test_opening_hours_are_read_as_weekly_periods(text, hours):
    assert weekly_hours(text) == hours


@pytest.mark.parametrize(
    "text",
    [
        "24/7",
        'Mo-Fr 09:00-12:00 "sur rendez-vous"',
        "SH off",
        "Mo 25:00-26:00",
        "Xy 09:00-10:00",
        "Mo",
    ],
)
def test_opening_hours_proxima_cannot_say_are_refused(text):
    with pytest.raises(Invalid):
        weekly_hours(text)


def test_ways_in_are_read_back_as_access_mode_kinds():
    assert kind_of("se-presenter", remote=False) == AccessMode.Kind.WALK_IN
    assert kind_of("utiliser-lien-mobilisation", remote=True) == AccessMode.Kind.ONLINE
    assert kind_of("envoyer-un-courriel", remote=True) == AccessMode.Kind.ONLINE
    # Phoning to come in is booking an appointment; phoning a remote service, the service.
    assert kind_of("telephoner", remote=False) == AccessMode.Kind.APPOINTMENT
    assert kind_of("telephoner", remote=True) == AccessMode.Kind.PHONE
    with pytest.raises(Invalid):
        kind_of("envoyer-un-pigeon", remote=False)
