"""Each group can do what its name promises, and nothing more."""

import pytest
from wagtail.models import Workflow

from services_directory.factories import ServicePageFactory
from services_directory.models import ServicePage
from taxonomy.factories import AccessModeFactory, ThemeFactory
from tests.content_model.service_form import service_form_data

pytestmark = pytest.mark.django_db


def create_service_as(client, directory, action):
    data = service_form_data(ThemeFactory(), AccessModeFactory())
    data[action] = "on"
    return client.post(f"/admin/pages/add/services_directory/servicepage/{directory.pk}/", data)


def test_groups_exist_with_the_moderation_workflow_on_every_page(site_tree):
    workflow = Workflow.objects.get(name="Moderators approval")
    assert site_tree.home.get_workflow() == workflow
    assert site_tree.directory.get_workflow() == workflow


@pytest.mark.parametrize(
    ("group", "can_add", "can_edit", "can_publish", "can_delete"),
    [
        ("Editors", True, True, False, False),
        ("Moderators", True, True, True, True),
        # A French page; their translations: tests/editors/test_roles.py.
        ("Translators", False, False, False, False),
    ],
)
def test_page_permissions(site_tree, member_of, group, can_add, can_edit, can_publish, can_delete):
    user = member_of(group)
    service = ServicePageFactory(parent=site_tree.directory)
    permissions = service.permissions_for_user(user)
    assert site_tree.directory.permissions_for_user(user).can_add_subpage() is can_add
    assert permissions.can_edit() is can_edit
    assert permissions.can_publish() is can_publish
    assert permissions.can_delete() is can_delete


@pytest.mark.parametrize(
    ("group", "expected"),
    [
        ("Editors", {"add_theme", "change_theme", "change_place", "add_place"}),
        (
            "Moderators",
            {"add_theme", "change_theme", "delete_theme", "delete_place", "change_contactsettings"},
        ),
        ("Translators", {"change_theme", "change_place"}),
    ],
)
def test_snippet_permissions(member_of, group, expected):
    user = member_of(group)
    granted = {perm.split(".")[1] for perm in user.get_all_permissions()}
    assert expected <= granted
    forbidden = {"delete_theme", "delete_place", "change_contactsettings", "add_theme"}
    assert not (granted & (forbidden - expected))
    assert "wagtail_localize.submit_translation" in user.get_all_permissions()
    assert not user.has_perm("auth.change_user")
    assert not user.has_perm("auth.add_user")


def test_editor_submits_for_moderation_but_cannot_publish(site_tree, client, member_of):
    client.force_login(member_of("Editors"))
    response = create_service_as(client, site_tree.directory, "action-publish")
    service = ServicePage.objects.get(locale__language_code="fr")
    assert not service.live, response.status_code

    response = client.post(
        f"/admin/pages/{service.pk}/edit/",
        {**service_form_data(ThemeFactory(), AccessModeFactory()), "action-submit": "on"},
    )
    assert response.status_code == 302
    service.refresh_from_db()
    assert not service.live
    assert service.current_workflow_state is not None
    assert service.current_workflow_state.status == "in_progress"


def test_moderator_publishes(site_tree, client, member_of):
    client.force_login(member_of("Moderators"))
    response = create_service_as(client, site_tree.directory, "action-publish")
    assert response.status_code == 302
    assert ServicePage.objects.get(locale__language_code="fr").live


def test_translator_cannot_create_pages_but_can_reach_translations(site_tree, client, member_of):
    client.force_login(member_of("Translators"))
    response = create_service_as(client, site_tree.directory, "action-publish")
    assert response.status_code in (302, 403)
    assert not ServicePage.objects.exists()
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/users/").status_code in (302, 403)


@pytest.mark.parametrize(
    ("group", "can_read"), [("Editors", True), ("Moderators", True), ("Translators", False)]
)
def test_problem_reports_are_read_by_editors_and_moderators(client, member_of, group, can_read):
    from feedback.models import ProblemReport

    report = ProblemReport.objects.create(page_path="/fr/", language="fr", message="Horaires faux")
    client.force_login(member_of(group))
    listing = client.get("/admin/problem_reports/")
    assert (listing.status_code == 200) is can_read
    if can_read:
        assert "Horaires faux" in listing.content.decode()
        edit = client.post(
            f"/admin/problem_reports/edit/{report.pk}/",
            {"handled": "on", "message": "changed by an editor"},
        )
        assert edit.status_code == 302
        report.refresh_from_db()
        assert report.handled
        assert report.message == "Horaires faux"
