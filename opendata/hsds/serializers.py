"""Proxima's records as HSDS 3.0 objects (plain dicts, ready for JSON).

HSDS types are not nullable: a value Proxima does not have is left out, never null.
Each function reads only what ``feed`` prefetched, so a list costs the same number of
queries whatever its length.

Hours: weekly periods with the same times and validity become one weekly schedule
(``byday=MO,TU``); a split day is two schedules. Times are the site's wall-clock times
with the UTC offset in effect on the day of the response (HSDS has no time-zone name);
a period past midnight closes earlier than it opens. Closures and special hours to come
are dated schedules: a closure has no opening time and says “Closed”.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.utils.html import strip_tags
from django.utils.text import normalize_newlines
from django.utils.translation import gettext

from core.moderation import shown_to_residents
from places.hours import site_time_zone
from taxonomy.models import AccessMode, Audience, Need, Theme

from .ids import derived_id, key_of

HSDS_VERSION = "3.0"
DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
EVERY_DAY = ",".join(DAYS)


@dataclass(frozen=True)
class Taxonomy:
    """One of Proxima's vocabularies, published as an HSDS taxonomy."""

    slug: str
    model: type
    field: str  # the ServicePage field holding its terms

    @property
    def id(self):
        return derived_id("taxonomy", self.slug)


TAXONOMIES = (
    Taxonomy("themes", Theme, "themes"),
    Taxonomy("needs", Need, "needs"),
    Taxonomy("audiences", Audience, "audiences"),
    Taxonomy("access-modes", AccessMode, "access_modes"),
)
TAXONOMY_OF_MODEL = {taxonomy.model: taxonomy for taxonomy in TAXONOMIES}


@dataclass(frozen=True)
class Moment:
    """When a response is made: the day (closures to come) and the UTC offset of times."""

    today: datetime.date

    @property
    def utc_offset(self):
        noon = datetime.datetime.combine(self.today, datetime.time(12), tzinfo=site_time_zone())
        return noon.utcoffset()

    @property
    def offset_hours(self):
        return self.utc_offset.total_seconds() / 3600

    def time(self, value):
        """``09:00+01:00``: the wall-clock time with today's offset in the site's zone."""
        minutes = int(self.utc_offset.total_seconds() // 60)
        sign = "+" if minutes >= 0 else "-"
        hours, minutes = divmod(abs(minutes), 60)
        return f"{value:%H:%M}{sign}{hours:02d}:{minutes:02d}"


def without_empty(data, required=()):
    """HSDS fields are not nullable: empty values are left out, but for ``required``
    fields (an empty string is a valid one)."""
    return {
        key: value for key, value in data.items() if key in required or value not in (None, "", [])
    }


def absolute(url):
    if url and url.startswith("/"):
        return settings.WAGTAILAPI_BASE_URL.rstrip("/") + url
    return url


def plain(html):
    return " ".join(strip_tags(normalize_newlines(html or "")).split())


# Taxonomies and terms


def taxonomy_object(taxonomy):
    return {
        "id": taxonomy.id,
        "name": str(taxonomy.model._meta.verbose_name_plural),
        "description": "",
    }


def term_object(term):
    taxonomy = TAXONOMY_OF_MODEL[type(term)]
    parent = getattr(term, "theme", None)
    return without_empty(
        {
            "id": key_of(term),
            "code": term.slug,
            "name": term.name,
            "description": term.description,
            "taxonomy_id": taxonomy.id,
            "taxonomy_detail": taxonomy_object(taxonomy),
            "language": term.locale.language_code,
            "parent_id": key_of(parent) if parent is not None else None,
        },
        required=("description",),
    )


def attributes(service):
    """Its themes, needs, audiences and access modes, as HSDS attributes."""
    service_id = key_of(service)
    return [
        {
            "id": derived_id(service_id, "attribute", key_of(term)),
            "link_id": service_id,
            "link_type": taxonomy.slug,
            "link_entity": "service",
            "taxonomy_term_id": key_of(term),
            "taxonomy_term": term_object(term),
        }
        for taxonomy in TAXONOMIES
        for term in getattr(service, taxonomy.field).all()
    ]


# Hours


def weekly_schedules(hours, owner, moment):
    """One schedule per set of weekly periods with the same times and validity."""
    groups = {}
    for period in hours.periods:
        shape = (period.opens, period.closes, period.valid_from, period.valid_until)
        groups.setdefault(shape, []).append(period.weekday)
    schedules = []
    for (opens, closes, valid_from, valid_until), weekdays in groups.items():
        byday = ",".join(DAYS[day] for day in sorted(set(weekdays)))
        schedules.append(
            without_empty(
                {
                    "id": derived_id(
                        *owner.values(), "weekly", byday, opens, closes, valid_from, valid_until
                    ),
                    **owner,
                    "freq": "WEEKLY",
                    "interval": 1,
                    "wkst": "MO",
                    "byday": byday,
                    "opens_at": moment.time(opens),
                    "closes_at": moment.time(closes),
                    "timezone": moment.offset_hours,
                    "valid_from": valid_from.isoformat() if valid_from else None,
                    "valid_to": valid_until.isoformat() if valid_until else None,
                }
            )
        )
    return schedules


def dated_schedules(hours, owner, moment):
    """Closures and special hours from today on, as dated schedules."""
    schedules = []
    for exception in hours.exceptions:
        if exception.end < moment.today:
            continue
        dates = {
            "valid_from": exception.start.isoformat(),
            "valid_to": exception.end.isoformat(),
            "dtstart": exception.start.isoformat(),
            "until": exception.end.isoformat(),
        }
        if exception.closed or exception.opens is None or exception.closes is None:
            times = {"description": gettext("Closed")}
        else:
            times = {
                "freq": "WEEKLY",
                "interval": 1,
                "wkst": "MO",
                "byday": EVERY_DAY,
                "opens_at": moment.time(exception.opens),
                "closes_at": moment.time(exception.closes),
                "timezone": moment.offset_hours,
            }
        schedules.append(
            without_empty(
                {
                    "id": derived_id(
                        *owner.values(),
                        "dated",
                        exception.start,
                        exception.end,
                        exception.opens,
                        exception.closes,
                    ),
                    **owner,
                    **dates,
                    **times,
                    "notes": exception.reason,
                }
            )
        )
    return schedules


def schedules(hours, owner, moment):
    if not hours:
        return []
    # A place's closure and the service's own on the same dates are one schedule.
    unique = {}
    for schedule in weekly_schedules(hours, owner, moment) + dated_schedules(hours, owner, moment):
        unique.setdefault(schedule["id"], schedule)
    return list(unique.values())


# Organisations and locations


def phone(number, owner):
    return [{"id": derived_id(*owner.values(), "phone", number), **owner, "number": number}]


def organization_identifiers(organisation):
    """Its SIRET, RNA or Swiss UID: kinds org-id.guide has no scheme for, so named in
    ``identifier_type`` only."""
    organisation_id = key_of(organisation)
    return [
        {
            "id": derived_id(organisation_id, "identifier", kind),
            "organization_id": organisation_id,
            "identifier_type": kind,
            "identifier": value,
        }
        for kind, value in organisation.identifiers()
    ]


def organization_summary(organisation):
    return without_empty(
        {
            "id": key_of(organisation),
            "name": organisation.name,
            "description": organisation.description,
            "email": organisation.email,
            "website": organisation.website,
            "organization_identifiers": organization_identifiers(organisation),
        },
        required=("description",),
    )


def organization_object(organisation, locations, services):
    """The full organisation: its contacts, the places it runs, its services."""
    return organization_summary(organisation) | without_empty(
        {
            "phones": phone(organisation.phone, {"organization_id": key_of(organisation)})
            if organisation.phone
            else [],
            "locations": locations,
            "services": services,
        }
    )


def address(place):
    location_id = key_of(place)
    return without_empty(
        {
            "id": derived_id(location_id, "address"),
            "location_id": location_id,
            "address_1": place.street_address,
            "city": place.commune,
            "postal_code": place.postcode,
            "country": place.country,
            "address_type": "physical",
            "state_province": place.region,
        },
        required=("state_province",),
    )


def accessibility(place):
    location_id = key_of(place)
    entries = [
        without_empty(
            {
                "id": derived_id(location_id, "accessibility", key_of(feature)),
                "location_id": location_id,
                "description": feature.name,
                "details": feature.description,
            }
        )
        for feature in place.accessibility_features.all()
    ]
    if place.accessibility_notes:
        entries.append(
            {
                "id": derived_id(location_id, "accessibility", "notes"),
                "location_id": location_id,
                "details": place.accessibility_notes,
            }
        )
    if place.accessibility_url:
        entries.append(
            {
                "id": derived_id(location_id, "accessibility", "url"),
                "location_id": location_id,
                "description": gettext("Detailed accessibility information"),
                "url": place.accessibility_url,
            }
        )
    return entries


def location_object(place, moment):
    location_id = key_of(place)
    organisation = shown_to_residents(place.organisation) if place.organisation_id else None
    owner = {"location_id": location_id}
    return without_empty(
        {
            "id": location_id,
            "location_type": "physical",
            "organization_id": key_of(organisation) if organisation else None,
            "name": place.name,
            "transportation": place.transit,
            "latitude": float(place.latitude) if place.latitude is not None else None,
            "longitude": float(place.longitude) if place.longitude is not None else None,
            "addresses": [address(place)],
            "phones": phone(place.phone, owner) if place.phone else [],
            "accessibility": accessibility(place),
            "schedules": schedules(place.opening_hours(), owner, moment),
        }
    )


# Services


def status(service):
    return "temporarily closed" if service.is_suspended else "active"


def fees_description(service):
    label = str(service.Cost(service.cost).label)
    return f"{label}. {service.cost_details}" if service.cost_details else label


def service_summary(service, url):
    """What a list of services shows: the one-to-one fields and the organisation."""
    organisation = service.provider()
    return without_empty(
        {
            "id": key_of(service),
            "organization_id": key_of(organisation) if organisation else None,
            "name": service.title,
            "description": service.summary,
            "url": absolute(url),
            "email": service.email,
            "status": status(service),
            "alert": service.suspension_message if service.is_suspended else None,
            "fees_description": fees_description(service),
            "eligibility_description": plain(service.eligibility),
            "minimum_age": service.minimum_age,
            "maximum_age": service.maximum_age,
            "assured_date": service.last_reviewed.isoformat() if service.last_reviewed else None,
            "last_modified": service.last_published_at.isoformat()
            if service.last_published_at
            else None,
            "organization": organization_summary(organisation) if organisation else None,
        }
    )


def languages(service):
    service_id = key_of(service)
    return [
        without_empty(
            {
                "id": derived_id(service_id, "language", key_of(language)),
                "service_id": service_id,
                "name": language.name_local or language.name,
                "code": language.code,
                "note": language.name if language.name_local else None,
            }
        )
        for language in service.spoken_languages.all()
    ]


def required_documents(service):
    service_id = key_of(service)
    # By position: the same document has the same id in every language.
    return [
        {
            "id": derived_id(service_id, "document", position),
            "service_id": service_id,
            "document": f"{document.document} ({document.details})"
            if document.details
            else document.document,
        }
        for position, document in enumerate(service.required_documents.all())
    ]


def contacts(service):
    if not (service.contact_person or service.contact_role):
        return []
    service_id = key_of(service)
    return [
        without_empty(
            {
                "id": derived_id(service_id, "contact"),
                "service_id": service_id,
                "name": service.contact_person,
                "title": service.contact_role,
                "email": service.email,
            }
        )
    ]


def amount(service):
    if service.fee_amount is not None:
        return float(service.fee_amount)
    return 0 if service.cost == service.Cost.FREE else None


def service_areas(service):
    """The communes it is competent for, each with its official code and its URI."""
    service_id = key_of(service)
    return [
        {
            "id": derived_id(service_id, "area", commune.country, commune.code),
            "service_id": service_id,
            "name": commune.name,
            "description": commune.code_label,
            "uri": commune.uri,
        }
        for commune in service.catchment()
    ]


def cost_options(service):
    service_id = key_of(service)
    return [
        without_empty(
            {
                "id": derived_id(service_id, "cost"),
                "service_id": service_id,
                "option": str(service.Cost(service.cost).label),
                "amount": amount(service),
                "currency": service.fee_currency,
                "amount_description": service.cost_details,
            }
        )
    ]


def service_at_location_id(service_key, place_key):
    return derived_id(service_key, "at", place_key)


def service_at_location_summary(service, place, note):
    service_id, location_id = key_of(service), key_of(place)
    return without_empty(
        {
            "id": service_at_location_id(service_id, location_id),
            "service_id": service_id,
            "location_id": location_id,
            "description": note,
        }
    )


def service_at_location_object(service, link, hours, moment):
    """A service at one of its places: the hours that apply there, the place itself."""
    summary = service_at_location_summary(service, link.place, link.note)
    owner = {"service_at_location_id": summary["id"]}
    return summary | without_empty(
        {
            "schedules": schedules(hours, owner, moment),
            "location": location_object(link.place, moment),
        }
    )


def service_object(service, url, moment):
    """The full service: hours, places, languages, documents, terms, contacts."""
    service_id = key_of(service)
    hours_at = dict(service.hours_by_place())
    owner = {"service_id": service_id}
    return service_summary(service, url) | without_empty(
        {
            "phones": phone(service.phone, owner) if service.phone else [],
            "schedules": schedules(hours_at.get(None), owner, moment),
            "service_at_locations": [
                service_at_location_object(service, link, hours_at.get(link.place), moment)
                for link in service.place_links()
            ],
            "languages": languages(service),
            "required_documents": required_documents(service),
            "contacts": contacts(service),
            "cost_options": cost_options(service),
            "service_areas": service_areas(service),
            "attributes": attributes(service),
        }
    )
