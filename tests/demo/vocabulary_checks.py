"""The demo's needs and residents' words, in every language, and who wrote them.

Mixed into ``test_demo_site.DemoSiteTests`` so that these checks share its one demo load
(``load_demo`` takes minutes).
"""

from django.core.management import call_command
from wagtail.models import Locale, Page
from wagtail_localize.models import StringTranslation

from demo.data import keywords, needs, translations
from localization.freshness import with_freshness
from services_directory.models import ServiceIndexPage, ServicePage, ThemePage
from taxonomy.models import AccessibilityFeature, AccessMode, Audience, Need, SpokenLanguage, Theme

TAXONOMIES = [Theme, Audience, AccessMode, AccessibilityFeature, SpokenLanguage, Need]
WITH_WORDS = {Theme: "theme", Audience: "audience", Need: "need"}
LANGUAGES = list(translations.STRINGS)


def words_of(item):
    return item.keywords.splitlines()


def translation_types(language, **context):
    """The kinds of the strings translated into ``language`` (manual, machine)."""
    return set(
        StringTranslation.objects.filter(locale__language_code=language, **context).values_list(
            "translation_type", flat=True
        )
    )


class VocabularyChecks:
    def test_sixty_french_needs_under_their_themes_with_residents_words(self):
        french = Need.objects.filter(locale__language_code="fr")
        assert french.count() == len(needs.NEEDS) == 60
        for slug, name, theme, _description, words in needs.NEEDS:
            need = french.get(slug=slug)
            assert need.name == name
            assert need.theme.slug == theme
            assert need.theme.locale_id == need.locale_id
            assert words_of(need) == words

    def test_every_french_service_has_needs_and_residents_words(self):
        french = Locale.objects.get(language_code="fr")
        services = ServicePage.objects.filter(locale=french).prefetch_related("needs")
        assert services.count() == len(needs.SERVICE_NEEDS)
        for service in services:
            assert service.needs.exists(), service.slug
            assert {need.locale_id for need in service.needs.all()} == {french.pk}
            assert words_of(service) == keywords.SERVICE_KEYWORDS[service.slug]
        for model, lists in (
            (Theme, keywords.THEME_KEYWORDS),
            (Audience, keywords.AUDIENCE_KEYWORDS),
        ):
            for item in model.objects.filter(locale=french):
                assert words_of(item) == lists[item.slug], item.slug

    def test_every_taxonomy_in_every_language_with_that_languages_words(self):
        for model in TAXONOMIES:
            french = model.objects.filter(locale__language_code="fr")
            for language in LANGUAGES:
                localised = model.objects.filter(locale__language_code=language)
                assert localised.count() == french.count(), (model, language)
                if model not in WITH_WORDS:
                    continue
                lists = translations.KEYWORDS[language]
                for item in localised:
                    assert words_of(item) == lists[(WITH_WORDS[model], item.slug)], item.slug
        # A translated need belongs to the theme of its own language.
        for need in Need.objects.select_related("theme"):
            assert need.theme.locale_id == need.locale_id, need

    def test_translated_services_point_at_the_needs_of_their_language(self):
        french = ServicePage.objects.filter(locale__language_code="fr")
        for language, slugs in translations.SERVICES_BY_LANGUAGE.items():
            locale = Locale.objects.get(language_code=language)
            for source in french.filter(slug__in=slugs):
                service = source.get_translation(locale)
                assert service.alias_of_id is None, (language, source.slug)
                assert (
                    words_of(service) == translations.KEYWORDS[language][("service", source.slug)]
                )
                assert {need.translation_key for need in service.needs.all()} == {
                    need.translation_key for need in source.needs.all()
                }
                assert {need.locale_id for need in service.needs.all()} == {locale.pk}
            # The services of no language's list are shown in French.
            for source in french.exclude(slug__in=slugs)[:3]:
                assert source.get_translation(locale).alias_of_id == source.pk

    def test_what_a_machine_drafted_is_marked_for_review(self):
        needs_contexts = {"context__object_id__in": Need.objects.values("translation_key")}
        for language in LANGUAGES:
            # Every list of residents' words, and every need's name and description.
            assert translation_types(language, context__path="keywords") == {"machine"}
            assert translation_types(language, **needs_contexts) == {"machine"}
            others = (
                StringTranslation.objects.filter(locale__language_code=language)
                .exclude(context__path="keywords")
                .exclude(**needs_contexts)
            )
            expected = {"manual"} if language in translations.REVIEWED else {"machine"}
            assert set(others.values_list("translation_type", flat=True)) == expected, language

    def test_home_directory_and_theme_pages_in_every_language(self):
        french = Locale.objects.get(language_code="fr")
        sources = Page.objects.filter(locale=french).type(ServiceIndexPage, ThemePage)
        sources = [*sources, Page.objects.get(locale=french, depth=2)]
        assert len(sources) == 14
        for language in LANGUAGES:
            locale = Locale.objects.get(language_code=language)
            pages = [source.get_translation(locale) for source in sources]
            assert all(page.alias_of_id is None and page.live for page in pages), language
            strings = translations.STRINGS[language]
            assert {page.title for page in pages} == {strings[s.title] for s in sources}
            # Residents and editors see what nobody has reviewed yet.
            rows = with_freshness(Page.objects.filter(pk__in=[page.pk for page in pages]))
            machine = {row.is_machine_translated for row in rows}
            assert machine == {language not in translations.REVIEWED}, language
            assert not any(row.is_stale for row in rows)

    def test_a_new_run_fills_what_is_missing_and_keeps_editors_words(self):
        """A database loaded before the vocabulary existed, or where some is missing."""
        french = Locale.objects.get(language_code="fr")
        english = Locale.objects.get(language_code="en")
        housing = Theme.objects.get(locale=french, slug="acces-au-logement")
        Theme.objects.filter(translation_key=housing.translation_key).update(keywords="")
        Theme.objects.filter(locale=french, slug="seniors").update(keywords="mes mots")
        service = ServicePage.objects.get(locale=french, slug="guichet-information-sociale")
        ServicePage.objects.filter(translation_key=service.translation_key).update(keywords="")
        for page in ServicePage.objects.filter(
            translation_key=service.translation_key, locale__in=[french, english]
        ):
            page.needs.clear()
            page.needs.commit()
        Need.objects.filter(slug="expulsion-locative").delete()

        call_command("load_demo", stdout=None)

        assert words_of(Theme.objects.get(pk=housing.pk)) == keywords.THEME_KEYWORDS[housing.slug]
        english_housing = housing.get_translation(english)
        assert words_of(english_housing) == translations.KEYWORDS["en"][("theme", housing.slug)]
        assert Theme.objects.get(locale=french, slug="seniors").keywords == "mes mots"
        service.refresh_from_db()
        assert words_of(service) == keywords.SERVICE_KEYWORDS[service.slug]
        assert service.needs.count() == len(needs.SERVICE_NEEDS[service.slug])
        translated = service.get_translation(english)
        assert translated.keywords and translated.needs.exists()
        assert {need.locale_id for need in translated.needs.all()} == {english.pk}
        # A need deleted is created again, in every language; services that still have
        # needs are left as their editors made them.
        eviction = Need.objects.filter(slug="expulsion-locative")
        assert eviction.count() == 12
        assert all(need.keywords for need in eviction)
        tigrinya = eviction.get(locale__language_code="ti")
        assert words_of(tigrinya) == translations.KEYWORDS["ti"][("need", "expulsion-locative")]
