"""``import_hsds``: an export imported into an empty site comes back as drafts, which,
once published, export the same records; a dry run writes nothing, a second import
changes nothing, an invalid record is reported and skipped."""

import copy
import json
import tempfile
from io import StringIO
from pathlib import Path

from django.core.management import call_command
from django.test import TestCase
from wagtail.models import Page

from opendata.hsds.importer import Importer, read_services
from opendata.models import ImportedRecord
from places.models import Organisation, Place
from services_directory.models import ServicePage

from .test_hsds_api import build_feed

# What cannot come back the same: ids (new translation keys, and the ids derived from
# them) and the date of publication.
NOT_KEPT = {"last_modified"}


def export(folder, export_format="hsds-json"):
    call_command(
        "export_open_data", f"--format={export_format}", f"--output={folder}", stdout=StringIO()
    )
    if export_format == "hsds-json":
        return json.loads((Path(folder) / "fr" / "services.json").read_text(encoding="utf-8"))
    return None


def without_ids(data):
    """``data`` without its ids and what cannot round-trip, lists sorted."""
    if isinstance(data, dict):
        return {
            key: without_ids(value)
            for key, value in data.items()
            if key != "id" and not key.endswith("_id") and key not in NOT_KEPT
        }
    if isinstance(data, list):
        return sorted((without_ids(item) for item in data), key=json.dumps)
    return data


def import_hsds(path, *arguments):
    out = StringIO()
    call_command("import_hsds", str(path), "--source=test", *arguments, stdout=out)
    return out.getvalue()


def empty_the_directory():
    """The services, places and organisations gone, the vocabularies kept."""
    for page in ServicePage.objects.all():
        page.delete()
    Place.objects.all().delete()
    Organisation.objects.all().delete()


def publish_imported():
    for page in ServicePage.objects.all():
        page.get_latest_revision().publish()
    for model in (Organisation, Place):
        for snippet in model.objects.all():
            snippet.get_latest_revision().publish()


class RoundTrip(TestCase):
    """Each test imports the site's export into its emptied directory. Both are done once
    for the class: every test starts again from the empty directory, and reads the files."""

    @classmethod
    def setUpTestData(cls):
        build_feed()
        folder = tempfile.TemporaryDirectory()
        cls.addClassCleanup(folder.cleanup)
        cls.folder = Path(folder.name) / "export"
        cls.exported = export(cls.folder)
        empty_the_directory()

    def test_imported_and_published_services_export_the_same_records(self):
        output = import_hsds(self.folder)
        self.assertEqual(output.count("created\tservice"), 2)
        self.assertEqual(output.count("created\tlocation"), 1)
        self.assertEqual(output.count("created\torganization"), 1)
        # Drafts for review: nothing reaches residents before an editor publishes it.
        self.assertFalse(ServicePage.objects.live().exists())
        self.assertFalse(Place.objects.for_residents().exists())
        self.assertFalse(Organisation.objects.for_residents().exists())
        self.assertEqual(ServicePage.objects.count(), 2)
        publish_imported()
        with tempfile.TemporaryDirectory() as again:
            exported_again = export(Path(again) / "export")
        self.assertEqual(
            sorted(map(without_ids, exported_again), key=json.dumps),
            sorted(map(without_ids, self.exported), key=json.dumps),
        )

    def test_the_csv_tables_import_the_same_services(self):
        tables = Path(self.folder).with_name("tables")
        # The site again, exported as CSV tables.
        empty_the_directory()
        ImportedRecord.objects.all().delete()
        import_hsds(self.folder)
        publish_imported()
        export(tables, "hsds-csv")
        self.assertFalse((tables / "fr" / "services.json").exists())
        empty_the_directory()
        output = import_hsds(tables, "--source=tables")
        self.assertEqual(output.count("created\tservice"), 2, output)
        publish_imported()
        with tempfile.TemporaryDirectory() as again:
            exported_again = export(Path(again) / "export")
        self.assertEqual(
            sorted(map(without_ids, exported_again), key=json.dumps),
            sorted(map(without_ids, self.exported), key=json.dumps),
        )

    def test_a_dry_run_writes_nothing(self):
        output = import_hsds(self.folder, "--dry-run")
        self.assertIn("created\tservice", output)
        self.assertIn("Dry run, nothing written", output)
        self.assertFalse(ServicePage.objects.exists())
        self.assertFalse(Place.objects.exists())
        self.assertFalse(Organisation.objects.exists())
        self.assertFalse(ImportedRecord.objects.exists())

    def test_a_second_import_changes_nothing(self):
        import_hsds(self.folder)
        revisions = [page.latest_revision_id for page in ServicePage.objects.order_by("pk")]
        output = import_hsds(self.folder)
        self.assertNotIn("created", output)
        self.assertNotIn("updated", output)
        self.assertIn("unchanged\tservice", output)
        self.assertEqual(
            [page.latest_revision_id for page in ServicePage.objects.order_by("pk")], revisions
        )
        self.assertEqual(ServicePage.objects.count(), 2)
        self.assertEqual(Place.objects.count(), 1)

    def test_a_changed_record_updates_its_draft(self):
        import_hsds(self.folder)
        services = read_services(self.folder)
        services[0]["description"] = "Nouveau résumé."
        outcomes = Importer("test").run(services)
        self.assertEqual(
            [o.status for o in outcomes if o.kind == "service"], ["updated", "unchanged"]
        )
        page = ServicePage.objects.get(title=services[0]["name"])
        self.assertEqual(page.get_latest_revision_as_object().summary, "Nouveau résumé.")
        self.assertEqual(ServicePage.objects.count(), 2)

    def test_invalid_records_are_reported_and_skipped_the_others_imported(self):
        good = read_services(self.folder)
        nameless, bad_phone, unknown_term, garbled = (copy.deepcopy(good[0]) for _ in range(4))
        nameless["id"], bad_phone["id"], unknown_term["id"], garbled["id"] = "a", "b", "c", "d"
        garbled["service_at_locations"] = "Antenne des Avanchets"
        del nameless["name"]
        bad_phone["phones"] = [{"number": "022 306"}]
        unknown_term["attributes"][0]["taxonomy_term"] |= {"code": "inconnu", "name": "Inconnu"}
        outcomes = Importer("test").run([nameless, bad_phone, *good, unknown_term, garbled])
        invalid = {o.source_id: o.reason for o in outcomes if o.status == "invalid"}
        self.assertEqual(set(invalid), {"a", "b", "c", "d"})
        self.assertIn("title", invalid["a"])
        self.assertIn("+41 22 306 06 60", invalid["b"])  # the format expected, in any language
        self.assertIn("Inconnu", invalid["c"])
        self.assertEqual(ServicePage.objects.count(), 2)
        self.assertEqual(
            ImportedRecord.objects.filter(source_id__in=["a", "b", "c", "d"]).count(), 0
        )
        self.assertTrue(Page.objects.filter(title=good[0]["name"]).exists())
