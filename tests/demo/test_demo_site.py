"""The demo site, loaded once per run: believable, complete, valid, idempotent, and
translated by people into en, pt, es and ar, drafted by machine in the other languages,
with the French fallback for what is not translated. Its needs and residents' words:
``vocabulary_checks``."""

import re

import pytest
from django.core.management import call_command
from django.test import TestCase
from wagtail.models import Locale, Page, Revision, Site
from wagtail_localize.models import StringSegment, StringTranslation

from core.models import ContactSettings, EmergencyNumber
from core.validators import validate_international_phone
from demo.data import media, places, translations
from home.models import HomePage
from places.models import Organisation, Place
from services_directory.models import ServiceIndexPage, ServicePage, ThemePage
from taxonomy.models import AccessibilityFeature, AccessMode, Audience, Need, SpokenLanguage, Theme

from .vocabulary_checks import VocabularyChecks

TRANSLATED = ["en", "pt", "es", "ar"]
UNTRANSLATED = ["de", "it", "sq", "uk", "tr", "ta", "ti"]
READERS = [
    ("en", "Social information desk", "ltr", "Everyone"),
    ("pt", "Balcão de informação social", "ltr", "Todas as pessoas"),
    ("es", "Ventanilla de información social", "ltr", "Todo el público"),
    ("ar", "مكتب الإعلام الاجتماعي", "rtl", "الجميع"),
]


def counts():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "latest_revision": Revision.objects.order_by("-pk").values_list("pk", flat=True).first(),
        "places": Place.objects.count(),
        "themes": Theme.objects.count(),
        "needs": Need.objects.count(),
        "string_translations": StringTranslation.objects.count(),
        "numbers": EmergencyNumber.objects.count(),
    }


def translated_pages(language):
    french = Locale.objects.get(language_code="fr")
    home = HomePage.objects.get(locale=french, depth=2)
    sources = [
        home,
        *ServiceIndexPage.objects.child_of(home),
        *ThemePage.objects.child_of(home),
        *ServicePage.objects.filter(locale=french, slug__in=translations.SERVICES),
    ]
    locale = Locale.objects.get(language_code=language)
    return [(source, source.get_translation(locale)) for source in sources]


def assert_site_root_is_served(client):
    site = Site.objects.get(is_default_site=True)
    assert site.root_page.specific.__class__.__name__ == "HomePage"
    assert ContactSettings.for_site(site).organisation_name
    assert ServiceIndexPage.objects.child_of(site.root_page).get().url == "/fr/services/"
    response = client.get("/fr/")
    assert response.status_code == 200
    assert b"Seniors" in response.content
    assert not Page.objects.filter(depth=2, content_type__model="page").exists()
    # Every page exists in every language (French text until translated).
    assert client.get("/ti/services/action-impots/").status_code == 200


def assert_reads_in(client, language, title, direction, audience):
    response = client.get(f"/{language}/services/guichet-information-sociale/")
    assert response.status_code == 200
    content = response.content.decode()
    assert re.search(rf'<html lang="{language}" dir="{direction}">', content)
    assert f">{title}</h1>" in content
    # Translated by people, up to date: no notice. Its residents' words were drafted by
    # machine, but residents never read them (search does).
    assert "notice--translation" not in content
    assert 'lang="fr"' not in content.split("<main", 1)[1].split(">", 1)[0]
    # Its image is described, and its document named, in its language.
    strings = translations.STRINGS[language]
    assert f'alt="{strings[media.IMAGES["guichet"]["alt"]]}"' in content
    leaflet = re.escape(strings["Le dépliant du guichet"])
    assert re.search(rf'data-document="PDF[^"]+">{leaflet}</a>', content)
    # Its taxonomies are those of its language, not the French ones.
    assert audience in content
    assert "Tout public" not in content
    page = ServicePage.objects.get(
        locale__language_code=language,
        translation_key=Page.objects.get(
            slug="guichet-information-sociale", locale__language_code="fr"
        ).translation_key,
    )
    assert {theme.locale.language_code for theme in page.themes.all()} == {language}
    # The directory's facets are translated too.
    directory = client.get(f"/{language}/services/").content.decode()
    assert translations.STRINGS[language]["Dettes et budget"] in directory
    assert not StringTranslation.objects.filter(
        locale__language_code=language,
        translation_type="machine",
        context__object_id=page.translation_key,
    ).exclude(context__path="keywords")


@pytest.mark.usefixtures("demo_site")
class DemoSiteTests(VocabularyChecks, TestCase):
    """On the demo loaded once per run, each test in its own transaction."""

    def test_demo_is_believable_and_complete(self):
        services = ServicePage.objects.live().filter(locale__language_code="fr")
        assert services.count() >= 40
        assert Place.objects.count() >= 8
        # Every shared fact of the demo is published, in every language (core.moderation).
        for model in (Place, Organisation, EmergencyNumber):
            assert model.objects.exists()
            assert model.objects.for_residents().count() == model.objects.count(), model
        for place in Place.objects.filter(locale__language_code="fr"):
            expected = next(
                data["features"] for data in places.PLACES if data["slug"] == place.slug
            )
            assert sorted(place.accessibility_features.values_list("slug", flat=True)) == sorted(
                expected
            ), place.slug
        assert Theme.objects.count() >= 12
        assert ThemePage.objects.live().count() >= 4
        for theme in Theme.objects.filter(locale__language_code="fr"):
            assert services.filter(themes=theme).exists(), theme.name
        assert services.filter(is_sensitive=True).exists()
        assert services.filter(is_suspended=True).exclude(suspension_message="").exists()
        assert services.exclude(easy_read_summary="").count() >= 5
        assert {"+41", "+33"} <= {s.phone[:3] for s in services}
        night = services.get(slug="correspondants-de-nuit").opening_periods.first()
        assert night.closes < night.opens
        overdue = [s for s in services if s.is_review_overdue()]
        assert 0 < len(overdue) < 10
        # Valid as an editor would have to save it.
        for service in services:
            assert service.themes.exists(), service.title
            assert service.access_modes.exists(), service.title
            if service.phone:
                validate_international_phone(service.phone)
            if service.cost != "free":
                assert service.cost_details, service.title
            service.full_clean()
        assert_site_root_is_served(self.client)

    def test_second_run_changes_nothing(self):
        before = counts()
        call_command("load_demo", stdout=None)
        assert counts() == before

    def test_home_themes_and_ten_services_are_really_translated(self):
        assert len(translations.SERVICES) >= 10
        for language in TRANSLATED:
            strings = translations.STRINGS[language]
            pages = translated_pages(language)
            assert len(pages) == 1 + 1 + 12 + len(translations.SERVICES)
            for source, page in pages:
                assert page.alias_of_id is None, (language, source.title)
                assert page.live
                assert page.title == strings[source.title]
            for model in (Theme, Audience, AccessMode, AccessibilityFeature, SpokenLanguage):
                french = model.objects.filter(locale__language_code="fr")
                localised = model.objects.filter(locale__language_code=language)
                assert localised.count() == french.count(), model
                for item in french:
                    assert item.get_translation(localised.first().locale).name == strings[item.name]
        # Every string with words in it went through wagtail-localize's translation memory.
        for language in translations.STRINGS:
            untranslated = (
                StringSegment.objects.filter(
                    source__translations__target_locale__language_code=language
                )
                .exclude(
                    string__translations__locale__language_code=language,
                )
                .values_list("context__path", "string__data")
            )
            left_in_french = {
                (path, text)
                for path, text in untranslated
                if path.rsplit(".", 1)[-1] not in {"slug", "phone"}
                and text != "Florian Kettenacker"
            }
            assert left_in_french == set(), language
        # The other languages have the home, directory and theme pages (drafted by machine)
        # and keep the French services, with the notice.
        for language in UNTRANSLATED:
            for source, page in translated_pages(language):
                if isinstance(source, ServicePage):
                    assert page.alias_of_id == source.pk, (language, source.title)
                else:
                    assert page.title == translations.STRINGS[language][source.title]
        content = self.client.get("/ti/services/guichet-information-sociale/").content.decode()
        assert "notice--translation" in content
        assert "Guichet d’information sociale" in content

    def test_translated_service_reads_entirely_in_its_language(self):
        for language, title, direction, audience in READERS:
            assert_reads_in(self.client, language, title, direction, audience)
