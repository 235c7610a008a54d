"""Whatever is typed, search answers below 500: 2,000+ generated queries per database."""

import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from search.query import MAX_TERMS, clean_query, search_terms
from services_directory.factories import ServicePageFactory
from tests.conftest import once_per_module, read_again

pytestmark = pytest.mark.django_db

FTS_AND_SQL = st.sampled_from(
    [
        '"',
        '""',
        "'",
        "*",
        "^",
        ":",
        "(",
        ")",
        "-",
        "+",
        "NEAR(",
        "AND",
        "OR",
        "NOT",
        "title:",
        "' OR 1=1 --",
        "%",
        "_",
        "\\",
        ";",
        "/*",
        "NEAR/2",
        "{",
        "}",
        "~",
        "&",
        "|",
        "!",
    ]
)
WORDS = st.sampled_from(["logement", "aide", "impôts", "سكن", "житло", "ቤት", "வீடு", "😀", "👩‍👧"])
QUERIES = st.one_of(
    st.text(max_size=5_000),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=300),
    st.lists(st.one_of(FTS_AND_SQL, WORDS, st.text(max_size=8)), max_size=400).map(" ".join),
    st.just(" \t\n "),
    st.just("\x00"),
    st.just("\u202e\u200f\u200b"),
    st.just("mot " * 1_250),
)
COMMON = settings(
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture
def searchable(module_searchable, site_tree):
    return read_again(module_searchable)


@once_per_module
def module_searchable(site_tree):
    ServicePageFactory(parent=site_tree.directory, title="Aide au logement", summary="Loyer")
    ServicePageFactory(parent=site_tree.directory, title="Impôts", summary="Déclaration")


@settings(COMMON, max_examples=1_100)
@given(query=QUERIES)
def test_search_page_never_fails(searchable, client, query):
    response = client.get("/fr/search/", {"q": query})
    assert response.status_code == 200


@settings(COMMON, max_examples=300)
@given(query=QUERIES)
def test_directory_query_never_fails(searchable, client, site_tree, query):
    response = client.get(site_tree.directory.url, {"q": query})
    assert response.status_code == 200


@settings(COMMON, max_examples=600)
@given(query=QUERIES)
def test_suggestions_never_fail(searchable, client, query):
    response = client.get("/fr/search/suggest/", {"q": query})
    assert response.status_code == 200
    assert "suggestions" in response.json()


@given(query=QUERIES)
@settings(max_examples=300, deadline=None)
def test_cleaned_terms_are_bounded_words(query):
    terms = search_terms(clean_query(query))
    assert len(terms) <= MAX_TERMS
    # Letters, marks (Tamil vowel signs) and digits only: nothing a backend could parse.
    assert all(unicodedata.category(char)[0] in "LMN" for term in terms for char in term)


def test_operators_and_quotes_are_harmless(searchable, client):
    for query in ['"aide', "aide AND", "NOT logement", "logement*", "(aide", "aide OR impôts"]:
        response = client.get("/fr/search/", {"q": query})
        assert response.status_code == 200
    titles = [
        p.title
        for p in client.get("/fr/search/", {"q": '"logement'}).context["results_page"].object_list
    ]
    assert titles == ["Aide au logement"]


@pytest.fixture
def budget_services(module_budget_services, site_tree):
    return read_again(module_budget_services)


@once_per_module
def module_budget_services(site_tree):
    """Two pages of results for “budget”."""
    return [
        ServicePageFactory(parent=site_tree.directory, title=f"Permanence budget {number}")
        for number in range(25)
    ]


@pytest.mark.parametrize(
    "page, expected", [("abc", 1), ("-5", 1), ("0", 1), ("2", 2), ("999999999999", 2), ("1e9", 1)]
)
def test_bad_page_numbers_are_clamped(budget_services, client, page, expected):
    response = client.get("/fr/search/", {"q": "budget", "page": page})
    assert response.status_code == 200
    assert response.context["results_page"].number == expected


def test_nul_bytes_in_the_page_number_are_harmless(searchable, client):
    assert client.get("/fr/search/?q=aide&page=%00").status_code == 200
