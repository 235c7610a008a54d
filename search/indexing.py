"""Indexing once per object for a block of writes (loading the demo, creating pages).

Creating and publishing one page saves it three times and changes its relations twice:
each of those writes would index it again, in Wagtail's index (the editors' admin, the
pages API, the search cluster) and in the residents' documents (``search.documents``).
Inside ``deferred()`` every object written is noted and indexed once, when the block
ends, through the same task as a save outside the block.
"""

from contextlib import contextmanager

from django.db.models.signals import post_save
from modelsearch import index
from modelsearch.signal_handlers import post_save_signal_handler
from modelsearch.tasks import insert_or_update_object_task

from search import documents

_pending = None


def _note(sender, instance, raw=False, **kwargs):
    if not raw:
        _pending.setdefault(sender, set()).add(instance.pk)


def _auto_updated_models():
    return [
        model for model in index.get_indexed_models() if getattr(model, "search_auto_update", True)
    ]


@contextmanager
def deferred():
    """Indexes every object saved in the block once, as the block ends without error."""
    global _pending
    if _pending is not None:
        yield
        return
    _pending = {}
    models = _auto_updated_models()
    for model in models:
        post_save.disconnect(post_save_signal_handler, sender=model)
        post_save.connect(_note, sender=model)
    try:
        with documents.deferred():
            yield
    finally:
        for model in models:
            post_save.disconnect(_note, sender=model)
            post_save.connect(post_save_signal_handler, sender=model)
        pending, _pending = _pending, None
    for model, pks in pending.items():
        for pk in model.objects.filter(pk__in=pks).values_list("pk", flat=True):
            insert_or_update_object_task.enqueue(
                model._meta.app_label, model._meta.model_name, str(pk)
            )
