"""schema.org descriptions of services and places, for search engines and other machines.

A service page carries one JSON-LD graph: the ``GovernmentService`` (name, description,
provider, audience and ages, languages spoken, the communes of its catchment area — or
of its places — as the area served, its weekly hours, whether it is free and its price)
and each ``Place`` it is delivered at (address, coordinates, opening hours and closures).
It is a data block (``application/ld+json``): browsers never run it, so the
Content-Security-Policy stays as strict as it is.
"""

import json

from django.utils.html import format_html
from django.utils.safestring import mark_safe

SCHEMA = "https://schema.org"
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# Characters that could close the script element or start markup, escaped in JSON.
JSON_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def opening_hours(hours):
    """``OpeningHoursSpecification``s of weekly periods (``places.hours.OpeningHours``)."""
    specifications = []
    for period in hours.periods:
        specification = {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": f"{SCHEMA}/{DAYS[period.weekday]}",
            "opens": period.opens.strftime("%H:%M"),
            "closes": period.closes.strftime("%H:%M"),
        }
        if period.valid_from:
            specification["validFrom"] = period.valid_from.isoformat()
        if period.valid_until:
            specification["validThrough"] = period.valid_until.isoformat()
        specifications.append(specification)
    return specifications


def special_hours(hours, today):
    """Closures and special hours to come, as schema.org's special opening hours
    (a closed day opens and closes at 00:00)."""
    specifications = []
    for exception in hours.upcoming_exceptions(today):
        closed = exception.closed or exception.opens is None or exception.closes is None
        specifications.append(
            {
                "@type": "OpeningHoursSpecification",
                "validFrom": exception.start.isoformat(),
                "validThrough": exception.end.isoformat(),
                "opens": "00:00" if closed else exception.opens.strftime("%H:%M"),
                "closes": "00:00" if closed else exception.closes.strftime("%H:%M"),
            }
        )
    return specifications


def place_node(place, hours, today):
    node = {
        "@type": "Place",
        "name": place.name,
        "address": {
            "@type": "PostalAddress",
            "streetAddress": place.street_address,
            "postalCode": place.postcode,
            "addressLocality": place.commune,
            "addressCountry": place.country,
        },
        "openingHoursSpecification": opening_hours(hours),
    }
    special = special_hours(hours, today)
    if special:
        node["specialOpeningHoursSpecification"] = special
    if place.has_coordinates():
        node["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(place.latitude),
            "longitude": float(place.longitude),
        }
    if place.phone:
        node["telephone"] = place.phone
    return node


def organisation_node(organisation):
    node = {
        "@type": "GovernmentOrganization"
        if organisation.kind != organisation.Kind.ASSOCIATION
        else "NGO",
        "name": organisation.name,
    }
    for key, value in (
        ("url", organisation.website),
        ("telephone", organisation.phone),
        ("email", organisation.email),
    ):
        if value:
            node[key] = value
    return node


def area_served(service, places):
    """The communes of its catchment area with their official codes; without one, the
    communes of its places."""
    catchment = service.catchment()
    if not catchment:
        return [
            {"@type": "City", "name": commune}
            for commune in dict.fromkeys(place.commune for place, _hours in places)
        ]
    return [
        {
            "@type": "City",
            "name": commune.name,
            "identifier": commune.code_label,
            "sameAs": commune.uri,
        }
        for commune in catchment
    ]


def age_audience(service):
    """A ``PeopleAudience`` with the ages served, or None when there is no limit."""
    ages = {
        key: value
        for key, value in (
            ("suggestedMinAge", service.minimum_age),
            ("suggestedMaxAge", service.maximum_age),
        )
        if value is not None
    }
    return {"@type": "PeopleAudience", **ages} if ages else None


def offer_node(service):
    """What residents pay: an ``Offer`` with the amount when one is given, 0 when free."""
    if service.fee_amount is not None:
        price = {"price": float(service.fee_amount), "priceCurrency": service.fee_currency}
    elif service.cost == service.Cost.FREE:
        price = {"price": 0}
    else:
        return None
    offer = {"@type": "Offer", **price}
    if service.cost_details:
        offer["description"] = service.cost_details
    return offer


def service_graph(service, url, hours_by_place, today):
    """The JSON-LD of a service page: the service and the places it is delivered at."""
    places = [(place, hours) for place, hours in hours_by_place if place is not None]
    node = {
        "@context": SCHEMA,
        "@type": "GovernmentService",
        "@id": f"{url}#service",
        "url": url,
        "name": service.title,
        "description": service.summary,
        "serviceType": [theme.name for theme in service.themes.all()],
        "isAccessibleForFree": service.cost == service.Cost.FREE,
        "availableLanguage": [
            {"@type": "Language", "name": language.name_local, "alternateName": language.code}
            for language in service.spoken_languages.all()
        ],
        "areaServed": area_served(service, places),
        "hoursAvailable": [
            specification
            for _place, hours in hours_by_place
            for specification in opening_hours(hours)
        ],
        "availableChannel": [
            {
                "@type": "ServiceChannel",
                "serviceLocation": place_node(place, hours, today),
                **(
                    {"servicePhone": {"@type": "ContactPoint", "telephone": service.phone}}
                    if service.phone
                    else {}
                ),
            }
            for place, hours in places
        ],
    }
    audiences = [{"@type": "Audience", "audienceType": a.name} for a in service.audiences.all()]
    ages = age_audience(service)
    if audiences or ages:
        node["audience"] = audiences + ([ages] if ages else [])
    offer = offer_node(service)
    if offer:
        node["offers"] = offer
    provider = service.provider()
    if provider is not None:
        node["provider"] = organisation_node(provider)
    if service.phone:
        node["telephone"] = service.phone
    if service.email:
        node["email"] = service.email
    return node


def json_ld(data):
    """``data`` as a JSON-LD script element, safe to put in any page."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))
