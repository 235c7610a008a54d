"""Another directory's HSDS 3.0 services, brought in as drafts for review.

``import_hsds`` reads the ``hsds-json`` export's layout (or one file of services) and
makes each service a draft ``ServicePage`` (never published: an editor reviews and
publishes it), its organisation and places draft snippets (``core.moderation``). An
``ImportedRecord`` remembers which record of which source became which object, so a
second import of the same file changes nothing and a newer one updates the same drafts.

Each service is all or nothing (one transaction with its organisation and places). A
record Proxima cannot take (no name, a bad phone number, a term it does not know…) is
reported with the reason and skipped. Terms are matched by slug, then name, in the
site's source language; they are never created, since a term is not moderated and
would reach residents at once. One language is imported: the source language's.
"""

import contextlib
import datetime
import json
from dataclasses import dataclass
from pathlib import Path

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.html import escape
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.models import Locale

from core.i18n import source_language
from opendata.models import ImportedRecord
from places.identifiers import IDENTIFIER_FIELDS
from places.models import Commune, Organisation, Place, PlaceHoursException, PlaceOpeningPeriod
from services_directory.models import (
    ServiceHoursException,
    ServiceIndexPage,
    ServiceOpeningPeriod,
    ServicePage,
    ServicePlace,
    ServiceRequiredDocument,
)
from taxonomy.models import AccessibilityFeature, SpokenLanguage

from . import tabular
from .records import (
    Invalid,
    cleaned,
    cost_of,
    digest,
    first_phone,
    free_slug,
    hours_of,
    organisation_of,
    slug_of,
)
from .serializers import TAXONOMIES

CREATED, UPDATED, UNCHANGED, INVALID = "created", "updated", "unchanged", "invalid"
COMMUNE_REGISTERS = {"INSEE": "FR", "OFS": "CH"}


@dataclass(frozen=True)
class Outcome:
    kind: str
    source_id: str
    name: str
    status: str
    reason: str = ""


def read_services(path, language=None):
    """The services of an export folder (``<language>/services.json``, or the CSV
    tables of ``hsds-csv``), or of one JSON file: a list of services, an API page
    (``contents``) or one service."""
    path = Path(path)
    if path.is_dir():
        path = path / (language or source_language())
        if not (path / "services.json").exists() and (path / "services.csv").exists():
            return tabular.Reader(path).services()
        path = path / "services.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    if isinstance(data, dict):
        data = data.get("contents", [data])
    if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
        raise ValueError("not a list of HSDS services")
    return data


class Importer:
    """Imports services of ``source`` into the source language's directory."""

    def __init__(self, source, dry_run=False):
        self.source = source
        self.dry_run = dry_run
        self.locale = Locale.objects.get(language_code=source_language())
        self.outcomes = []
        self.seen = {}

    def run(self, services):
        """Imports each service in a transaction of its own; a dry run in one more, rolled
        back at the end."""
        with transaction.atomic() if self.dry_run else contextlib.nullcontext():
            for record in services:
                self.service(record)
            if self.dry_run:
                transaction.set_rollback(True)
        return self.outcomes

    # The mapping

    def mapped(self, model, source_id):
        link = ImportedRecord.objects.filter(
            source=self.source,
            content_type=ContentType.objects.get_for_model(model),
            source_id=source_id,
        ).first()
        if link is None:
            return None, None
        return link, model.objects.filter(pk=link.object_id).first()

    def remember(self, model, source_id, instance, record):
        ImportedRecord.objects.update_or_create(
            source=self.source,
            content_type=ContentType.objects.get_for_model(model),
            source_id=source_id,
            defaults={"object_id": instance.pk, "digest": digest(record)},
        )

    def save(self, kind, model, record, build):
        """The draft made from ``record``, created or updated when the record is new or
        changed: ``build(current)`` fills the latest draft (None: a new object), saves it as
        a draft and returns it."""
        source_id = str(record.get("id") or "")
        if (kind, source_id) in self.seen:
            return self.seen[(kind, source_id)]
        if not source_id:
            raise Invalid(_("The record has no id."))
        link, existing = self.mapped(model, source_id)
        if existing is not None and link.digest == digest(record):
            status = UNCHANGED
            instance = existing
        else:
            current = existing.get_latest_revision_as_object() if existing else None
            instance = build(current)
            status = UPDATED if existing else CREATED
            self.remember(model, source_id, instance, record)
        self.outcomes.append(Outcome(kind, source_id, record.get("name", ""), status))
        self.seen[(kind, source_id)] = instance
        return instance

    # Terms

    def term(self, model, code, name):
        terms = model.objects.filter(locale=self.locale)
        found = terms.filter(slug=code).first() if code else None
        found = found or (terms.filter(name__iexact=name).first() if name else None)
        if found is None:
            raise Invalid(
                _("Unknown %(vocabulary)s: “%(term)s”.")
                % {"vocabulary": model._meta.verbose_name, "term": name or code}
            )
        return found

    # Organisations and places

    def organisation(self, record):
        def build(current):
            identifiers = {
                item.get("identifier_type"): item.get("identifier")
                for item in record.get("organization_identifiers", [])
            }
            data = cleaned(
                Organisation,
                {
                    "name": record.get("name", ""),
                    "kind": current.kind if current else Organisation.Kind.PUBLIC_BODY,
                    "description": record.get("description", ""),
                    "website": record.get("website", ""),
                    "email": record.get("email", ""),
                    **{name: identifiers.get(kind, "") for name, kind in IDENTIFIER_FIELDS},
                    # A service's organisation is a summary without phones: only a record
                    # that carries them (a full organisation, a data·inclusion structure)
                    # replaces the phone an editor may have given.
                    **({"phone": first_phone(record)} if "phones" in record else {}),
                },
            )
            organisation = current or Organisation(locale=self.locale, live=False)
            for name, value in data.items():
                setattr(organisation, name, value)
            return self.save_snippet(organisation)

        return self.save("organization", Organisation, record, build)

    def place(self, record, organisation):
        def build(current):
            address = (record.get("addresses") or [{}])[0]
            notes = url = ""
            features = []
            for entry in record.get("accessibility", []):
                if entry.get("url"):
                    url = entry["url"]
                elif entry.get("description"):
                    features.append(self.term(AccessibilityFeature, None, entry["description"]))
                else:
                    notes = entry.get("details", "")
            data = cleaned(
                Place,
                {
                    "name": record.get("name", ""),
                    "kind": current.kind if current else Place.Kind.PARTNER,
                    "street_address": address.get("address_1", ""),
                    "commune": address.get("city", ""),
                    "postcode": address.get("postal_code", ""),
                    "country": address.get("country", ""),
                    "region": address.get("state_province", ""),
                    "latitude": record.get("latitude"),
                    "longitude": record.get("longitude"),
                    "transit": record.get("transportation", ""),
                    "phone": first_phone(record),
                    "accessibility_notes": notes,
                    "accessibility_url": url,
                },
            )
            place = current or Place(
                locale=self.locale,
                live=False,
                slug=free_slug(
                    slugify(data["name"])[:110],
                    Place.objects.filter(locale=self.locale).values_list("slug", flat=True),
                ),
            )
            for name, value in data.items():
                setattr(place, name, value)
            place.organisation = organisation
            place.accessibility_features = features
            periods, exceptions = hours_of(record.get("schedules"))
            place.opening_periods = [PlaceOpeningPeriod(**period) for period in periods]
            place.hours_exceptions = [PlaceHoursException(**fields) for fields in exceptions]
            return self.save_snippet(place)

        return self.save("location", Place, record, build)

    def save_snippet(self, snippet):
        if snippet.pk is None:
            snippet.save()
        snippet.save_revision()
        return snippet

    # Services

    def service(self, record):
        """One service with its organisation and places: all saved, or none."""
        outcomes, seen = list(self.outcomes), dict(self.seen)
        try:
            with transaction.atomic():
                self.build_service(self.hsds(record))
        except (Invalid, ValidationError, AttributeError, KeyError, TypeError, ValueError) as error:
            # Its transaction is rolled back: so are the outcomes it reported.
            self.outcomes, self.seen = outcomes, seen
            if isinstance(error, ValidationError):
                reason = " ".join(error.messages)
            elif isinstance(error, Invalid):
                reason = error
            else:  # a field of the wrong shape, e.g. a text where a list is expected
                reason = _("Unreadable record: %(error)s") % {"error": error}
            self.outcomes.append(
                Outcome(
                    "service",
                    str(record.get("id", "")),
                    self.name_of(record),
                    INVALID,
                    str(reason),
                )
            )

    # Another format's importer reads its records as HSDS services (raising Invalid for
    # what it cannot say in HSDS), inside the service's transaction: a record it cannot
    # read is reported like any other.

    def hsds(self, record):
        """The HSDS service ``record`` describes."""
        return record

    def name_of(self, record):
        """The record's name, for its line in the report."""
        return record.get("name", "")

    def service_fields(self, record):
        """The values of the service page's own fields, judged by its form."""
        cost = (record.get("cost_options") or [{}])[0]
        contact = (record.get("contacts") or [{}])[0]
        suspended = record.get("status") == "temporarily closed"
        return {
            "title": record.get("name", ""),
            "summary": record.get("description", ""),
            "email": record.get("email", ""),
            "phone": first_phone(record),
            "is_suspended": suspended,
            "suspension_message": record.get("alert", "") if suspended else "",
            "cost": cost_of(cost),
            "cost_details": cost.get("amount_description", ""),
            "fee_amount": cost.get("amount") if cost.get("currency") else None,
            "fee_currency": cost.get("currency", ""),
            "minimum_age": record.get("minimum_age"),
            "maximum_age": record.get("maximum_age"),
            "contact_person": contact.get("name", ""),
            "contact_role": contact.get("title", ""),
            "last_reviewed": record.get("assured_date") or datetime.date.today(),
        }

    def build_service(self, record):
        organisation = (
            self.organisation(record["organization"]) if record.get("organization") else None
        )
        links = []
        service_periods, service_exceptions = hours_of(record.get("schedules"))
        own_periods = [(None, period) for period in service_periods]
        own_exceptions = [(None, exception) for exception in service_exceptions]
        for at_location in record.get("service_at_locations", []):
            location = at_location.get("location")
            if not location:
                continue
            place = self.place(location, organisation_of(location, organisation))
            links.append(ServicePlace(place=place, note=at_location.get("description", "")))
            # The hours there that are not the place's own are the service's.
            periods, exceptions = hours_of(at_location.get("schedules"))
            place_periods, place_exceptions = hours_of(location.get("schedules"))
            if periods != place_periods:
                own_periods += [(place, period) for period in periods]
            own_exceptions += [
                (place, exception)
                for exception in exceptions
                if exception not in place_exceptions and exception not in service_exceptions
            ]

        def build(current):
            data = cleaned(ServicePage, self.service_fields(record))
            page = current or ServicePage(locale=self.locale, live=False)
            for name, value in data.items():
                setattr(page, name, value)
            eligibility = record.get("eligibility_description", "")
            page.eligibility = f"<p>{escape(eligibility)}</p>" if eligibility else ""
            page.organisation = organisation
            self.classify(page, record)
            page.communes_served = [self.commune(area) for area in record.get("service_areas", [])]
            page.required_documents = [
                ServiceRequiredDocument(document=item["document"][:200])
                for item in record.get("required_documents", [])
            ]
            page.service_places = links
            page.opening_periods = [
                ServiceOpeningPeriod(place=place, **period) for place, period in own_periods
            ]
            page.hours_exceptions = [
                ServiceHoursException(place=place, **fields) for place, fields in own_exceptions
            ]
            if page.pk is None:
                page.slug = free_slug(
                    slug_of(record) or slugify(page.title),
                    self.directory().get_children().values_list("slug", flat=True),
                )
                self.directory().add_child(instance=page)
            page.save_revision()
            return page

        return self.save("service", ServicePage, record, build)

    def classify(self, page, record):
        chosen = {taxonomy.field: [] for taxonomy in TAXONOMIES}
        by_slug = {taxonomy.slug: taxonomy for taxonomy in TAXONOMIES}
        for attribute in record.get("attributes", []):
            taxonomy = by_slug.get(attribute.get("link_type"))
            term = attribute.get("taxonomy_term", {})
            if taxonomy is None:
                raise Invalid(
                    _("Unknown taxonomy: “%(taxonomy)s”.")
                    % {"taxonomy": attribute.get("link_type")}
                )
            chosen[taxonomy.field].append(
                self.term(taxonomy.model, term.get("code"), term.get("name"))
            )
        for field, terms in chosen.items():
            setattr(page, field, terms)
        for field in ("themes", "access_modes"):
            if not chosen[field]:
                raise Invalid(ServicePage._meta.get_field(field).help_text)
        page.spoken_languages = [
            self.spoken_language(language) for language in record.get("languages", [])
        ]

    def spoken_language(self, record):
        found = SpokenLanguage.objects.filter(locale=self.locale, code=record.get("code")).first()
        if found is None:
            raise Invalid(
                _("Unknown %(vocabulary)s: “%(term)s”.")
                % {"vocabulary": SpokenLanguage._meta.verbose_name, "term": record.get("code")}
            )
        return found

    def commune(self, area):
        register, _space, code = area.get("description", "").partition(" ")
        found = Commune.objects.filter(country=COMMUNE_REGISTERS.get(register), code=code).first()
        if found is None:
            raise Invalid(
                _("Unknown %(vocabulary)s: “%(term)s”.")
                % {"vocabulary": Commune._meta.verbose_name, "term": area.get("name", "")}
            )
        return found

    def directory(self):
        directory = ServiceIndexPage.objects.filter(locale=self.locale).first()
        if directory is None:
            raise Invalid(_("The site has no services directory to import into."))
        return directory
