"""Pages in lists, as cards rendered once per minute and kept in the shared cache.

Every list of pages residents see — the directory, theme pages, search results, the
kiosk's start screen — shows each page as a card. A page type chooses its card with
``card_template`` (and names the related lists that template reads in
``card_prefetch``); other pages get ``components/page_card.html``.

Loading what twenty service cards need (nine related lists) and computing their opening
status was most of a listing's time, and the same cards come back on many lists, so each
card's HTML is kept in the cache. A card says “open now, until 12:00”, so it is valid
for the minute it was rendered in; and it shows what editors wrote, so its key holds the
content version (``core.content_version``). A card is never older than a minute nor
than an edit.
"""

from collections import defaultdict

from django.core.cache import cache
from django.db.models import prefetch_related_objects
from django.template.loader import get_template
from django.utils.safestring import mark_safe

from . import content_version

DEFAULT_CARD_TEMPLATE = "components/page_card.html"
# Longer than the minute a card is valid for, so the last requests of a minute still
# find it; keys of past minutes simply expire.
CARD_SECONDS = 120


def card_key(page, request, options, minute, version):
    settings = (f"{name}={value}" for name, value in sorted(options.items()))
    return content_version.resident_key("card", version, request, minute, page.pk, *settings)


def card_options(heading_level=3, place=None):
    """What may vary between two cards of the same page: the level of its heading, and
    the place whose hours of today it shows (the kiosk's hub)."""
    return {"heading_level": heading_level, "place": place.pk if place is not None else ""}


def attach_cards(pages, request, now, heading_level=3, place=None):
    """Sets ``card`` (its HTML) on each page of ``pages`` (specific pages).

    Cards kept for this minute cost no query; the others are loaded with their type's
    ``card_prefetch`` (a constant number of queries) and rendered at ``now``.
    """
    options = card_options(heading_level, place)
    minute = content_version.minute_of(now)
    version = content_version.current()
    keys = {page.pk: card_key(page, request, options, minute, version) for page in pages}
    found = cache.get_many(list(keys.values()))
    missing = defaultdict(list)
    for page in pages:
        if keys[page.pk] not in found:
            missing[type(page)].append(page)
    rendered = {}
    for page_type, group in missing.items():
        prefetch_related_objects(group, *getattr(page_type, "card_prefetch", ()))
        template = get_template(getattr(page_type, "card_template", DEFAULT_CARD_TEMPLATE))
        for page in group:
            context = {
                "object": page,
                "now": now,
                "heading_level": heading_level,
                "place": place,
                "request": request,
            }
            rendered[keys[page.pk]] = str(template.render(context))
    if rendered:
        cache.set_many(rendered, CARD_SECONDS)
        found.update(rendered)
    for page in pages:
        # The cache holds plain text; it was rendered by the template, with escaping.
        page.card = mark_safe(found[keys[page.pk]])
