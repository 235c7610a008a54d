"""Residents are told when a translation is automatic or behind the French text; editors get a list.

Everything goes through wagtail-localize's own flow: a TranslationSource and a
Translation as "Translate this page" creates them, the "Translate automatically" view
(with the offline translator of the test settings), the string editor a translator
uses, "Sync translated pages" (``update_from_db``) and publishing (``save_target``).
"""

from urllib.parse import urlencode

import pytest
from django.template import Context
from django.urls import reverse
from django.utils.translation import override
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from localization.sync import synchronise_all_trees
from localization.templatetags.localization_tags import translation_notice
from services_directory.factories import ServicePageFactory
from tests.conftest import once_per_module, read_again

pytestmark = pytest.mark.django_db


@pytest.fixture
def service(module_service, site_tree):
    return read_again(module_service)


@once_per_module
def module_service(site_tree):
    service = ServicePageFactory(
        parent=site_tree.directory, title="Permanence impôts", slug="impots"
    )
    synchronise_all_trees()
    return service


@pytest.fixture
def english():
    return Locale.objects.get(language_code="en")


@pytest.fixture
def publish(django_capture_on_commit_callbacks):
    """Publishes a translation as the editor's "Publish" does (on commit)."""

    def publish(translation):
        with django_capture_on_commit_callbacks(execute=True):
            translation.save_target(publish=True)
        return translation.get_target_instance()

    return publish


@pytest.fixture
def machine_translated(service, english, admin_client, publish):
    source, _created = TranslationSource.get_or_create_from_instance(service)
    translation = Translation.objects.create(source=source, target_locale=english)
    response = admin_client.post(
        reverse("wagtail_localize:machine_translate", args=[translation.pk]),
        {"next": "/admin/"},
    )
    assert response.status_code == 302
    return translation, publish(translation)


def review(admin_client, translation, segment, value):
    """What wagtail-localize's editor sends when a translator saves one string."""
    return admin_client.put(
        reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]),
        urlencode({"value": value}),
        content_type="application/x-www-form-urlencoded",
    )


def page_html(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


def test_machine_translated_page_says_so_until_a_translator_reviews_it(
    machine_translated, admin_client, client, publish
):
    translation, page = machine_translated
    assert page.alias_of_id is None
    assert page.title == "[en] Permanence impôts"
    assert StringTranslation.objects.filter(
        locale=translation.target_locale, translation_type="machine"
    ).exists()
    content = page_html(client, page)
    assert "[en] Permanence impôts" in content
    assert 'class="notice notice--translation" role="note" lang="en"' in content
    assert 'class="notice--machine"' in content
    assert 'class="notice--stale"' not in content
    # Content in the visitor's language: <main> carries no lang="fr".
    assert '<main id="main-content" tabindex="-1">' in content

    # The translator corrects every string in wagtail-localize's editor, then publishes.
    for segment in translation.source.stringsegment_set.select_related("string"):
        reviewed = segment.string.data.replace("Permanence impôts", "Tax help desk")
        assert review(admin_client, translation, segment, reviewed).status_code == 200
    page = publish(translation)
    content = page_html(client, page)
    assert "Tax help desk" in content
    assert "notice--translation" not in content


def test_a_partly_reviewed_page_still_says_so(machine_translated, admin_client, client):
    translation, page = machine_translated
    title = translation.source.stringsegment_set.get(context__path="title")
    review(admin_client, translation, title, "Tax help desk")
    assert 'class="notice--machine"' in page_html(client, page)


def test_machine_translations_of_another_language_do_not_count(machine_translated, client):
    translation, _english_page = machine_translated
    StringTranslation.objects.filter(locale=translation.target_locale).update(
        translation_type="manual"
    )
    spanish = Locale.objects.get(language_code="es")
    StringTranslation.objects.create(
        translation_of=translation.source.stringsegment_set.first().string,
        context=translation.source.stringsegment_set.first().context,
        locale=spanish,
        data="Servicio",
        translation_type="machine",
    )
    assert "notice--translation" not in page_html(client, translation.get_target_instance())


@pytest.fixture
def reviewed(machine_translated, publish):
    translation, _page = machine_translated
    StringTranslation.objects.filter(locale=translation.target_locale).update(
        translation_type="manual", data="Tax help desk"
    )
    return translation, publish(translation)


def test_a_reviewed_translation_costs_one_query(reviewed, rf, django_assert_num_queries):
    _translation, page = reviewed
    with override("en"), django_assert_num_queries(1):
        assert translation_notice(Context({"request": rf.get("/en/")}), page) is None


def test_french_changes_make_the_translation_stale_until_it_is_updated(
    reviewed, service, client, admin_client, publish
):
    translation, page = reviewed
    assert "notice--translation" not in page_html(client, page)
    assert stale_report_titles(admin_client) == []

    service.summary = "Nouveau : permanence aussi le samedi."
    service.save_revision().publish()
    content = page_html(client, page)
    assert 'class="notice--stale"' in content
    assert 'class="notice--machine"' not in content
    assert f'<a href="{service.url}" hreflang="fr">' in content
    assert stale_report_titles(admin_client) == [("Tax help desk", "Permanence impôts")]

    # "Sync translated pages": translators now see the change, residents still wait.
    translation.source.update_from_db()
    assert 'class="notice--stale"' in page_html(client, page)
    assert stale_report_titles(admin_client) == [("Tax help desk", "Permanence impôts")]

    page = publish(translation)
    assert "notice--translation" not in page_html(client, page)
    assert stale_report_titles(admin_client) == []


def test_a_page_translated_outside_wagtail_localize_is_stale_after_a_french_change(
    service, english, client, admin_client
):
    page = service.get_translation(english)
    page.alias_of = None
    page.title = "Tax help desk"
    page.save_revision().publish()
    assert "notice--translation" not in page_html(client, page)
    service.save_revision().publish()
    assert 'class="notice--stale"' in page_html(client, page)
    assert stale_report_titles(admin_client) == [("Tax help desk", "Permanence impôts")]


def test_aliases_and_french_pages_are_never_listed(service, admin_client):
    service.save_revision().publish()
    assert stale_report_titles(admin_client) == []


def stale_report_titles(admin_client):
    response = admin_client.get("/admin/reports/stale-translations/")
    assert response.status_code == 200
    return [(page.title, page.source_title) for page in response.context["object_list"]]


def test_report_shows_edit_links_dates_and_a_menu_item(reviewed, service, admin_client):
    _translation, page = reviewed
    service.save_revision().publish()
    content = admin_client.get("/admin/reports/stale-translations/").content.decode()
    assert reverse("wagtailadmin_pages:edit", args=[page.pk]) in content
    assert reverse("wagtailadmin_pages:edit", args=[service.pk]) in content
    assert str(page.locale.get_display_name()) in content
    csv = admin_client.get("/admin/reports/stale-translations/?export=csv")
    rows = b"".join(csv.streaming_content).decode("utf-8-sig").splitlines()
    assert rows[1].startswith("Tax help desk,en,Permanence impôts,")
    # Listed in the Reports menu of the admin's sidebar.
    assert "/admin/reports/stale-translations/" in admin_client.get("/admin/").content.decode()


def test_report_needs_page_permissions(django_user_model, client):
    user = django_user_model.objects.create_user("visitor", "v@example.org", "pw")
    client.force_login(user)
    response = client.get("/admin/reports/stale-translations/")
    assert response.status_code in {302, 403}
