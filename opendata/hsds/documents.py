"""The feed's records as HSDS documents, a page of ids at a time: what the API answers
and what ``export_open_data`` writes are the same objects."""

from places.models import Organisation
from services_directory.models import ServicePage, ServicePlace

from . import feed, serializers


def services(ids, moment, full):
    """The services of ``ids`` in that order: fully nested, or as a list shows them."""
    prepared = feed.with_full_data if full else feed.with_summary_data
    records = feed.ordered(prepared(ServicePage.objects.all()), ids)
    if full:
        return [serializers.service_object(s, s.get_url(), moment) for s in records]
    return [serializers.service_summary(s, s.get_url()) for s in records]


def organizations(ids):
    return [
        serializers.organization_summary(organisation)
        for organisation in feed.ordered(Organisation.objects.for_residents(), ids)
    ]


def service_at_locations(ids, moment, full=False):
    """Each service at one of its places, with the place and the service; ``full`` adds
    the hours that apply there."""
    links = feed.ordered(feed.with_location_data(ServicePlace.objects.for_residents()), ids)
    if full:
        return [
            serializers.service_at_location_object(
                link.page, link, dict(link.page.hours_by_place()).get(link.place), moment
            )
            | {"service": serializers.service_summary(link.page, link.page.get_url())}
            for link in links
        ]
    return [
        serializers.service_at_location_summary(link.page, link.place, link.note)
        | {
            "location": serializers.location_object(link.place, moment),
            "service": serializers.service_summary(link.page, link.page.get_url()),
        }
        for link in links
    ]


def taxonomies():
    return [serializers.taxonomy_object(taxonomy) for taxonomy in serializers.TAXONOMIES]


def taxonomy_terms(terms):
    return [serializers.term_object(term) for term in terms]
