"""Keeping every language's page tree in step with the French one."""

from wagtail_localize.models import LocaleSynchronization
from wagtail_localize.synctree import PageIndex, synchronize_tree

from search import indexing


def synchronise_all_trees(languages=None):
    """Creates the missing aliases in every synchronised language, or in those of
    ``languages`` (language codes) only (idempotent), each indexed once when all are made."""
    synchronisations = LocaleSynchronization.objects.select_related("locale", "sync_from")
    if languages is not None:
        synchronisations = synchronisations.filter(locale__language_code__in=languages)
    page_index = PageIndex.from_database().sort_by_tree_position()
    with indexing.deferred():
        for synchronisation in synchronisations:
            synchronize_tree(
                synchronisation.sync_from, synchronisation.locale, page_index=page_index
            )
