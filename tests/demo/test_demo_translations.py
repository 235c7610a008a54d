"""The demo's human translations: real pages in en, pt, es and ar; the fallback elsewhere."""

import re

import pytest
from django.core.management import call_command
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation

from demo.data import translations
from home.models import HomePage
from services_directory.models import ServiceIndexPage, ServicePage, ThemePage
from taxonomy.models import AccessibilityFeature, AccessMode, Audience, SpokenLanguage, Theme

pytestmark = pytest.mark.django_db
TRANSLATED = ["en", "pt", "es", "ar"]
UNTRANSLATED = ["de", "it", "sq", "uk", "tr", "ta", "ti"]


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=None)


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


def test_home_themes_and_ten_services_are_really_translated(demo, client):
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
    for language in TRANSLATED:
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
            if path.rsplit(".", 1)[-1] not in {"slug", "phone"} and text != "Florian Kettenacker"
        }
        assert left_in_french == set(), language
    # The other languages keep the French pages, with the notice.
    for language in UNTRANSLATED:
        for source, page in translated_pages(language)[:3]:
            assert page.alias_of_id == source.pk, (language, source.title)
    content = client.get("/ti/services/guichet-information-sociale/").content.decode()
    assert "notice--translation" in content
    assert "Guichet d’information sociale" in content


READERS = [
    ("en", "Social information desk", "ltr", "Everyone"),
    ("pt", "Balcão de informação social", "ltr", "Todas as pessoas"),
    ("es", "Ventanilla de información social", "ltr", "Todo el público"),
    ("ar", "مكتب الإعلام الاجتماعي", "rtl", "الجميع"),
]


def test_translated_service_reads_entirely_in_its_language(demo, client):
    for language, title, direction, audience in READERS:
        assert_reads_in(client, language, title, direction, audience)


def assert_reads_in(client, language, title, direction, audience):
    response = client.get(f"/{language}/services/guichet-information-sociale/")
    assert response.status_code == 200
    content = response.content.decode()
    assert re.search(rf'<html lang="{language}" dir="{direction}">', content)
    assert f">{title}</h1>" in content
    assert "notice--translation" not in content
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
    assert not StringTranslation.objects.filter(translation_type="machine").exists()
