"""The French directory in data·inclusion's schema (v1): ``structures`` and ``services``.

data·inclusion, France's hub of social and inclusion services (it feeds DORA and
others), gathers producers' structures (organisations) and their services, each id
prefixed by the producer's name (``OPEN_DATA_SOURCE``). It speaks French only: the
French services are exported, with the published organisations they name; a service
without one is attached to the site's own service (its contact settings).

What the schema cannot hold is left out, as it allows (docs/open-data.md): a Swiss
address (its postcodes have four digits, the schema five) keeps only its commune; of
several places, the first one gives the service's address; thematics and publics are
the codes editors give needs and audiences (``taxonomy.datainclusion``); the eligibility
zone is the catchment's French communes.
"""

from collections import defaultdict

from django.conf import settings
from wagtail.models import Site

from core.models import ContactSettings
from places.geo import find_commune
from services_directory.models import ServicePage
from taxonomy.models import AccessMode

from .hsds.feed import services_of, with_full_data
from .hsds.ids import key_of
from .hsds.serializers import absolute, plain

OSM_DAYS = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"]
# Access modes -> how residents get the service (data·inclusion's « modes de mobilisation »).
MOBILISATION = {
    AccessMode.Kind.WALK_IN: "se-presenter",
    AccessMode.Kind.APPOINTMENT: "telephoner",
    AccessMode.Kind.PHONE: "telephoner",
    AccessMode.Kind.ONLINE: "utiliser-lien-mobilisation",
}
# The schema's other ways in, which no access mode is exported as: read on import as
# the kind closest to them (``opendata.datainclusion_import``).
MOBILISATION_READ_AS = {"envoyer-un-courriel": AccessMode.Kind.ONLINE}
REMOTE_KINDS = {AccessMode.Kind.PHONE, AccessMode.Kind.ONLINE}
SITE_STRUCTURE = "site"


def source():
    return settings.OPEN_DATA_SOURCE


def record_id(key):
    return f"{source()}--{key}"


def records(locale):
    """{"structures": [...], "services": [...]} of the French directory ``locale``."""
    services = list(with_full_data(services_of(locale)).prefetch_related("online_procedures"))
    structures = {}
    exported = []
    for service in services:
        organisation = service.provider()
        if organisation is not None:
            structure_id = record_id(key_of(organisation))
            if structure_id not in structures:
                structures[structure_id] = organisation_structure(organisation, services)
        else:
            structure_id = record_id(SITE_STRUCTURE)
            if structure_id not in structures:
                structures[structure_id] = site_structure(services)
        exported.append(service_record(service, structure_id))
    return {"structures": list(structures.values()), "services": exported}


def without_empty(data):
    return {key: value for key, value in data.items() if value not in (None, "", [], set())}


def address_of(place):
    """The schema's address fields: all of them for a French place, the commune alone
    for another (its postcode does not fit the schema's five digits)."""
    if place is None:
        return {}
    french = place.country == "FR" and len(place.postcode) == 5 and place.postcode.isdigit()
    commune = find_commune(place.commune) or find_commune(place.postcode)
    return {
        "commune": place.commune,
        "code_postal": place.postcode if french else None,
        "code_insee": commune.code if french and commune and commune.country == "FR" else None,
        "adresse": place.street_address if french else None,
        "latitude": float(place.latitude) if place.latitude is not None else None,
        "longitude": float(place.longitude) if place.longitude is not None else None,
    }


def opening_hours(periods):
    """Weekly periods in OpenStreetMap's ``opening_hours`` syntax, e.g.
    ``Mo 09:00-12:00,14:00-17:00; We 14:00-16:00``."""
    by_day = defaultdict(list)
    for period in sorted(periods, key=lambda p: (p.weekday, p.opens)):
        by_day[period.weekday].append(f"{period.opens:%H:%M}-{period.closes:%H:%M}")
    return "; ".join(f"{OSM_DAYS[day]} {','.join(times)}" for day, times in sorted(by_day.items()))


def name_of(title):
    """The schema wants no final full stop (but for "etc.")."""
    return title if title.endswith("etc.") else title.rstrip(". ")


def latest_date(*published):
    """The day of the latest publication of these pages or snippets (never published
    ones, such as rows that predate moderation, are left out)."""
    moments = [item.last_published_at for item in published if item.last_published_at]
    return max(moments).date().isoformat() if moments else None


def organisation_structure(organisation, services):
    places = [
        link.place
        for service in services
        for link in service.place_links()
        if link.place.organisation_id == organisation.pk
    ]
    its_services = [s for s in services if s.organisation_id == organisation.pk]
    return without_empty(
        {
            "source": source(),
            "id": record_id(key_of(organisation)),
            "nom": name_of(organisation.name),
            "date_maj": latest_date(organisation, *its_services),
            "description": organisation.description,
            "siret": organisation.siret,
            "telephone": organisation.phone,
            "courriel": organisation.email,
            "site_web": organisation.website,
            **address_of(places[0] if places else None),
        }
    )


def site_structure(services):
    """The site's own service, for services that name no organisation."""
    contact = ContactSettings.for_site(Site.objects.get(is_default_site=True))
    return without_empty(
        {
            "source": source(),
            "id": record_id(SITE_STRUCTURE),
            "nom": name_of(contact.organisation_name or "Proxima"),
            "date_maj": latest_date(*services),
            "telephone": contact.phone,
            "courriel": contact.email,
            "lien_source": absolute("/"),
        }
    )


def publics(service):
    codes = {audience.datainclusion_code for audience in service.audiences.all()} - {""}
    return ["tous-publics"] if not codes or "tous-publics" in codes else sorted(codes)


def service_record(service: ServicePage, structure_id):
    kinds = {mode.kind for mode in service.access_modes.all()}
    places = service.places()
    procedures = list(service.online_procedures.all())
    booking = service.booking_url or (procedures[0].url if procedures else None)
    periods = list(service.opening_periods.all()) or (
        list(places[0].opening_periods.all()) if places else []
    )
    return without_empty(
        {
            "source": source(),
            "structure_id": structure_id,
            "id": record_id(key_of(service)),
            "nom": name_of(service.title),
            "description": service.summary if len(service.summary) >= 5 else service.title,
            "lien_source": absolute(service.get_url()),
            "date_maj": latest_date(service),
            "thematiques": sorted({need.datainclusion_code for need in service.needs.all()} - {""}),
            "frais": "gratuit" if service.cost == ServicePage.Cost.FREE else "payant",
            "frais_precisions": " ".join(
                part
                for part in (
                    f"{service.fee_amount} {service.fee_currency}" if service.fee_amount else "",
                    service.cost_details,
                )
                if part
            ),
            "publics": publics(service),
            "conditions_acces": plain(service.eligibility),
            "telephone": service.phone,
            "courriel": service.email,
            "contact_nom_prenom": service.contact_person,
            "modes_accueil": sorted(
                ({"en-presentiel"} if places else set())
                | ({"a-distance"} if kinds & REMOTE_KINDS else set())
            ),
            "modes_mobilisation": sorted(
                {MOBILISATION[kind] for kind in kinds if kind in MOBILISATION}
                - (set() if booking else {"utiliser-lien-mobilisation"})
            ),
            "mobilisable_par": ["usagers", "professionnels"],
            "lien_mobilisation": booking,
            # Communes by their INSEE code; a Swiss catchment has no code in this schema.
            "zone_eligibilite": [c.code for c in service.catchment() if c.country == "FR"],
            "horaires_accueil": opening_hours(periods),
            **address_of(places[0] if places else None),
        }
    )
