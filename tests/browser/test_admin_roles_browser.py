"""A day in the admin for each role, in a real browser, on the demo site.

An Editor of Vernier's team creates a service and is offered only French choices; a
Translator brings a stale translation up to date and submits it; a Moderator approves it.
The screenshots of docs/editors.md are taken here (``make screenshots``).
"""

from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from demo.data.places import TEAM
from services_directory.models import ServiceIndexPage, ServicePage
from taxonomy.models import AccessMode, Theme

PASSWORD = "a-long-browser-password"
CHANGED_SUMMARY = "Un juriste vous reçoit gratuitement, désormais aussi le samedi matin."
TRANSLATED_SUMMARY = "A lawyer sees you free of charge, now also on Saturday mornings."


def account(username, *groups):
    user, _created = get_user_model().objects.get_or_create(username=username)
    user.set_password(PASSWORD)
    user.save()
    user.groups.add(*Group.objects.filter(name__in=groups))
    return user


@pytest.fixture(scope="module")
def day(demo_site, django_db_blocker):
    """Committed, so that the live server's own connection sees it (PostgreSQL); what
    the journeys change is put back afterwards, for the browser tests that follow."""
    with django_db_blocker.unblock():
        account(TEAM["member"])
        account("traductrice", "Translators")
        account("moderatrice", "Moderators")
        english = (
            ServicePage.objects.filter(locale__language_code="en", alias_of__isnull=True)
            .order_by("path")
            .first()
        )
        french = ServicePage.objects.get(
            translation_key=english.translation_key, locale__language_code="fr"
        )
        summaries = {service: service.summary for service in (french, english)}
        # The French page changed after it was translated: its translation is stale.
        french.summary = CHANGED_SUMMARY
        french.save_revision().publish()
        directory = ServiceIndexPage.objects.get(locale__language_code="fr")
        # Read here: reading in a test holds SQLite's shared-cache locks on the tables
        # the live server then writes.
        choices = {
            "themes": set(
                Theme.objects.filter(locale__language_code="fr").values_list("pk", flat=True)
            ),
            "access_mode": AccessMode.objects.filter(locale__language_code="fr").first().pk,
        }
        journey = SimpleNamespace(
            directory=directory, english=english, english_url=english.url, choices=choices
        )
    yield journey
    with django_db_blocker.unblock():
        created = ServicePage.objects.filter(title="Atelier téléphone portable")
        # Its aliases in the other languages first, then the French page.
        for pk in created.order_by("-alias_of").values_list("pk", flat=True):
            if service := ServicePage.objects.filter(pk=pk).first():
                service.delete()
        for service, summary in summaries.items():
            service.refresh_from_db()
            service.summary = summary
            service.save_revision().publish()


def sign_in(page, username):
    page.context.clear_cookies()
    page.goto("/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")


def test_an_editor_creates_a_service_with_french_choices_only(page, day, docs_screenshot):
    sign_in(page, TEAM["member"])
    page.goto(f"/admin/pages/add/services_directory/servicepage/{day.directory.pk}/")
    page.fill("#id_title", "Atelier téléphone portable")
    page.fill("#id_summary", "Une aide pour vos démarches en ligne, sur rendez-vous.")
    page.click("a[href='#tab-who_and_how']")
    french_themes = day.choices["themes"]
    offered = page.locator("input[name=themes]").evaluate_all("(boxes) => boxes.map(b => b.value)")
    assert {int(value) for value in offered} == french_themes
    page.check(f"input[name=themes][value='{min(french_themes)}']")
    page.check(f"input[name=access_modes][value='{day.choices['access_mode']}']")
    page.locator("input[name=themes]").first.scroll_into_view_if_needed()
    docs_screenshot("editor-new-service")

    # The organisation: the chooser offers the team's only.
    page.click("a[href='#tab-contacts']")
    page.locator("#tab-contacts [data-chooser-action-choose]").first.click()
    modal = page.locator(".modal-dialog")
    choices = modal.locator("table tbody tr")
    choices.first.wait_for()
    assert choices.count() == 1
    assert "Ville de Vernier" in choices.first.inner_text()
    docs_screenshot("editor-organisation-choice")
    modal.get_by_role("link", name="Ville de Vernier").first.click()
    modal.wait_for(state="hidden")

    # "Save draft"'s menu holds "Submit to Moderators approval".
    page.locator("footer .w-dropdown__toggle").first.click()
    page.click("button[name=action-submit]")
    page.wait_for_url(lambda url: "/add/" not in url)
    created = ServicePage.objects.get(
        title="Atelier téléphone portable", locale__language_code="fr"
    )
    assert created.locale.language_code == "fr"
    assert created.organisation.name.startswith("Ville de Vernier")
    assert not created.live
    assert created.current_workflow_state.status == "in_progress"
    page.goto(f"/admin/pages/{created.pk}/edit/")
    docs_screenshot("editor-submitted")


def test_a_translator_submits_a_translation_and_a_moderator_approves_it(page, day, docs_screenshot):
    english = day.english
    sign_in(page, "traductrice")
    panel = page.locator("section", has=page.locator("#stale-translations-heading"))
    assert english.title in panel.inner_text()
    docs_screenshot("translator-dashboard")

    # 1. Sync: the translation editor gets the new French text; no publishing.
    panel.get_by_role("link", name=english.title).click()
    page.wait_for_url("**/localize/update/**")
    assert page.locator("input[name=publish_translations]").count() == 0
    docs_screenshot("translator-sync")
    page.locator("input[type=submit]").click()
    page.wait_for_url(lambda url: "/localize/update/" not in url)

    # 2. Translate the changed text, 3. submit the translation.
    page.goto(f"/admin/pages/{english.pk}/edit/")
    segment = page.locator("li.incomplete", has_text=CHANGED_SUMMARY)
    segment.get_by_role("button", name="Translate").click()
    segment.locator("textarea").fill(TRANSLATED_SUMMARY)
    segment.get_by_role("button", name="Save").click()
    page.locator("li.complete", has_text=TRANSLATED_SUMMARY).wait_for()
    page.locator("[data-submit-translation]").scroll_into_view_if_needed()
    docs_screenshot("translator-editor")
    page.click("[data-submit-translation]")
    assert "submitted to the Moderators" in page.locator(".messages").inner_text()
    docs_screenshot("translator-submitted")
    page.goto(day.english_url)
    assert TRANSLATED_SUMMARY not in page.content(), "residents keep the published translation"

    # The Moderator approves it from the dashboard's "Awaiting your review".
    sign_in(page, "moderatrice")
    row = page.locator("tr", has_text=english.title).filter(
        has=page.locator("[data-workflow-action-url]")
    )
    row.get_by_role("button", name="Actions").click()
    page.locator(".tippy-box[data-state='visible']").wait_for()
    docs_screenshot("moderator-dashboard")
    row.get_by_role("button", name="Approve", exact=True).click()
    row.wait_for(state="detached")
    page.goto(day.english_url)
    assert TRANSLATED_SUMMARY in page.content()
    english.refresh_from_db()
    assert english.summary == TRANSLATED_SUMMARY
    assert not english.has_unpublished_changes
