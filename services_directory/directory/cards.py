"""Service cards as HTML, rendered once per minute and kept in the shared cache.

A card needs nine related lists (themes, languages, places and their hours…) and an
opening-hours computation: loading and rendering twenty of them was most of a directory
or search page's time. The same cards come back on many pages (the first page of the
directory, popular filters, common words), so each card's HTML is kept in the cache.

A card says “open now, until 12:00” or “opens tomorrow at 09:00”, so it is valid for
the minute it was rendered in; and it shows what editors wrote, so its key holds the
directory version that every save of a page, place, hours or taxonomy term bumps (see
``memberships``). A card is therefore never older than a minute nor than an edit.
"""

from django.core.cache import cache
from django.db.models import prefetch_related_objects
from django.template.loader import get_template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from ..models.service import CARD_PREFETCH
from .memberships import current_version

CARD_TEMPLATE = "components/service_card.html"
# Longer than the minute a card is valid for, so the last requests of a minute still
# find it; keys of past minutes simply expire.
CARD_SECONDS = 120


def card_key(service, request, heading_level, minute, version):
    return ":".join(
        str(part)
        for part in (
            "service-card",
            version,
            get_language(),
            request.get_host(),
            heading_level,
            minute,
            service.pk,
        )
    )


def attach_cards(services, request, now, heading_level=3):
    """Sets ``card`` (its HTML) on each ServicePage of ``services``.

    Cards kept for this minute cost no query; the others are loaded with
    ``CARD_PREFETCH`` (a constant number of queries) and rendered at ``now``.
    """
    minute = int(now.timestamp()) // 60
    version = current_version()
    keys = {
        service.pk: card_key(service, request, heading_level, minute, version)
        for service in services
    }
    found = cache.get_many(list(keys.values()))
    missing = [service for service in services if keys[service.pk] not in found]
    if missing:
        prefetch_related_objects(missing, *CARD_PREFETCH)
        template = get_template(CARD_TEMPLATE)
        rendered = {}
        for service in missing:
            context = {
                "service": service,
                "now": now,
                "heading_level": heading_level,
                "request": request,
            }
            rendered[keys[service.pk]] = str(template.render(context))
        cache.set_many(rendered, CARD_SECONDS)
        found.update(rendered)
    for service in services:
        # The cache holds plain text; it was rendered by the template, with escaping.
        service.card = mark_safe(found[keys[service.pk]])
