"""What weighs in the resident search's ranking besides the words: where they are
(title or text) and whether the service is suspended. Each test has its own pages (the
ones of test_fast_ranking.py would rank among them)."""

import pytest

from search import engine
from search.query import Question
from services_directory.factories import ServicePageFactory
from tests.search.test_fast_ranking import french_pages

pytestmark = pytest.mark.django_db


def test_titles_rank_above_bodies(site_tree):
    in_body = ServicePageFactory(
        parent=site_tree.directory, title="Permanence", summary="Questions de logement."
    )
    in_title = ServicePageFactory(parent=site_tree.directory, title="Logement", summary="Aide.")
    ids = engine.find(french_pages(), Question.parse("logement", "fr"), in_body.locale_id).ids
    assert ids == [in_title.pk, in_body.pk]


def test_suspended_services_rank_lower(site_tree):
    suspended = ServicePageFactory(
        parent=site_tree.directory,
        title="Logement",
        is_suspended=True,
        suspension_message="Travaux.",
    )
    open_service = ServicePageFactory(parent=site_tree.directory, title="Logement social")
    ids = engine.find(french_pages(), Question.parse("logement", "fr"), suspended.locale_id).ids
    assert ids == [open_service.pk, suspended.pk]
