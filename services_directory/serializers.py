"""How services show their related objects in the pages API: named, not bare ids."""

from rest_framework import serializers


class TermsField(serializers.Field):
    """Taxonomy terms (themes, needs…) with their names and slugs in the page's language."""

    def to_representation(self, terms):
        return [{"id": term.pk, "name": term.name, "slug": term.slug} for term in terms.all()]


class OrganisationField(serializers.Field):
    def to_representation(self, organisation):
        return {
            "id": organisation.pk,
            "name": organisation.name,
            "kind": organisation.kind,
            "website": organisation.website,
        }


class PlacesField(serializers.Field):
    """The places of delivery residents see (``ServicePage.place_links``), with their
    address and coordinates."""

    def to_representation(self, links):
        places = []
        for link in links:
            place = link.place
            places.append(
                {
                    "id": place.pk,
                    "name": place.name,
                    "street_address": place.street_address,
                    "postcode": place.postcode,
                    "commune": place.commune,
                    "country": place.country,
                    "latitude": float(place.latitude) if place.latitude is not None else None,
                    "longitude": float(place.longitude) if place.longitude is not None else None,
                    "note": link.note,
                }
            )
        return places
