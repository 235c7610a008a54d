"""data·inclusion structures and services, brought in as drafts for review.

``import_data_inclusion`` reads what ``export_open_data --format data-inclusion`` writes
(``structures.json`` and ``services.json``, in the folder or its ``fr/``), or one JSON
file ``{"structures": [...], "services": [...]}``. Each service, with its structure, is
read as the HSDS service it describes and handed to the HSDS importer
(``opendata.hsds.importer``): the same drafts, mapping, fingerprints and reasons.

The reverse of ``opendata.datainclusion``'s mapping (docs/open-data.md):
- ``thematiques``: every need with that data·inclusion code, and their themes;
- ``publics``: every audience with that code; ``tous-publics``: no audience;
- ``modes_mobilisation``: the first access mode of the kind ``MOBILISATION`` exports as
  that code; ``telephoner`` (appointment or phone) is “by phone” when the service is
  offered at a distance (``modes_accueil``), else “by appointment”;
- ``horaires_accueil``: weekly periods of the service (``weekly_hours``);
- the address (street, postcode and commune all needed, as for Proxima's places): one
  place, the structure's own when the structure gives the same address;
- the structure: the organisation, unless it is this site's own (``<source>--site``):
  its services were the site's, without organisation.
A code Proxima has no term for makes the service invalid, as an unknown HSDS term does.
"""

import json
import re
from pathlib import Path

from django.utils.translation import gettext as _

from places.models import Organisation
from services_directory.models import ServicePage
from taxonomy.models import AccessMode, Audience, Need

from .datainclusion import (
    MOBILISATION,
    MOBILISATION_READ_AS,
    OSM_DAYS,
    REMOTE_KINDS,
    SITE_STRUCTURE,
    record_id,
)
from .hsds.ids import derived_id
from .hsds.importer import Importer
from .hsds.records import Invalid
from .hsds.serializers import DAYS, TAXONOMY_OF_MODEL

ALL_PUBLICS = "tous-publics"
ADDRESS = ("adresse", "code_postal", "commune")
FREE = "gratuit"
COSTS = {FREE: ServicePage.Cost.FREE, "payant": ServicePage.Cost.PAID}
# OpenStreetMap rules read as nothing: Proxima's weekly hours have no public holidays
# (closures are dated exceptions, given by editors), and a service closed on them is
# the rule, not news to residents. Any other rule Proxima cannot say is refused.
IGNORED_RULES = {"PH off", "PH closed"}
DAY_RANGE = re.compile(r"(?P<first>[A-Z][a-z])(?:-(?P<last>[A-Z][a-z]))?")
TIME_RANGE = re.compile(r"(?P<opens>\d{1,2}:\d{2})-(?P<closes>\d{1,2}:\d{2})")


def read_records(path):
    """``(structures, services)`` of a data·inclusion folder or JSON file."""
    path = Path(path)
    if path.is_dir():
        folder = path / "fr" if (path / "fr" / "services.json").exists() else path
        data = {
            name: json.loads((folder / f"{name}.json").read_text(encoding="utf-8"))
            for name in ("structures", "services")
        }
    else:
        data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or not all(
        isinstance(data.get(name), list) and all(isinstance(item, dict) for item in data[name])
        for name in ("structures", "services")
    ):
        raise ValueError("not data·inclusion structures and services")
    return data["structures"], data["services"]


# Hours


def unreadable(rule):
    return Invalid(_("Unreadable schedule: %(error)s") % {"error": f"“{rule}”"})


def weekdays_of(selector, rule):
    """``Mo-Fr,Su`` -> [0, 1, 2, 3, 4, 6] (a range may wrap: ``Sa-Mo``)."""
    weekdays = []
    for part in selector.split(","):
        match = DAY_RANGE.fullmatch(part)
        days = (match["first"], match["last"] or match["first"]) if match else ()
        if not days or not set(days) <= set(OSM_DAYS):
            raise unreadable(rule)
        first, last = (OSM_DAYS.index(day) for day in days)
        weekdays += [(first + step) % 7 for step in range((last - first) % 7 + 1)]
    return weekdays


def clock(value):
    """``09:00`` as it is written; ``24:00``, the end of the day, as ``00:00``."""
    hours, minutes = (int(part) for part in value.split(":"))
    if hours > 24 or minutes > 59 or (hours == 24 and minutes):
        raise ValueError(value)
    return f"{hours % 24:02d}:{minutes:02d}"


def weekly_hours(text):
    """``{weekday: [(opens, closes)]}`` of an OpenStreetMap ``opening_hours`` value, as far
    as Proxima's weekly hours can say it: rules ``<days> <times>`` or ``<days> off``
    separated by ``;``, a later rule replacing an earlier one on its days (as OpenStreetMap
    reads them). Anything else — months, weeks, dates, school holidays, comments, ``24/7``,
    open ends — is refused: better no hours than wrong ones."""
    hours = {}
    for rule in (part.strip() for part in (text or "").split(";")):
        if not rule or rule in IGNORED_RULES:
            continue
        selector, _space, times = rule.partition(" ")
        weekdays = weekdays_of(selector, rule)
        times = times.strip()
        periods = []
        if times not in ("off", "closed"):
            for part in times.split(","):
                match = TIME_RANGE.fullmatch(part.strip())
                if not match:
                    raise unreadable(rule)
                try:
                    periods.append((clock(match["opens"]), clock(match["closes"])))
                except ValueError as error:
                    raise unreadable(rule) from error
        for weekday in weekdays:
            hours[weekday] = periods
    return hours


def schedules(text):
    """The weekly hours as HSDS weekly schedules, one per day and period."""
    return [
        {"freq": "WEEKLY", "byday": DAYS[weekday], "opens_at": opens, "closes_at": closes}
        for weekday, periods in sorted(weekly_hours(text).items())
        for opens, closes in periods
    ]


# Terms


def codes(record, field):
    """The list of codes in ``field`` (a text there is a field of the wrong shape)."""
    value = record.get(field) or []
    if not isinstance(value, list):
        raise TypeError(f"{field}: {value!r}")
    return value


def unknown(vocabulary, code):
    """The HSDS importer's reason for a term it does not know, for a code."""
    return Invalid(
        _("Unknown %(vocabulary)s: “%(term)s”.") % {"vocabulary": vocabulary, "term": code}
    )


def attribute(term):
    """The HSDS attribute naming ``term``, which the importer finds again by slug."""
    return {
        "link_type": TAXONOMY_OF_MODEL[type(term)].slug,
        "taxonomy_term": {"code": term.slug, "name": term.name},
    }


def with_codes(model, wanted, locale):
    """Every term of ``model`` with one of these data·inclusion codes."""
    terms = list(model.objects.filter(locale=locale, datainclusion_code__in=wanted))
    for code in wanted:
        if not any(term.datainclusion_code == code for term in terms):
            raise unknown(model._meta.verbose_name, code)
    return terms


def kind_of(code, remote):
    """The access mode kind a way in stands for: ``MOBILISATION`` read backwards."""
    kinds = [kind for kind, exported in MOBILISATION.items() if exported == code]
    if code in MOBILISATION_READ_AS:
        kinds.append(MOBILISATION_READ_AS[code])
    if not kinds:
        raise unknown(AccessMode._meta.verbose_name, code)
    # A code several kinds share (telephoner): the remote one for a remote service.
    return next((kind for kind in kinds if (kind in REMOTE_KINDS) == remote), kinds[0])


def access_modes(record, locale):
    remote = "a-distance" in codes(record, "modes_accueil")
    modes = []
    for code in codes(record, "modes_mobilisation"):
        mode = AccessMode.objects.filter(locale=locale, kind=kind_of(code, remote)).first()
        if mode is None:
            raise unknown(AccessMode._meta.verbose_name, code)
        modes.append(mode)
    return modes


def terms_of(record, locale):
    """Needs and their themes, audiences and access modes, as HSDS attributes."""
    needs = with_codes(Need, codes(record, "thematiques"), locale)
    themes = [need.theme for need in needs if need.theme_id]
    publics = [code for code in codes(record, "publics") if code != ALL_PUBLICS]
    audiences = with_codes(Audience, publics, locale)
    terms = {*themes, *needs, *audiences, *access_modes(record, locale)}
    return sorted(
        (attribute(term) for term in terms),
        key=lambda item: (item["link_type"], item["taxonomy_term"]["code"]),
    )


# The rest of the service


def cost_option(record):
    """``frais`` and ``frais_precisions``: an amount and currency the export wrote first
    (“20.00 CHF Par déclaration.”) become the fee again."""
    frais = record.get("frais")
    if frais is not None and frais not in COSTS:
        raise unknown(ServicePage._meta.get_field("cost").verbose_name, frais)
    details = record.get("frais_precisions") or ""
    currencies = "|".join(
        code for code, _label in ServicePage._meta.get_field("fee_currency").choices
    )
    fee = re.fullmatch(rf"(\d+(?:\.\d+)?) ({currencies})(?: (.*))?", details, re.DOTALL)
    return {
        # No ``frais``: the field's default, as in the editor's form.
        "option": COSTS.get(frais, ServicePage._meta.get_field("cost").default),
        "amount": fee[1] if fee else None,
        "currency": fee[2] if fee else "",
        "amount_description": (fee[3] or "") if fee else details,
    }


def service_areas(record):
    """``zone_eligibilite``: communes by INSEE code; ``france``, no limit. A département's
    or EPCI's code is not a commune's: the importer refuses it."""
    zone = codes(record, "zone_eligibilite")
    if "france" in zone:
        return []
    return [{"name": code, "description": f"INSEE {code}"} for code in zone]


def organization(structure):
    """The structure as the HSDS organisation nested in a service."""
    return {
        "id": structure.get("id"),
        "name": structure.get("nom", ""),
        "description": structure.get("description", ""),
        "website": structure.get("site_web", ""),
        "email": structure.get("courriel", ""),
        "phones": [{"number": structure["telephone"]}] if structure.get("telephone") else [],
        "organization_identifiers": [{"identifier_type": "SIRET", "identifier": structure["siret"]}]
        if structure.get("siret")
        else [],
    }


def location(record, structure, organisation):
    """The service's address as one place (None when incomplete), the structure's own
    when it is the structure's address."""
    address = [record.get(field) or "" for field in ADDRESS]
    if not all(address):
        return None
    own = organisation is not None and address == [structure.get(field) for field in ADDRESS]
    street, postcode, commune = address
    return {
        "id": derived_id(structure.get("id"), "place", *address),
        "name": structure.get("nom", ""),
        "organization_id": structure.get("id") if own else None,
        "latitude": record.get("latitude"),
        "longitude": record.get("longitude"),
        "addresses": [
            {"address_1": street, "postal_code": postcode, "city": commune, "country": "FR"}
        ],
    }


class DataInclusionImporter(Importer):
    """Imports data·inclusion services of ``source``, with ``structures`` (records)."""

    def __init__(self, source, structures, dry_run=False):
        super().__init__(source, dry_run)
        self.structures = {str(structure.get("id")): structure for structure in structures}

    def name_of(self, record):
        return record.get("nom", "")

    def hsds(self, record):
        structure = self.structures.get(str(record.get("structure_id")))
        if structure is None:
            raise unknown(Organisation._meta.verbose_name, record.get("structure_id", ""))
        own = structure.get("id") == record_id(SITE_STRUCTURE)
        organisation = None if own else organization(structure)
        place = location(record, structure, organisation)
        phone, contact = record.get("telephone"), record.get("contact_nom_prenom")
        return {
            "id": record.get("id"),
            "name": record.get("nom", ""),
            "description": record.get("description", ""),
            "url": record.get("lien_source", ""),
            "email": record.get("courriel", ""),
            "phones": [{"number": phone}] if phone else [],
            "eligibility_description": record.get("conditions_acces", ""),
            "assured_date": record.get("date_maj"),
            "contacts": [{"name": contact}] if contact else [],
            "cost_options": [cost_option(record)],
            "service_areas": service_areas(record),
            "schedules": schedules(record.get("horaires_accueil")),
            "service_at_locations": [{"location": place}] if place else [],
            "organization": organisation,
            "attributes": terms_of(record, self.locale),
            # Not HSDS, which has no booking link: read by ``service_fields``.
            "booking_url": record.get("lien_mobilisation", ""),
        }

    def service_fields(self, record):
        return super().service_fields(record) | {"booking_url": record.get("booking_url", "")}
