"""Translations of part of the demo, through wagtail-localize (``data.translations``).

Every taxonomy (needs included), the home page, the directory and the theme pages are
translated into every language; services only in the languages that have them
(``SERVICES_BY_LANGUAGE``). Other pages are aliases in the synchronised trees: they
keep the French text with a notice (a translation made later replaces its alias). What
was drafted by machine is recorded as such, so residents and editors see it until
someone reviews it (``data.translations`` says what was written by whom).

Idempotent: what is translated is left untouched, unless its French source gained
residents' words or needs since (a database loaded before they existed): then only the
missing strings are added and the translation is published again.
"""

from functools import cache

from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, TranslationSource
from wagtail_localize.strings import StringValue

from home.models import HomePage
from localization.translate import translate_object
from services_directory.models import ServiceIndexPage, ServicePage, ThemePage
from taxonomy.models import AccessibilityFeature, AccessMode, Audience, Need, SpokenLanguage, Theme

from .data import translations
from .vocabulary import french_words, lines

# Themes before needs: a need's translation points at its theme's.
TAXONOMIES = [Theme, Audience, AccessMode, AccessibilityFeature, SpokenLanguage, Need]
MANUAL = StringTranslation.TRANSLATION_TYPE_MANUAL
MACHINE = StringTranslation.TRANSLATION_TYPE_MACHINE


def objects_to_translate(home):
    """Each French object with the languages it is translated into, snippets first: the
    pages' translations point at translated taxonomies (and themes come before needs)."""
    french = home.locale
    languages = list(translations.STRINGS)
    for model in TAXONOMIES:
        for snippet in model.objects.filter(locale=french).order_by("pk"):
            yield snippet, languages
    yield home, languages
    for page in ServiceIndexPage.objects.child_of(home):
        yield page, languages
    for page in ThemePage.objects.child_of(home).order_by("path"):
        yield page, languages
    chosen = {slug for slugs in translations.SERVICES_BY_LANGUAGE.values() for slug in slugs}
    for service in ServicePage.objects.filter(locale=french, slug__in=chosen).order_by("path"):
        yield (
            service,
            [
                language
                for language in languages
                if service.slug in translations.SERVICES_BY_LANGUAGE[language]
            ],
        )


def is_translated(instance, translation):
    """``translation`` (of ``instance``, or None) is a translation with the residents'
    words and the needs its French source has."""
    if translation is None or getattr(translation, "alias_of_id", None):
        return False
    if getattr(instance, "keywords", "") and not translation.keywords:
        return False
    return not (
        isinstance(instance, ServicePage)
        and instance.needs.exists()
        and not translation.needs.exists()
    )


def as_segment(words):
    """A keywords field as wagtail-localize stores it: one string, lines joined by <br/>."""
    return StringValue.from_plaintext(lines(words)).data


@cache
def words_memory(language):
    """The French words of each item → this language's, as wagtail-localize strings
    (from the demo's data: the same for the whole process)."""
    french = french_words()
    return {
        as_segment(french[key]): as_segment(words)
        for key, words in translations.KEYWORDS[language].items()
        if key in french
    }


def give_needs(instance, translated):
    """wagtail-localize copies many-to-many fields only when it creates a translation: a
    service translated before it had needs gets the French ones, which its publication
    points at their translations (``localization.taxonomies``)."""
    if not isinstance(instance, ServicePage) or translated.needs.exists():
        return
    needs = list(instance.needs.all())
    if needs:
        translated.needs = needs
        translated.save_revision().publish()


class Translator:
    """One language's texts: the hand-written strings, and the residents' words (drafted
    by machine, like every text of a language nobody has reviewed)."""

    def __init__(self, language):
        self.language = language
        self.locale = Locale.objects.get(language_code=language)
        self.strings = translations.STRINGS[language]
        self.words = words_memory(language)

    def translate(self, text):
        return self.words.get(text) or self.strings.get(text)

    def reviewed_unless_words(self, text):
        return MACHINE if text in self.words else MANUAL

    def translation_type(self, instance):
        if self.language not in translations.REVIEWED or isinstance(instance, Need):
            return MACHINE
        return self.reviewed_unless_words


def translate_demo(home):
    """Translates the demo's home, directory, theme pages, taxonomies and chosen services.

    One object at a time into each of its languages, so its translation source is read
    from it once. Returns the number of objects translated.
    """
    home = HomePage.objects.get(pk=home.pk)
    translators = {language: Translator(language) for language in translations.STRINGS}
    created = 0
    for instance, languages in objects_to_translate(home):
        source = None
        existing = {item.locale_id: item for item in instance.get_translations()}
        for language in languages:
            translator = translators[language]
            if is_translated(instance, existing.get(translator.locale.pk)):
                continue
            if source is None:
                source, _created = TranslationSource.update_or_create_from_instance(instance)
            translated = translate_object(
                instance,
                translator.locale,
                translator.translate,
                translator.translation_type(instance),
                source=source,
            )
            give_needs(instance, translated)
            created += 1
    return created
