"""Facets alone and combined, and their counts checked against a brute-force count."""

import itertools
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core import content_version

pytestmark = pytest.mark.django_db


def facet_values(service):
    places = [link.place for link in service.service_places.all()]
    return {
        "theme": {t.slug for t in service.themes.all()},
        "audience": {a.slug for a in service.audiences.all()},
        "language": {lang.slug for lang in service.spoken_languages.all()},
        "access": {m.slug for m in service.access_modes.all()},
        "commune": {p.commune for p in places},
        "free": {"1"} if service.cost == "free" else set(),
        "feature": {f.slug for p in places for f in p.accessibility_features.all()},
    }


def values_of(services):
    """Each service's facet values, by id: read once, the brute force runs in Python."""
    return {service.pk: facet_values(service) for service in services}


def brute_force(values_by_id, choices):
    """Ids of the services (``values_of``) matching every facet's choices (any value
    within a facet)."""
    return {
        pk
        for pk, facets in values_by_id.items()
        if all(facets[name] & set(wanted) for name, wanted in choices.items())
    }


def get(client, directory, choices, **extra):
    params = [(name, value) for name, values in choices.items() for value in values]
    params += list(extra.items())
    return client.get(directory.url, params)


def shown_ids(response):
    return {s.pk for s in response.context["services_page"].object_list}


SELECTIONS = [
    {},
    {"theme": ["seniors"]},
    {"theme": ["seniors", "dettes"]},
    {"audience": ["jeunes"]},
    {"language": ["ar"]},
    {"access": ["par-telephone"]},
    {"commune": ["Vernier"]},
    {"free": ["1"]},
    {"feature": ["acces-de-plain-pied"]},
    {"theme": ["logement"], "language": ["pt", "ar"]},
    {"theme": ["seniors"], "free": ["1"], "commune": ["Issy-les-Moulineaux"]},
    {"audience": ["familles"], "access": ["sans-rendez-vous"], "feature": ["acces-de-plain-pied"]},
]


@pytest.mark.parametrize(
    "choices",
    SELECTIONS,
    ids=lambda c: "&".join(f"{k}={'+'.join(v)}" for k, v in c.items()) or "none",
)
def test_results_and_disjunctive_counts_match_brute_force(catalogue, client, site_tree, choices):
    values_by_id = values_of(catalogue["services"])
    response = get(client, site_tree.directory, choices)
    assert response.status_code == 200
    expected = brute_force(values_by_id, choices)
    assert response.context["paginator"].count == len(expected)
    assert shown_ids(response) == expected  # 20 services fit on one page
    for facet in response.context["facets"]:
        others = {name: values for name, values in choices.items() if name != facet.name}
        for option in facet.options:
            with_option = {**others, facet.name: [option.value]}
            assert option.count == len(brute_force(values_by_id, with_option)), (
                facet.name,
                option.value,
            )
            assert option.selected == (option.value in choices.get(facet.name, []))


def test_zero_count_options_stay_visible_and_marked(catalogue, client, site_tree):
    response = get(client, site_tree.directory, {"commune": ["Issy-les-Moulineaux"], "free": ["1"]})
    content = response.content.decode()
    for facet in response.context["facets"]:
        assert facet.options, facet.name
    if any(o.count == 0 for f in response.context["facets"] for o in f.options):
        assert "facet__option--empty" in content


def test_active_filters_are_removable_chips_with_clear_all(catalogue, client, site_tree):
    response = get(client, site_tree.directory, {"theme": ["seniors", "dettes"], "free": ["1"]})
    chips = response.context["active_filters"]
    assert len(chips) == 3
    removal = next(
        chip for chip in chips if "Seniors" in chip["label"] or "seniors" in chip["label"]
    )
    assert "theme=seniors" not in removal["url"] and "theme=dettes" in removal["url"]
    clear_all = f'<a class="chip chip--clear" href="{response.context["clear_url"]}">'
    assert clear_all + "Effacer tous les filtres</a>" in response.content.decode()


def query_counts(client, directory, choices):
    """Queries of a request after an edit (memberships read afresh, cards rendered), then
    of one reusing them (in the same minute: ``frozen_now``)."""
    content_version.bump()
    with CaptureQueriesContext(connection) as cold:
        get(client, directory, choices)
    with CaptureQueriesContext(connection) as warm:
        get(client, directory, choices)
    return len(cold), len(warm)


@pytest.mark.usefixtures("without_page_cache")
def test_query_count_does_not_grow_with_results_or_page_size(
    catalogue, client, site_tree, frozen_now
):
    choices = {"theme": ["seniors", "logement"], "language": ["fr"]}
    get(client, site_tree.directory, choices)
    cold, warm = query_counts(client, site_tree.directory, choices)
    for number in range(15):
        catalogue["services"][0].copy(
            update_attrs={"slug": f"copie-{number}", "title": f"Copie {number}"}
        )
    assert query_counts(client, site_tree.directory, choices) == (cold, warm)
    assert warm < cold


def option_count(response, facet_name, value):
    facet = next(f for f in response.context["facets"] if f.name == facet_name)
    return facet.option(value).count


def test_counts_follow_edits_at_once(catalogue, client, site_tree):
    """Memberships are kept between requests, but never outlive a change."""
    directory = site_tree.directory
    before = get(client, directory, {})
    service = next(s for s in catalogue["services"] if "seniors" not in facet_values(s)["theme"])
    seniors = next(t for t in service.themes.model.objects.filter(slug="seniors"))
    service.themes.add(seniors)
    service.save_revision().publish()
    after = get(client, directory, {})
    assert option_count(after, "theme", "seniors") == option_count(before, "theme", "seniors") + 1

    place = service.service_places.first().place
    place.commune = "Meyrin"
    place.save()
    moved = get(client, directory, {"commune": ["Meyrin"]})
    assert service.pk in shown_ids(moved)

    service.unpublish()
    gone = get(client, directory, {})
    assert gone.context["paginator"].count == after.context["paginator"].count - 1


def test_combined_facets_pairwise(catalogue, client, site_tree):
    values_by_id = values_of(catalogue["services"])
    pairs = [("theme", "dettes"), ("audience", "familles"), ("language", "pt"), ("free", "1")]
    for (name1, value1), (name2, value2) in itertools.combinations(pairs, 2):
        choices = {name1: [value1], name2: [value2]}
        response = get(client, site_tree.directory, choices)
        assert shown_ids(response) == brute_force(values_by_id, choices), choices


def test_several_filters_or_a_query_are_noindex(catalogue, client, site_tree):
    one = get(client, site_tree.directory, {"theme": ["seniors"]}).content.decode()
    two = get(client, site_tree.directory, {"theme": ["seniors"], "free": ["1"]}).content.decode()
    query = get(client, site_tree.directory, {}, q="service").content.decode()
    assert 'name="robots" content="noindex"' not in one
    assert 'name="robots" content="noindex"' in two
    assert 'name="robots" content="noindex"' in query


def test_query_combines_with_facets(catalogue, client, site_tree):
    target = catalogue["services"][3]
    target.title = "Permanence philatélie"
    target.save_revision().publish()
    themes = {t.slug for t in target.themes.all()}
    response = get(client, site_tree.directory, {"theme": sorted(themes)}, q="philatélie")
    assert shown_ids(response) == {target.pk}
    other_theme = ({"seniors", "logement", "dettes"} - themes).pop()
    response = get(client, site_tree.directory, {"theme": [other_theme]}, q="philatélie")
    assert shown_ids(response) == set()
    assert re.search(r"0 services? found|0 service", response.content.decode())
