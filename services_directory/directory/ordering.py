"""The orders residents can choose: name, relevance, distance, next opening."""

from places.geo import distance_km

from ..models.delivery import ServicePlace


def by_name(ids_by_title, wanted):
    return [pk for pk in ids_by_title if pk in wanted]


def by_relevance(text_ids, wanted):
    return [pk for pk in text_ids if pk in wanted]


def by_distance(services, wanted, commune):
    """Ids nearest first (from the closest of each service's places residents see), and
    the distances; services without a located place come last."""
    rows = services.order_by().values_list("pk", "title")
    titles = {pk: title for pk, title in rows if pk in wanted}
    distances = dict.fromkeys(titles)
    located = (
        ServicePlace.objects.for_residents()
        .filter(page__in=services.values("pk"), place__latitude__isnull=False)
        .exclude(place__longitude__isnull=True)
        .values_list("page_id", "place__latitude", "place__longitude")
    )
    for pk, latitude, longitude in located:
        if pk not in distances:
            continue
        km = distance_km(commune.latitude, commune.longitude, float(latitude), float(longitude))
        current = distances[pk]
        distances[pk] = km if current is None else min(current, km)
    ordered = sorted(
        distances, key=lambda pk: (distances[pk] is None, distances[pk] or 0, titles[pk])
    )
    return ordered, distances


def by_next_opening(services, wanted, now):
    """Open now first, then by next opening, then services without hours.

    Every opening rule applies (exceptions, nights), so this order is computed through
    each service's page, on the services that match only.
    """
    far_future = now.replace(year=now.year + 10)

    def rank(service):
        status = None if service.is_suspended else service.overall_status(now)
        if status is None:
            return (2, far_future, service.title)
        if status.is_open:
            return (0, now, service.title)
        return (1, status.next_opening or far_future, service.title)

    matching = services.filter(pk__in=list(wanted)).with_card_data()
    return [service.pk for service in sorted(matching, key=rank)]
