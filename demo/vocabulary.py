"""Residents' words and needs in the demo (``data.needs``, ``data.keywords``), in French.

Fills what is missing and nothing else: a need is created when its slug is absent, words
are set where an item has none, needs are given to a service that has none. A database
loaded before the vocabulary existed gets it on the next ``load_demo``; an editor's words
and choices survive it.
"""

from django.db.models import Q

from services_directory.models import ServicePage
from taxonomy.models import Need

from .data import datainclusion, keywords, needs


def lines(words):
    """A keywords field's value: one word or phrase per line."""
    return "\n".join(words)


def french_words():
    """The French lists of residents' words, by ``(kind, slug)`` as in the translations'
    ``KEYWORDS``."""
    words = {}
    for kind, lists in (
        ("theme", keywords.THEME_KEYWORDS),
        ("audience", keywords.AUDIENCE_KEYWORDS),
        ("service", keywords.SERVICE_KEYWORDS),
    ):
        words.update({(kind, slug): items for slug, items in lists.items()})
    words.update({("need", slug): items for slug, *_rest, items in needs.NEEDS})
    return words


def fill_blanks(instance, values):
    """Gives ``instance`` the ``values`` of the fields it has left blank, so a re-run
    completes older demo rows without undoing an editor's changes; returns how many. An
    organisation's description that only repeats its name is the placeholder migrations
    wrote."""
    blanks = [
        name
        for name, value in values.items()
        if value
        and (
            getattr(instance, name) in ("", None)
            or (name == "description" and instance.description == instance.name)
        )
    ]
    for name in blanks:
        setattr(instance, name, values[name])
    if blanks:
        instance.save(update_fields=blanks)
    return len(blanks)


def fill_empty(items, values, field, prepare=None):
    """Sets ``field`` of the items (by slug) where it is blank; returns how many."""
    return sum(
        fill_blanks(item, {field: prepare(values[slug]) if prepare else values[slug]}) > 0
        for slug, item in items.items()
        if values.get(slug)
    )


def fill_words(items, lists):
    """Sets the words of the items (by slug) that have none; returns how many."""
    return fill_empty(items, lists, "keywords", prepare=lines)


def load_vocabulary(locale, themes, audiences):
    """The French needs (created when missing) and the words of themes and audiences.

    Returns the needs by slug and the number of objects created or completed.
    """
    existing = {need.slug: need for need in Need.objects.filter(locale=locale)}
    by_slug, changed = {}, 0
    for order, (slug, name, theme, description, words) in enumerate(needs.NEEDS):
        if slug not in existing:
            existing[slug] = Need.objects.create(
                locale=locale,
                slug=slug,
                name=name,
                theme=themes[theme],
                description=description,
                keywords=lines(words),
                sort_order=order,
            )
            changed += 1
        by_slug[slug] = existing[slug]
    changed += fill_words(by_slug, {slug: words for slug, *_rest, words in needs.NEEDS})
    changed += fill_words(themes, keywords.THEME_KEYWORDS)
    changed += fill_words(audiences, keywords.AUDIENCE_KEYWORDS)
    changed += fill_empty(by_slug, datainclusion.NEED_CODES, "datainclusion_code")
    changed += fill_empty(audiences, datainclusion.AUDIENCE_CODES, "datainclusion_code")
    return by_slug, changed


def service_vocabulary(slug, needs_by_slug):
    """A new demo service's words and needs, as ``ServicePage`` keyword arguments."""
    return {
        "keywords": lines(keywords.SERVICE_KEYWORDS.get(slug, [])),
        "needs": [needs_by_slug[need] for need in needs.SERVICE_NEEDS.get(slug, [])],
    }


def complete_services(directory, needs_by_slug, log):
    """Gives the demo services loaded without words or needs theirs, and publishes them.

    A service that is not live or has unpublished changes is left to its editor:
    publishing would put their draft online. Returns the number of services completed.
    """
    candidates = (
        ServicePage.objects.child_of(directory)
        .filter(slug__in=keywords.SERVICE_KEYWORDS.keys() | needs.SERVICE_NEEDS.keys())
        .filter(Q(keywords="") | Q(needs__isnull=True))
        .distinct()
        .order_by("path")
    )
    completed = 0
    for service in candidates:
        vocabulary = service_vocabulary(service.slug, needs_by_slug)
        missing_words = not service.keywords and vocabulary["keywords"]
        missing_needs = vocabulary["needs"] and not service.needs.exists()
        if not (missing_words or missing_needs):
            continue
        if not service.live or service.has_unpublished_changes:
            log(f"Demo vocabulary: “{service.title}” has a draft: left to its editor.")
            continue
        if missing_words:
            service.keywords = vocabulary["keywords"]
        if missing_needs:
            service.needs = vocabulary["needs"]
        service.save_revision().publish()
        completed += 1
    return completed
