"""Objects written several times in a block are indexed once, when the block ends."""

import pytest
from wagtail.search.models import IndexEntry

from search import indexing
from search.models import SearchDocument
from services_directory.factories import ServicePageFactory

pytestmark = pytest.mark.django_db


def indexed(page):
    return (
        IndexEntry.objects.filter(object_id=str(page.pk)).exists(),
        SearchDocument.objects.filter(page_id=page.pk).exists(),
    )


def test_a_page_created_and_published_in_the_block_is_indexed_once_as_it_ends(
    site_tree, monkeypatch
):
    enqueued = []
    task = indexing.insert_or_update_object_task

    class Recorded:
        def enqueue(self, *args):
            enqueued.append(args)
            return task.enqueue(*args)

    monkeypatch.setattr(indexing, "insert_or_update_object_task", Recorded())
    with indexing.deferred():
        page = ServicePageFactory(parent=site_tree.directory, title="Aide au budget")
        page.title = "Aide au budget familial"
        page.save_revision().publish()
        assert indexed(page) == (False, False)
    assert indexed(page) == (True, True)
    assert enqueued.count(("services_directory", "servicepage", str(page.pk))) == 1


def test_nothing_is_indexed_when_the_block_fails_and_saves_index_again_after(site_tree):
    with pytest.raises(RuntimeError), indexing.deferred():
        page = ServicePageFactory(parent=site_tree.directory, title="Aide au budget")
        raise RuntimeError
    assert indexed(page)[0] is False
    page.save_revision().publish()
    assert indexed(page) == (True, True)
