"""Emergency numbers, places and organisations are moderated like pages (core.moderation):
each group can do exactly what its name promises, and residents only ever see what a
Moderator published."""

import pytest
from django.core.cache import cache
from wagtail.models import Workflow
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from core.factories import EmergencyNumberFactory
from core.models import ContactSettings, EmergencyNumber
from places.factories import OrganisationFactory, PlaceFactory
from places.models import Organisation, Place
from services_directory.factories import ServicePageFactory

pytestmark = pytest.mark.django_db

MODERATED = (EmergencyNumber, Place, Organisation)
ACTIONS = ("add", "change", "delete", "view", "publish", "lock", "unlock")
# Drafts and submissions for Editors (who lock what they edit) and Translators; the rest
# for Moderators. Contact settings have no drafts in Wagtail: only Moderators change them.
PROMISED = {
    "Editors": {"add", "change", "view", "lock"},
    "Moderators": set(ACTIONS),
    "Translators": {"change", "view"},
}
SETTINGS_PROMISED = {"Editors": set(), "Moderators": {"change"}, "Translators": set()}


def granted(user, model, actions):
    meta = model._meta
    return {
        action
        for action in actions
        if user.has_perm(f"{meta.app_label}.{action}_{meta.model_name}")
    }


@pytest.mark.parametrize("group", sorted(PROMISED))
@pytest.mark.parametrize("model", MODERATED, ids=lambda model: model._meta.model_name)
def test_permission_matrix(member_of, group, model):
    assert granted(member_of(group), model, ACTIONS) == PROMISED[group]


@pytest.mark.parametrize("group", sorted(SETTINGS_PROMISED))
def test_contact_settings_are_changed_by_moderators_only(client, site_tree, member_of, group):
    user = member_of(group)
    assert granted(user, ContactSettings, ("add", "change", "delete")) == SETTINGS_PROMISED[group]
    client.force_login(user)
    response = client.get(f"/admin/settings/core/contactsettings/{site_tree.site.pk}/")
    assert (response.status_code == 200) is ("change" in SETTINGS_PROMISED[group])


@pytest.mark.parametrize("model", MODERATED, ids=lambda model: model._meta.model_name)
def test_the_pages_workflow_moderates_the_snippets(model):
    assert model.get_default_workflow() == Workflow.objects.get(name="Moderators approval")


# An emergency number, changed through the admin as each group would


def edit_number(client, snippet, action=None, **changes):
    data = {"label": snippet.label, "number": snippet.number, "description": "", **changes}
    if action:
        data[action] = "on"
    return client.post(f"/admin/snippets/core/emergencynumber/edit/{snippet.pk}/", data)


def footer_numbers(client):
    cache.clear()
    return client.get("/fr/").content.decode()


# Translators change translations only: tests/editors/test_roles.py.
@pytest.mark.parametrize("group", ["Editors"])
def test_an_editor_cannot_publish_a_number_and_residents_keep_the_published_one(
    client, site_tree, member_of, group
):
    number = EmergencyNumberFactory(label="Urgences", number="144")
    client.force_login(member_of(group))
    form = client.get(f"/admin/snippets/core/emergencynumber/edit/{number.pk}/")
    assert "restent un brouillon jusqu’à ce qu’un modérateur les publie" in form.content.decode()

    edit_number(client, number, "action-publish", number="145")
    number.refresh_from_db()
    assert number.number == "144"

    response = edit_number(client, number, number="145")
    assert response.status_code == 302
    number.refresh_from_db()
    assert number.number == "144"
    assert number.has_unpublished_changes
    assert number.get_latest_revision_as_object().number == "145"
    page = footer_numbers(client.__class__())
    assert 'href="tel:144"' in page
    assert "145" not in page


@pytest.mark.parametrize("group", ["Editors"])
def test_a_submitted_number_reaches_residents_once_a_moderator_publishes_it(
    client, site_tree, member_of, group
):
    number = EmergencyNumberFactory(label="Urgences", number="144")
    client.force_login(member_of(group))
    assert edit_number(client, number, "action-submit", number="145").status_code == 302
    number.refresh_from_db()
    assert number.current_workflow_state.status == "in_progress"
    assert "145" not in footer_numbers(client.__class__())

    client.force_login(member_of("Moderators"))
    assert edit_number(client, number, "action-publish", number="145").status_code == 302
    number.refresh_from_db()
    assert number.number == "145"
    page = footer_numbers(client.__class__())
    assert 'href="tel:145"' in page
    assert 'href="tel:144"' not in page


def test_a_new_number_waits_for_a_moderator(client, site_tree, member_of):
    client.force_login(member_of("Editors"))
    response = client.post(
        "/admin/snippets/core/emergencynumber/add/?locale=fr",
        {"label": "Numéro douteux", "number": "+41 800 123 456", "description": "", "locale": "fr"},
    )
    assert response.status_code == 302, response.content
    number = EmergencyNumber.objects.get()
    assert not number.live
    assert "+41 800 123 456" not in footer_numbers(client.__class__())
    number.get_latest_revision().publish()
    assert "+41 800 123 456" in footer_numbers(client.__class__())


# Places and organisations: what residents read about a service


def place_form(place, **changes):
    fields = (
        "name", "slug", "kind", "street_address", "postcode", "commune", "country",
        "latitude", "longitude", "transit", "accessibility_notes", "phone", "email",
    )  # fmt: skip
    data = {name: str(getattr(place, name)) for name in fields}
    data["organisation"] = str(place.organisation_id or "")
    data["opening_periods"] = inline_formset([])
    data["hours_exceptions"] = inline_formset([])
    return nested_form_data({**data, **changes})


def service_page(client, service):
    cache.clear()
    return client.get(service.url).content.decode()


def test_an_address_changed_as_a_draft_stays_unseen_until_published(client, site_tree, member_of):
    place = PlaceFactory(street_address="Rue du Village 20", weekdays=[])
    service = ServicePageFactory(parent=site_tree.directory, places=[place])
    client.force_login(member_of("Editors"))
    response = client.post(
        f"/admin/snippets/places/place/edit/{place.pk}/",
        place_form(place, street_address="Chemin Faux 1"),
    )
    assert response.status_code == 302, response.content
    resident = client.__class__()
    assert "Rue du Village 20" in service_page(resident, service)
    assert "Chemin Faux 1" not in service_page(resident, service)

    place.refresh_from_db()
    place.get_latest_revision().publish()
    assert "Chemin Faux 1" in service_page(resident, service)


API = "/api/hsds/v3"


def hsds_ids(client, path):
    cache.clear()
    response = client.get(f"{API}{path}", {"lang": "fr"})
    assert response.status_code == 200
    return [item["id"] for item in response.json()["contents"]]


def test_a_new_unpublished_place_and_organisation_appear_nowhere(client, site_tree):
    published = PlaceFactory(name="Antenne des Avanchets", commune="Vernier")
    organisation = OrganisationFactory(name="Association Brouillon", live=False)
    draft = PlaceFactory(
        name="Antenne Brouillon", commune="Bourg-Brouillon", organisation=organisation, live=False
    )
    service = ServicePageFactory(
        parent=site_tree.directory, places=[published, draft], organisation=organisation
    )

    page = service_page(client, service)
    assert "Antenne des Avanchets" in page
    assert "Antenne Brouillon" not in page
    assert "Association Brouillon" not in page
    directory = client.get(site_tree.directory.url).content.decode()
    assert "Vernier" in directory
    assert "Bourg-Brouillon" not in directory
    assert hsds_ids(client, "/organizations") == []
    at_locations = client.get(f"{API}/services/{service.translation_key}").json()
    assert [link["location"]["name"] for link in at_locations["service_at_locations"]] == [
        "Antenne des Avanchets"
    ]
    assert len(hsds_ids(client, "/service_at_locations")) == 1
    api = client.get(f"/api/v2/pages/{service.pk}/").json()
    assert [place["name"] for place in api["service_places"]] == ["Antenne des Avanchets"]
    assert api["organisation"] is None

    # The oracle: published, they appear everywhere.
    for snippet in (organisation, draft):
        snippet.save_revision().publish()
    assert "Antenne Brouillon" in service_page(client, service)
    assert "Association Brouillon" in service_page(client, service)
    assert "Bourg-Brouillon" in client.get(site_tree.directory.url).content.decode()
    assert len(hsds_ids(client, "/organizations")) == 1
    assert len(hsds_ids(client, "/service_at_locations")) == 2


def test_the_factories_make_published_snippets():
    assert all(
        snippet.live and snippet.is_shown_to_residents()
        for snippet in (EmergencyNumberFactory(), PlaceFactory(), OrganisationFactory())
    )


def found_by_search(client, words):
    cache.clear()
    response = client.get("/fr/search/", {"q": words})
    return [page.title for page in response.context["results_page"].object_list]


def test_search_finds_a_service_by_its_place_once_the_place_is_published(client, site_tree):
    draft = PlaceFactory(name="Maison Brouillonne", commune="Bourg-Brouillon", live=False)
    ServicePageFactory(parent=site_tree.directory, title="Aide aux impôts", places=[draft])
    assert found_by_search(client, "Brouillonne") == []

    draft.save_revision().publish()
    assert found_by_search(client, "Brouillonne") == ["Aide aux impôts"]

    draft.refresh_from_db()
    draft.unpublish()
    assert found_by_search(client, "Brouillonne") == []
