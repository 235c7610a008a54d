"""The HSDS 3.0 API: answers valid against the standard's schemas, one feed per language,
stable ids, only live public services, hours as schedules, 400 for bad parameters,
constant queries."""

import csv
import datetime
import json
import tempfile
from io import StringIO
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Locale, PageViewRestriction

from localization.sync import synchronise_all_trees
from localization.translate import translate_object
from places.factories import OrganisationFactory, PlaceFactory
from places.models import Commune, PlaceHoursException
from services_directory.factories import ServicePageFactory
from services_directory.models import ServiceOpeningPeriod
from taxonomy.factories import (
    AccessibilityFeatureFactory,
    AudienceFactory,
    NeedFactory,
    SpokenLanguageFactory,
    ThemeFactory,
)
from tests.conftest import build_site_tree

from .hsds_schemas import STANDARD, errors, load, page_of, root_schema

API = "/api/hsds/v3"


def build_feed():
    """Two live services in Vernier (one suspended), a draft, a private page, a service
    translated into English and the untranslated copies in every other language."""
    tree = build_site_tree()
    theme = ThemeFactory(name="Logement", slug="logement")
    need = NeedFactory(name="Menace d’expulsion", slug="expulsion", theme=theme)
    organisation = OrganisationFactory(
        name="Ville de Vernier",
        description="Service social de la commune.",
        siret="22920050600017",
        swiss_uid="CHE-109.322.551",
    )
    place = PlaceFactory(
        name="Antenne des Avanchets",
        organisation=organisation,
        accessibility_url="https://acceslibre.beta.gouv.fr/app/avanchets/",
    )
    place.communes_served.set([Commune.objects.get(country="CH", code="6643")])
    place.accessibility_features.set(
        [AccessibilityFeatureFactory(name="Rampe d’accès", slug="rampe", is_step_free=True)]
    )
    place.accessibility_notes = "Porte automatique."
    place.save()
    PlaceHoursException.objects.create(
        place=place,
        start_date=timezone.localdate() + datetime.timedelta(days=3),
        reason="Formation du personnel",
    )
    legal = ServicePageFactory(
        parent=tree.directory,
        title="Permanence juridique",
        slug="permanence-juridique",
        summary="Un avocat répond gratuitement à vos questions.",
        themes=[theme],
        audiences=[AudienceFactory(name="Familles", slug="familles")],
        places=[place],
        spoken_languages=[SpokenLanguageFactory(code="ar", name="Arabe", name_local="العربية")],
        documents=["Pièce d’identité"],
        organisation=organisation,
        contact_person="Anne Dupont",
        publish=False,
    )
    legal.needs.set([need])
    legal.communes_served.set(Commune.objects.filter(country="CH", code__in=["6643", "6630"]))
    legal.minimum_age, legal.maximum_age = 18, 64
    ServiceOpeningPeriod.objects.create(
        page=legal, weekday=2, opens=datetime.time(14), closes=datetime.time(16)
    )
    legal.save_revision().publish()
    suspended = ServicePageFactory(
        parent=tree.directory,
        title="Aide aux impôts",
        slug="aide-impots",
        themes=[ThemeFactory(name="Argent", slug="argent")],
        places=[place],
        is_suspended=True,
        suspension_message="Suspendu jusqu’en mars : allez à l’Hôtel de Ville.",
        cost="paid",
        cost_details="Par déclaration.",
        fee_amount=20,
        fee_currency="CHF",
    )
    draft = ServicePageFactory(parent=tree.directory, title="Brouillon", slug="brouillon")
    draft.unpublish()
    private = ServicePageFactory(parent=tree.directory, title="Interne", slug="interne")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    synchronise_all_trees()
    english = Locale.objects.get(language_code="en")
    translate_object(tree.home, english, lambda text: f"EN {text}")
    translate_object(tree.directory, english, lambda text: f"EN {text}")
    translate_object(theme, english, lambda text: {"Logement": "Housing"}.get(text))
    translate_object(legal, english, lambda text: f"EN {text}")
    return legal, suspended, draft, private, place, organisation, need


class Feed(TestCase):
    @classmethod
    def setUpTestData(cls):
        (
            cls.legal,
            cls.suspended,
            cls.draft,
            cls.private,
            cls.place,
            cls.organisation,
            cls.need,
        ) = build_feed()

    def setUp(self):
        cache.clear()

    def get(self, path, **parameters):
        response = self.client.get(f"{API}{path}", parameters)
        self.assertEqual(response.status_code, 200, response.content)
        self.assertEqual(response["Access-Control-Allow-Origin"], "*")
        return response.json()

    def valid(self, path, schema, **parameters):
        data = self.get(path, **parameters)
        self.assertEqual(errors(data, schema), [])
        return data

    def listed(self, path, **parameters):
        return [item["id"] for item in self.get(path, **parameters)["contents"]]

    # Answers valid against the standard
    def test_the_root_gives_the_version_and_profile(self):
        data = self.valid("/", root_schema())
        self.assertEqual(data["version"], "3.0")

    def test_lists_validate_against_the_schemas_in_french_and_english(self):
        for language in ("fr", "en"):
            for path, schema in (
                ("/services", "compiled/service_list.json"),
                ("/organizations", "compiled/organization_list.json"),
                ("/taxonomies", "taxonomy.json"),
                ("/taxonomy_terms", "taxonomy_term.json"),
                ("/service_at_locations", "compiled/service_at_location_list.json"),
            ):
                with self.subTest(path=path, language=language):
                    data = self.valid(path, page_of(schema), lang=language)
                    self.assertFalse(data["empty"])

    def test_full_services_validate(self):
        data = self.valid("/services", page_of("compiled/service.json"), full="true")
        self.assertEqual(data["total_items"], 2)

    def test_a_service_and_an_organisation_validate(self):
        service = self.valid(f"/services/{self.legal.translation_key}", "compiled/service.json")
        self.assertEqual(service["organization_id"], str(self.organisation.translation_key))
        organisation = self.valid(
            f"/organizations/{self.organisation.translation_key}", "compiled/organization.json"
        )
        # It runs the place where both are delivered, but delivers only one.
        self.assertEqual([s["name"] for s in organisation["services"]], ["Permanence juridique"])
        self.assertEqual(organisation["locations"][0]["id"], str(self.place.translation_key))

    def test_a_taxonomy_a_term_and_a_service_at_a_location_validate(self):
        term = self.get("/taxonomy_terms", taxonomy_id="", search="Menace")["contents"][0]
        self.assertEqual(self.valid(f"/taxonomy_terms/{term['id']}", "taxonomy_term.json"), term)
        taxonomy = self.valid(f"/taxonomies/{term['taxonomy_id']}", "taxonomy.json")
        self.assertEqual(taxonomy, term["taxonomy_detail"])
        listed = self.get("/service_at_locations", search="avocat")["contents"][0]
        found = self.valid(
            f"/service_at_locations/{listed['id']}", "compiled/service_at_location.json"
        )
        self.assertEqual(found["service"]["name"], "Permanence juridique")
        self.assertEqual(len([s for s in found["schedules"] if s.get("freq")]), 2)
        for path in ("/taxonomy_terms", "/taxonomies", "/service_at_locations"):
            response = self.client.get(f"{API}{path}/{self.draft.translation_key}")
            self.assertEqual(response.status_code, 404)

    def test_a_proximity_search_validates(self):
        data = self.valid(
            "/service_at_locations",
            page_of("compiled/service_at_location_list.json"),
            postcode="1214",
            proximity="2000",
        )
        self.assertEqual(data["total_items"], 2)

    # What the feed holds

    def service(self, page, **parameters):
        return self.get(f"/services/{page.translation_key}", **parameters)

    def test_only_live_public_services_are_published(self):
        listed = self.listed("/services")
        self.assertEqual(
            sorted(listed),
            sorted([str(self.legal.translation_key), str(self.suspended.translation_key)]),
        )
        for hidden in (self.draft, self.private):
            response = self.client.get(f"{API}/services/{hidden.translation_key}")
            self.assertEqual(response.status_code, 404)
            self.assertIn("message", response.json())

    def test_ids_are_stable_across_calls_and_languages(self):
        first = self.service(self.legal)
        cache.clear()
        again = self.service(self.legal)
        english = self.service(self.legal, lang="en")
        self.assertEqual(first, again)
        self.assertEqual(english["id"], first["id"])
        self.assertEqual(english["name"], "EN Permanence juridique")

        def ids(service):
            return [s["id"] for s in service["service_at_locations"][0]["schedules"]]

        self.assertEqual(ids(english), ids(first))

    def test_untranslated_copies_are_not_presented_as_translations(self):
        self.assertEqual(self.listed("/services", lang="en"), [str(self.legal.translation_key)])
        self.assertEqual(self.listed("/services", lang="ti"), [])
        response = self.client.get(f"{API}/services/{self.suspended.translation_key}?lang=en")
        self.assertEqual(response.status_code, 404)

    def test_a_suspended_service_is_temporarily_closed_with_its_message(self):
        service = self.service(self.suspended)
        self.assertEqual(service["status"], "temporarily closed")
        self.assertEqual(service["alert"], "Suspendu jusqu’en mars : allez à l’Hôtel de Ville.")
        self.assertEqual(self.service(self.legal)["status"], "active")

    def test_split_days_are_several_weekly_schedules_and_closures_dated_ones(self):
        at_place = self.service(self.legal)["service_at_locations"][0]["schedules"]
        weekly = [s for s in at_place if s.get("freq") == "WEEKLY"]
        self.assertEqual(
            sorted((s["byday"], s["opens_at"][:5], s["closes_at"][:5]) for s in weekly),
            [("MO,TU,WE,TH,FR", "09:00", "12:00"), ("MO,TU,WE,TH,FR", "13:30", "17:00")],
        )
        closure = next(s for s in at_place if "freq" not in s)
        self.assertEqual(closure["description"], "Fermé")
        self.assertEqual(closure["notes"], "Formation du personnel")
        self.assertEqual(closure["valid_from"], closure["valid_to"])

    def test_hours_not_tied_to_a_place_are_the_services_own(self):
        (schedule,) = self.service(self.legal)["schedules"]
        self.assertEqual((schedule["byday"], schedule["opens_at"][:5]), ("WE", "14:00"))
        offset = timezone.localtime().utcoffset() or datetime.timedelta(0)
        self.assertEqual(schedule["timezone"], offset.total_seconds() / 3600)

    def test_languages_accessibility_terms_and_documents(self):
        service = self.service(self.legal)
        self.assertEqual(
            [(lang["code"], lang["name"]) for lang in service["languages"]], [("ar", "العربية")]
        )
        location = service["service_at_locations"][0]["location"]
        self.assertEqual(
            [
                (a.get("description"), a.get("details"), a.get("url"))
                for a in location["accessibility"]
            ],
            [
                ("Rampe d’accès", None, None),
                (None, "Porte automatique.", None),
                (
                    "Informations détaillées sur l’accessibilité",  # in the feed's language
                    None,
                    "https://acceslibre.beta.gouv.fr/app/avanchets/",
                ),
            ],
        )
        self.assertEqual(location["addresses"][0]["state_province"], "Genève")
        terms = {a["taxonomy_term"]["name"]: a["taxonomy_term"] for a in service["attributes"]}
        self.assertLessEqual({"Logement", "Menace d’expulsion", "Familles"}, set(terms))
        self.assertEqual(
            {a["link_type"] for a in service["attributes"]},
            {"themes", "needs", "audiences", "access-modes"},
        )
        self.assertEqual(terms["Menace d’expulsion"]["parent_id"], terms["Logement"]["id"])
        self.assertEqual(service["required_documents"][0]["document"], "Pièce d’identité")

    def test_ages_fees_areas_and_identifiers(self):
        service = self.service(self.legal)
        self.assertEqual((service["minimum_age"], service["maximum_age"]), (18, 64))
        self.assertEqual(
            [(a["name"], a["description"], a["uri"]) for a in service["service_areas"]],
            [
                ("Meyrin", "OFS 6630", "https://ld.admin.ch/municipality/6630"),
                ("Vernier", "OFS 6643", "https://ld.admin.ch/municipality/6643"),
            ],
        )
        self.assertEqual(service["cost_options"][0]["amount"], 0)
        self.assertEqual(
            [
                (i["identifier_type"], i["identifier"])
                for i in service["organization"]["organization_identifiers"]
            ],
            [("SIRET", "22920050600017"), ("UID", "CHE-109.322.551")],
        )
        # Without a catchment of its own, a service serves its places' communes.
        paid = self.service(self.suspended)
        self.assertEqual([a["name"] for a in paid["service_areas"]], ["Vernier"])
        self.assertEqual(
            {k: paid["cost_options"][0][k] for k in ("amount", "currency", "amount_description")},
            {"amount": 20.0, "currency": "CHF", "amount_description": "Par déclaration."},
        )
        self.assertNotIn("minimum_age", paid)

    def test_pages_follow_the_envelope(self):
        data = self.get("/services", per_page="1", page="2")
        self.assertEqual(
            {key: data[key] for key in ("total_items", "total_pages", "page_number", "size")},
            {"total_items": 2, "total_pages": 2, "page_number": 2, "size": 1},
        )
        self.assertEqual(
            (data["first_page"], data["last_page"], data["empty"]), (False, True, False)
        )
        beyond = self.get("/services", page="9")
        self.assertEqual((beyond["empty"], beyond["contents"]), (True, []))

    # Filters

    def test_by_term_organisation_and_modification_date(self):
        legal = [str(self.legal.translation_key)]
        self.assertEqual(
            self.listed("/services", taxonomy_term_id=str(self.need.translation_key)), legal
        )
        self.assertEqual(
            len(self.listed("/services", organization_id=str(self.organisation.translation_key))), 1
        )
        tomorrow = timezone.now() + datetime.timedelta(days=1)
        self.assertEqual(self.listed("/services", modified_after=tomorrow.isoformat()), [])
        self.assertEqual(len(self.listed("/services", modified_after="2020-01-01")), 2)

    def test_by_words(self):
        self.assertEqual(
            self.listed("/services", search="avocat gratuit"), [str(self.legal.translation_key)]
        )

    def test_service_at_locations_by_postcode_and_proximity(self):
        self.assertEqual(len(self.listed("/service_at_locations", postcode="1214")), 2)
        self.assertEqual(self.listed("/service_at_locations", postcode="92130"), [])
        # Issy-les-Moulineaux is hundreds of kilometres from Vernier.
        self.assertEqual(
            self.listed("/service_at_locations", postcode="92130", proximity="5000"), []
        )

    def test_terms_by_taxonomy(self):
        terms = self.get("/taxonomy_terms")["contents"]
        themes = next(term["taxonomy_id"] for term in terms if term["name"] == "Logement")
        self.assertIn(themes, [taxonomy["id"] for taxonomy in self.get("/taxonomies")["contents"]])
        names = {
            term["name"] for term in self.get("/taxonomy_terms", taxonomy_id=themes)["contents"]
        }
        self.assertLessEqual({"Logement", "Argent"}, names)
        self.assertNotIn("Familles", names)
        english = self.get("/taxonomy_terms", lang="en")["contents"]
        self.assertEqual(
            [(term["name"], term["language"]) for term in english], [("Housing", "en")]
        )

    # The export

    def test_the_export_writes_the_apis_objects_as_a_data_package(self):
        with tempfile.TemporaryDirectory() as folder:
            call_command(
                "export_open_data", "--format=hsds-json", f"--output={folder}", stdout=StringIO()
            )
            root = Path(folder)
            package = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
            services = json.loads((root / "fr" / "services.json").read_text(encoding="utf-8"))
            english = json.loads((root / "en" / "services.json").read_text(encoding="utf-8"))
        counts = {resource["name"]: resource["count"] for resource in package["resources"]}
        self.assertEqual((counts["services-fr"], counts["services-en"]), (2, 1))
        self.assertEqual(counts["services-ti"], 0)
        self.assertEqual(errors(services, {"items": {"$ref": "compiled/service.json"}}), [])
        legal = next(s for s in services if s["id"] == str(self.legal.translation_key))
        self.assertEqual(legal, self.get(f"/services/{self.legal.translation_key}"))
        self.assertEqual(english[0]["name"], "EN Permanence juridique")

    def test_the_csv_export_is_hsdss_tabular_layout_of_the_same_objects(self):
        with tempfile.TemporaryDirectory() as folder:
            call_command(
                "export_open_data", "--format=hsds-csv", f"--output={folder}", stdout=StringIO()
            )
            root = Path(folder)
            package = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
            tables = {
                resource["path"].removeprefix("fr/"): read_csv(root / resource["path"])
                for resource in package["resources"]
                if resource["language"] == "fr"
            }
        self.assertEqual(package["profile"], "tabular-data-package")
        ids = {}
        for path, (header, rows) in tables.items():
            schema = table_schema(path)
            with self.subTest(table=path):
                self.assertEqual(header, plain_fields(schema))
                for row in rows:
                    self.assertEqual(errors(typed(row, schema), schema), [])
                ids[schema["name"]] = {row["id"] for row in rows}
                self.assertEqual(len(ids[schema["name"]]), len(rows), "an object twice")
        # Every nested object points at its parent, and its parent is in the export.
        for path, (_header, rows) in tables.items():
            for row in rows:
                for parent in ("service", "location", "organization", "service_at_location"):
                    if row.get(f"{parent}_id"):
                        self.assertIn(row[f"{parent}_id"], ids[parent], f"{path}: {row}")
        legal = str(self.legal.translation_key)
        services = {row["id"]: row for row in tables["services.csv"][1]}
        self.assertEqual(services[legal]["name"], "Permanence juridique")
        self.assertEqual(
            services[str(self.suspended.translation_key)]["status"], "temporarily closed"
        )
        self.assertIn(
            ("Pièce d’identité", legal),
            {(row["document"], row["service_id"]) for row in tables["required_documents.csv"][1]},
        )
        self.assertIn(
            ("WE", legal),
            {(row["byday"], row["service_id"]) for row in tables["schedules.csv"][1]},
        )
        self.assertEqual({row["city"] for row in tables["addresses.csv"][1]}, {self.place.commune})


def read_csv(path):
    with path.open(encoding="utf-8", newline="") as file:
        reader = csv.DictReader(file)
        return reader.fieldnames, list(reader)


def table_schema(path):
    """The standard's schema of the object type whose table is ``path``."""
    return next(
        schema
        for schema in (load(file.name) for file in STANDARD.glob("*.json"))
        if schema.get("path") == path
    )


def plain_fields(schema):
    """The columns HSDS's tabular layout gives an object: its fields that are neither
    lists, nor objects, nor references to other objects, in order."""
    return [
        name
        for name, field in schema["properties"].items()
        if "$ref" not in field and field.get("type") not in ("array", "object")
    ]


def typed(row, schema):
    """A CSV row as the JSON object it stands for: numbers as numbers, empty cells absent
    (an empty text where the field is required)."""
    return {
        name: float(value) if schema["properties"][name].get("type") == "number" else value
        for name, value in row.items()
        if value != "" or name in schema.get("required", ())
    }


BAD_PARAMETERS = [
    "/services?page=0",
    "/services?page=abc",
    "/services?per_page=101",
    "/services?per_page=-1",
    "/services?taxonomy_term_id=logement",
    "/services?organization_id=%00",
    "/services?modified_after=yesterday",
    "/services?modified_after=0001-01-01",
    "/services?full=maybe",
    "/services?lang=xx",
    "/services?format=xml",
    "/services?search=%00aide",
    "/services?unknown=%00",
    "/services/not-a-uuid",
    "/organizations/12",
    "/taxonomy_terms?taxonomy_id=themes",
    "/service_at_locations?proximity=far&postcode=1214",
    "/service_at_locations?proximity=1000",
    "/service_at_locations?proximity=1000&postcode=00000",
    "/service_at_locations?proximity=nan&postcode=1214",
    "/?lang=%00",
]


@pytest.mark.django_db
@pytest.mark.parametrize("path", BAD_PARAMETERS)
def test_bad_parameters_are_a_400_with_a_json_message(site_tree, client, path):
    response = client.get(f"{API}{path}")
    assert response.status_code == 400, response.content
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response.json()["message"]


HOSTILE_VALUES = [
    "\x00",
    "𝔘𝔫𝔦",
    "-1",
    "1e309",
    "nan",
    "' OR 1=1 --",
    "9" * 60,
    " ",
    "%",
    "0001-01-01",
]
PARAMETERS = [
    "page",
    "per_page",
    "search",
    "taxonomy_term_id",
    "taxonomy_id",
    "organization_id",
    "modified_after",
    "full",
    "lang",
    "format",
    "postcode",
    "proximity",
]


@pytest.mark.django_db
def test_hostile_values_are_answered_never_a_500(site_tree, client):
    ServicePageFactory(parent=site_tree.directory, places=[PlaceFactory()])
    for name in PARAMETERS:
        for value in HOSTILE_VALUES:
            for extra in ({}, {"postcode": "1214"}):
                response = client.get(f"{API}/service_at_locations", {name: value, **extra})
                assert response.status_code in (200, 400), (name, value, response.content)
                assert response["Content-Type"].startswith("application/json")


@pytest.mark.django_db
def test_a_list_costs_the_same_queries_for_1_or_20_services(site_tree, client):
    place = PlaceFactory(organisation=OrganisationFactory(siret="22920050600017"))
    place.communes_served.set(Commune.objects.filter(country="CH", code__in=["6643", "6630"]))
    place.save()
    theme = ThemeFactory(name="Logement", slug="logement")

    def add(count):
        for _n in range(count):
            service = ServicePageFactory(
                parent=site_tree.directory,
                themes=[theme],
                places=[place],
                spoken_languages=[SpokenLanguageFactory(code="ar", slug="arabe")],
                documents=["Pièce d’identité"],
            )
            ServiceOpeningPeriod.objects.create(
                page=service, weekday=2, opens=datetime.time(14), closes=datetime.time(16)
            )
            service.save_revision().publish()

    def queries():
        counts = []
        for path in ("/services?full=true&per_page=100", "/service_at_locations?per_page=100"):
            cache.clear()
            with CaptureQueriesContext(connection) as captured:
                assert client.get(f"{API}{path}").status_code == 200
            counts.append(len(captured))
        return counts

    add(1)
    few = queries()
    add(19)
    assert queries() == few
