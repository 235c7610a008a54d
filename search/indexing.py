"""Indexing once per object for a block of writes (loading the demo, creating pages).

Creating and publishing one page saves it three times and changes its relations twice:
each of those writes would index it again, in Wagtail's search index (the editors'
admin, the pages API, the search cluster), in Wagtail's reference index ("used by") and
in the residents' documents (``search.documents``). Inside ``deferred()`` every object
written is noted, and indexed once, in bulk, when the block ends without error.
"""

import logging
from contextlib import contextmanager

from django.db.models.signals import post_delete, post_save
from modelsearch import index
from modelsearch.backends import get_search_backends_with_name
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update

from search import documents

logger = logging.getLogger(__name__)
BATCH_SIZE = 200
_searched = None
_referenced = None
_search_models = ()


def _note(sender, instance, raw=False, **kwargs):
    if raw:
        return
    if sender in _search_models:
        _searched.setdefault(sender, set()).add(instance.pk)
    if ReferenceIndex.is_indexed(sender):
        _referenced.setdefault(sender, set()).add(instance.pk)


def _forget(sender, instance, **kwargs):
    # Wagtail's own handler is off in the block: what a deleted object used, and what
    # pointed at it, leave the reference index now.
    _referenced.get(sender, set()).discard(instance.pk)
    if ReferenceIndex.is_indexed(sender):
        ReferenceIndex.remove_for_object(instance)
        ReferenceIndex.remove_references_to(instance)


def _auto_updated_models():
    return tuple(
        model for model in index.get_indexed_models() if getattr(model, "search_auto_update", True)
    )


@contextmanager
def deferred():
    """Indexes every object saved in the block once, as the block ends without error."""
    global _searched, _referenced, _search_models
    if _searched is not None:
        yield
        return
    _searched, _referenced = {}, {}
    _search_models = _auto_updated_models()
    for model in _search_models:
        post_save.disconnect(post_save_signal_handler, sender=model)
    post_save.connect(_note, dispatch_uid="search-indexing-deferred")
    post_delete.connect(_forget, dispatch_uid="search-indexing-deferred")
    try:
        with disable_reference_index_auto_update(), documents.deferred():
            yield
    finally:
        post_save.disconnect(_note, dispatch_uid="search-indexing-deferred")
        post_delete.disconnect(_forget, dispatch_uid="search-indexing-deferred")
        for model in _search_models:
            post_save.connect(post_save_signal_handler, sender=model)
        searched, referenced = _searched, _referenced
        _searched = _referenced = None
    for model, pks in searched.items():
        index_in_bulk(model, pks)
    for model, pks in referenced.items():
        for instance in model._default_manager.filter(pk__in=pks).iterator():
            ReferenceIndex.create_or_update_for_object(instance)


def index_in_bulk(model, pks):
    """Writes the objects ``pks`` of ``model`` to each automatically updated search
    backend, a batch at a time; a search cluster that fails is logged, as on a save."""
    pks = sorted(pks)
    with documents.one_vocabulary():
        for start in range(0, len(pks), BATCH_SIZE):
            _index_batch(model, pks[start : start + BATCH_SIZE])


def _index_batch(model, pks):
    objects = [
        indexed
        for instance in model.get_indexed_objects().filter(pk__in=pks)
        if (indexed := instance.get_indexed_instance()) is not None
    ]
    if not objects:
        return
    for name, backend in get_search_backends_with_name(with_auto_update=True):
        try:
            backend.add_bulk(model, objects)
        except Exception:
            if not backend.catch_indexing_errors:
                raise
            logger.exception("Indexing %s in the %r search backend failed", model, name)
