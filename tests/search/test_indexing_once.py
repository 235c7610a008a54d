"""Objects written several times in a block are indexed once, when the block ends."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import ReferenceIndex
from wagtail.search.models import IndexEntry

from places.factories import PlaceFactory
from search import indexing
from search.models import SearchDocument
from services_directory.factories import ServicePageFactory
from services_directory.models import ServicePage
from taxonomy.factories import AudienceFactory, ThemeFactory

pytestmark = pytest.mark.django_db


def indexed(page):
    return (
        IndexEntry.objects.filter(object_id=str(page.pk)).exists(),
        SearchDocument.objects.filter(page_id=page.pk).exists(),
        ReferenceIndex.objects.filter(object_id=str(page.pk)).exists(),  # its place
    )


def test_a_page_created_and_published_in_the_block_is_indexed_once_as_it_ends(
    site_tree, monkeypatch
):
    written = []
    backends = indexing.get_search_backends_with_name

    def recording_backends(**kwargs):
        for name, backend in backends(**kwargs):
            add_bulk = backend.add_bulk
            monkeypatch.setattr(
                backend,
                "add_bulk",
                lambda model, objects, add_bulk=add_bulk: (
                    written.extend(o.pk for o in objects) or add_bulk(model, objects)
                ),
            )
            yield name, backend

    monkeypatch.setattr(indexing, "get_search_backends_with_name", recording_backends)
    with indexing.deferred():
        page = ServicePageFactory(
            parent=site_tree.directory, title="Aide au budget", places=[PlaceFactory()]
        )
        page.title = "Aide au budget familial"
        page.save_revision().publish()
        assert indexed(page) == (False, False, False)
    assert indexed(page) == (True, True, True)
    assert written.count(page.pk) == 1


def test_nothing_is_indexed_when_the_block_fails_and_saves_index_again_after(site_tree):
    with pytest.raises(RuntimeError), indexing.deferred():
        page = ServicePageFactory(
            parent=site_tree.directory, title="Aide au budget", places=[PlaceFactory()]
        )
        raise RuntimeError
    assert indexed(page)[0] is False
    page.save_revision().publish()
    assert indexed(page) == (True, True, True)


def test_a_page_deleted_in_the_block_leaves_no_reference(site_tree):
    with indexing.deferred():
        page = ServicePageFactory(
            parent=site_tree.directory, title="Aide au budget", places=[PlaceFactory()]
        )
        page.delete()
    assert not ReferenceIndex.objects.filter(object_id=str(page.pk)).exists()
    assert not IndexEntry.objects.filter(object_id=str(page.pk)).exists()


def test_indexing_services_in_bulk_reads_as_much_for_two_as_for_six(site_tree):
    """What the search fields read (themes, places, documents…) is read once per batch,
    each taxonomy term once; only the database backend's writes grow with the pages."""

    theme, audience = ThemeFactory(), AudienceFactory()

    def services(count):
        pages = [
            ServicePageFactory(
                parent=site_tree.directory,
                places=[PlaceFactory()],
                documents=["Pièce d’identité"],
                themes=[theme],
                audiences=[audience],
            )
            for _ in range(count)
        ]
        return [page.pk for page in pages]

    def reads(pks):
        with CaptureQueriesContext(connection) as queries:
            indexing.index_in_bulk(ServicePage, pks)
        return [query["sql"] for query in queries if query["sql"].startswith("SELECT")]

    few, many = services(2), services(6)
    assert len(reads(many)) == len(reads(few))
