"""Keeping every language's page tree in step with the French one."""

from wagtail_localize.models import LocaleSynchronization
from wagtail_localize.synctree import PageIndex, synchronize_tree

from search import indexing


def synchronise_all_trees():
    """Creates the missing aliases in every synchronised language (idempotent), each
    indexed once when all are made."""
    page_index = PageIndex.from_database().sort_by_tree_position()
    with indexing.deferred():
        for synchronisation in LocaleSynchronization.objects.select_related("locale", "sync_from"):
            synchronize_tree(
                synchronisation.sync_from, synchronisation.locale, page_index=page_index
            )
