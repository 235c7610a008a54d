"""The content version: one number that changes whenever what residents read may change.

Every cache of resident-facing content is keyed on it or checked against it, so nothing
kept is ever older than the last edit:

- values kept in each process's memory (``kept``): the directory's facet memberships and
  options, the services open in the current minute;
- entries in the shared cache whose key holds the version: service cards, ranked search
  ids, the search vocabulary, whole pages for anonymous residents.

The version lives in the shared cache (Redis in production), so an edit made through one
process is seen by every other. Apps declare which models feed resident pages with
``watch(...)`` in their ``AppConfig.ready``; a save, delete or many-to-many change of any
of them, and any page move, bumps the version. See docs/decisions/0003-caching.md.
"""

import time
from collections import OrderedDict
from dataclasses import dataclass

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.translation import get_language

VERSION_KEY = "content-version"
# Kept values are read again after this long even without an edit, so a change made
# outside Django's signals (a raw SQL fix, a restore) shows within minutes.
MAX_AGE_SECONDS = 300
# Values kept per process: a few sets of service ids per directory, facet options per
# language, the services open in the current minute.
MAX_KEPT = 32

_kept = OrderedDict()
_watched = set()
_watched_edits = set()


@dataclass
class Kept:
    value: object
    version: int
    built_at: float


def current():
    """The current content version (a number that only changes on edits)."""
    version = cache.get(VERSION_KEY)
    if version is None:
        version = time.time_ns()
        cache.add(VERSION_KEY, version, None)
        version = cache.get(VERSION_KEY, version)
    return version


def bump(**_signal_kwargs):
    """Marks everything kept or cached as out of date, in every process sharing the cache.

    Again once the transaction commits: a request reading in between would otherwise
    keep the uncommitted state's predecessor under the new version.
    """
    cache.set(VERSION_KEY, time.time_ns(), None)
    transaction.on_commit(lambda: cache.set(VERSION_KEY, time.time_ns(), None))


def minute_of(moment):
    """The minute ``moment`` falls in. What shows the time (“open now, until 12:00”) is
    kept for the minute it was computed in, and no longer."""
    return int(moment.timestamp()) // 60


def resident_key(kind, version, request, minute, *parts):
    """The cache key of something residents see (a card, a whole page).

    It holds everything such an entry may depend on besides its own ``parts``: the
    content version, the active language, the host the request was made to, and the
    minute; so an entry is never read after an edit, in another language, on another
    site or in another minute.
    """
    common = (kind, version, get_language(), request.get_host(), minute)
    return ":".join(str(part) for part in (*common, *parts))


def kept(key, read):
    """``read()``, kept in this process until the content version changes."""
    version = current()
    entry = _kept.get(key)
    if (
        entry is None
        or entry.version != version
        or time.monotonic() - entry.built_at >= MAX_AGE_SECONDS
    ):
        entry = Kept(read(), version, time.monotonic())
        _kept[key] = entry
    _kept.move_to_end(key)
    while len(_kept) > MAX_KEPT:
        _kept.popitem(last=False)
    return entry.value


def forget_kept():
    """Drops every value kept in this process (tests, benchmarks)."""
    _kept.clear()


def watch(*models, creations=True):
    """Bumps the version whenever an instance of one of ``models`` (or a subclass) changes.

    ``creations=False`` for models whose new rows show nothing yet (site settings, which
    Wagtail creates empty the first time a page reads them).
    """
    (_watched if creations else _watched_edits).update(models)


def _source_changed(sender, instance, created=False, **_kwargs):
    if isinstance(instance, tuple(_watched)) or (
        not created and isinstance(instance, tuple(_watched_edits))
    ):
        bump()


def connect_signals():
    post_save.connect(_source_changed, dispatch_uid="content-version-save")
    post_delete.connect(_source_changed, dispatch_uid="content-version-delete")
    m2m_changed.connect(_source_changed, dispatch_uid="content-version-m2m")
