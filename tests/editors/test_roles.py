"""Editors, team Editors, Translators and Moderators: who may change which item.

A matrix first (role × page or snippet × language × action, through the rules'
one entry point ``core.permissions.user_may``), then what each role meets in the admin:
listings, edit views, the organisation choice, the translation editor's submission, the
Moderator's approval, the stale translations report and the dashboard.
"""

from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from core.permissions import user_may
from localization.translate import translate_object
from places.factories import OrganisationFactory, PlaceFactory
from places.models import Team
from services_directory.factories import ServicePageFactory
from services_directory.models import ServicePage
from taxonomy.factories import AccessModeFactory, ThemeFactory
from tests.conftest import once_per_module, read_again
from tests.content_model.service_form import service_form_data

pytestmark = pytest.mark.django_db


def english_of(text):
    return f"EN {text}"


def user_in(username, *groups):
    user = get_user_model().objects.create_user(username, f"{username}@example.org", "pw")
    user.groups.add(*Group.objects.filter(name__in=groups))
    return user


@once_per_module
def world(site_tree):
    english = Locale.objects.get(language_code="en")
    for page in (site_tree.home, site_tree.directory):
        translate_object(page, english, english_of)
    ours, theirs = (
        OrganisationFactory(name="Ville de Vernier"),
        OrganisationFactory(name="Hospice général"),
    )
    team = Team.objects.create(group=Group.objects.create(name="Équipe Vernier"))
    team.organisations.add(ours)
    french = {}
    for side, organisation in (("ours", ours), ("theirs", theirs)):
        french[f"organisation_{side}"] = organisation
        french[f"place_{side}"] = PlaceFactory(
            name=f"Place {side}", slug=f"place-{side}", organisation=organisation
        )
        service = ServicePageFactory(
            parent=site_tree.directory, title=f"Service {side}", organisation=organisation
        )
        service.save_revision().publish()
        french[f"service_{side}"] = service
    french["theme"] = ThemeFactory(name="Logement", slug="logement")
    items = {("fr", name): item for name, item in french.items()}
    for name, item in french.items():
        items["en", name] = translate_object(item, english, english_of)
    return SimpleNamespace(
        items=items,
        english=english,
        users={
            "Editor": user_in("editor", "Editors"),
            "Team editor": user_in("team-editor", "Editors", "Équipe Vernier"),
            "Translator": user_in("translator", "Translators"),
            "Moderator": user_in("moderator", "Moderators", "Équipe Vernier"),
        },
    )


@pytest.fixture
def roles(world, site_tree):
    return read_again(world)


SCOPED = ["service_theirs", "place_theirs", "organisation_theirs"]
OWN = ["service_ours", "place_ours", "organisation_ours"]


def expected_change(role, language, name):
    if role == "Translator":
        return language == "en"
    if role == "Team editor":
        return name not in SCOPED
    return True


@pytest.mark.parametrize("role", ["Editor", "Team editor", "Translator", "Moderator"])
@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("name", [*OWN, *SCOPED, "theme"])
def test_who_may_change_and_publish_what(roles, role, language, name):
    user, item = roles.users[role], roles.items[language, name]
    assert user_may(user, "change", item) is expected_change(role, language, name)
    if name != "theme":  # Taxonomies have no drafts: no publishing.
        assert user_may(user, "publish", item) is (role == "Moderator")


def admin_as(client, roles, role):
    client.force_login(roles.users[role])
    return client


def edit_url(item):
    if isinstance(item, ServicePage):
        return f"/admin/pages/{item.pk}/edit/"
    return f"/admin/snippets/places/{item._meta.model_name}/edit/{item.pk}/"


@pytest.mark.parametrize(
    ("role", "name", "allowed"),
    [
        ("Team editor", "service_ours", True),
        ("Team editor", "service_theirs", False),
        ("Team editor", "place_ours", True),
        ("Team editor", "place_theirs", False),
        ("Team editor", "organisation_theirs", False),
        ("Translator", "service_ours", False),
        ("Translator", "place_ours", False),
        ("Editor", "place_theirs", True),
        ("Moderator", "service_theirs", True),
    ],
)
def test_edit_views_refuse_what_the_rules_refuse(client, roles, role, name, allowed):
    item = roles.items["fr", name]
    response = admin_as(client, roles, role).get(edit_url(item))
    if allowed:
        assert response.status_code == 200
        return
    # Back to the dashboard (pages, Wagtail's) or the listing (snippets), with a message.
    assert response.status_code == 302
    assert response.url == (
        "/admin/" if name.startswith("service") else edit_url(item).split("edit/")[0]
    )


def test_a_translator_edits_the_translation_not_the_french_place(client, roles):
    admin_as(client, roles, "Translator")
    response = client.get(edit_url(roles.items["en", "place_ours"]))
    assert response.status_code == 200
    with translation.override("en"):
        refused = client.get(
            edit_url(roles.items["fr", "place_ours"]), HTTP_ACCEPT_LANGUAGE="en", follow=True
        )
    assert "Only Editors and Moderators change the French original" in refused.content.decode()


@pytest.mark.parametrize(("role", "sees_theirs"), [("Team editor", False), ("Editor", True)])
def test_listings_show_a_team_its_own_items(client, roles, role, sees_theirs):
    admin_as(client, roles, role)
    directory = roles.items["fr", "service_ours"].get_parent()
    listings = {
        "service": client.get(f"/admin/pages/{directory.pk}/").content.decode(),
        "place": client.get("/admin/snippets/places/place/?locale=fr").content.decode(),
        "organisation": client.get(
            "/admin/snippets/places/organisation/?locale=fr"
        ).content.decode(),
    }
    for kind, content in listings.items():
        ours, theirs = (roles.items["fr", f"{kind}_{side}"] for side in ("ours", "theirs"))
        assert name_of(ours) in content, kind
        assert (name_of(theirs) in content) is sees_theirs, kind


@pytest.mark.parametrize(("role", "sees_theirs"), [("Team editor", False), ("Editor", True)])
def test_the_organisation_chooser_offers_a_team_its_own(client, roles, role, sees_theirs):
    admin_as(client, roles, role)
    content = client.get("/admin/snippets/choose/places/organisation/?locale=fr").json()["html"]
    assert "Ville de Vernier" in content
    assert ("Hospice général" in content) is sees_theirs


def name_of(item):
    return getattr(item, "title", None) or item.name


def test_a_team_editor_creates_services_only_for_its_organisations(client, roles):
    admin_as(client, roles, "Team editor")
    directory = roles.items["fr", "service_ours"].get_parent()
    url = f"/admin/pages/add/services_directory/servicepage/{directory.pk}/"
    form = client.get(url).context["form"]
    assert list(form.fields["organisation"].queryset) == [roles.items["fr", "organisation_ours"]]

    data = service_form_data(ThemeFactory(), AccessModeFactory(), slug="nouveau")
    data["organisation"] = roles.items["fr", "organisation_theirs"].pk
    with translation.override("en"):
        response = client.post(url, data, HTTP_ACCEPT_LANGUAGE="en")
        errors = " ".join(response.context["form"].errors["organisation"])
    assert "Choose one of your team's organisations." in errors
    data["organisation"] = roles.items["fr", "organisation_ours"].pk
    assert client.post(url, data).status_code == 302
    created = ServicePage.objects.get(slug="nouveau", locale__language_code="fr")
    assert created.permissions_for_user(roles.users["Team editor"]).can_edit()


def type_translations(french, locale):
    """What a translator does in the editor: the French text taken again, then each of its
    strings translated; returns the translation being worked on."""
    source, _created = TranslationSource.update_or_create_from_instance(french)
    for segment in source.stringsegment_set.select_related("string", "context"):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": english_of(segment.string.data)},
        )
    return Translation.objects.get(source=source, target_locale=locale)


def test_a_translator_submits_and_a_moderator_approves(client, roles):
    french, english = roles.items["fr", "service_ours"], roles.items["en", "service_ours"]
    french.summary = "Un nouveau résumé."
    french.save_revision().publish()
    work = type_translations(french, roles.english)

    admin_as(client, roles, "Translator")
    assert "data-submit-translation" in client.get(edit_url(english)).content.decode()
    response = client.post(f"/admin/translations/{work.pk}/submit/")
    assert response.status_code == 302
    english.refresh_from_db()
    assert english.summary == "EN Un conseil gratuit pour faire valoir vos droits."
    assert english.has_unpublished_changes
    state = english.current_workflow_state
    assert state.status == "in_progress"

    # The Moderator approves (from the dashboard's "Awaiting your review").
    admin_as(client, roles, "Moderator")
    response = client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[english.pk, "approve", state.current_task_state.pk],
        )
    )
    assert response.status_code in (200, 302)
    english.refresh_from_db()
    assert english.summary == "EN Un nouveau résumé."
    assert english.live and not english.has_unpublished_changes


@pytest.mark.parametrize(("role", "may_submit"), [("Translator", True), ("Moderator", False)])
def test_the_submit_button_is_for_those_who_may_not_publish(client, roles, role, may_submit):
    english = roles.items["en", "place_ours"]
    content = admin_as(client, roles, role).get(edit_url(english)).content.decode()
    assert ("data-submit-translation" in content) is may_submit
    work = type_translations(roles.items["fr", "place_ours"], roles.english)
    response = client.post(f"/admin/translations/{work.pk}/submit/")
    # Refused: Wagtail sends the user back to the dashboard.
    assert response.url != "/admin/" if may_submit else response.url == "/admin/"


def test_a_translator_cannot_publish_through_the_sync(client, roles):
    french = roles.items["fr", "service_ours"]
    source = TranslationSource.objects.get(object_id=french.translation_key, locale=french.locale)
    url = f"/admin/localize/update/{source.pk}/"
    form = admin_as(client, roles, "Translator").get(url).context["form"]
    assert "publish_translations" not in form.fields
    french.summary = "Changé."
    french.save_revision().publish()
    client.post(url, {"publish_translations": "on"})
    english = roles.items["en", "service_ours"]
    english.refresh_from_db()
    assert english.summary != "Changé."
    moderator_form = admin_as(client, roles, "Moderator").get(url).context["form"]
    assert "publish_translations" in moderator_form.fields


def test_stale_translations_say_what_to_do_on_the_report_and_the_dashboard(client, roles):
    french = roles.items["fr", "service_ours"]
    french.summary = "Changé."
    french.save_revision().publish()
    source = TranslationSource.objects.get(object_id=french.translation_key, locale=french.locale)
    admin_as(client, roles, "Translator")
    with translation.override("en"):
        report = client.get("/admin/reports/stale-translations/", HTTP_ACCEPT_LANGUAGE="en")
        dashboard = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en")
    sync_url = f"/admin/localize/update/{source.pk}/"
    for response in (report, dashboard):
        content = response.content.decode()
        assert sync_url in content
        assert "Sync: give translators the new French text" in content
    assert "1. Sync, so the translation editor shows the new French text" in (
        report.content.decode()
    )
    assert "1 translation is behind its French page." in dashboard.content.decode()


def test_a_snippet_not_in_every_language_shows_translate_beside_save(client, roles):
    theme = roles.items["fr", "theme"]
    url = f"/admin/snippets/taxonomy/theme/edit/{theme.pk}/"
    content = admin_as(client, roles, "Editor").get(url).content.decode()
    assert f'href="/admin/localize/submit/snippet/taxonomy/theme/{theme.pk}/"' in content
