"""Human translations of part of the demo, through wagtail-localize (``data.translations``).

Translated pages replace the aliases of the synchronised tree; other pages, and the
other languages, keep the French text with a notice. Idempotent: what is already
translated is left untouched.
"""

from wagtail.models import Locale

from home.models import HomePage
from localization.translate import translate_object
from services_directory.models import ServiceIndexPage, ServicePage, ThemePage
from taxonomy.models import AccessibilityFeature, AccessMode, Audience, SpokenLanguage, Theme

from .data import translations

TAXONOMIES = [Theme, Audience, AccessMode, AccessibilityFeature, SpokenLanguage]


def objects_to_translate(home):
    """French snippets first: the theme pages' translations point at translated themes."""
    french = home.locale
    for model in TAXONOMIES:
        yield from model.objects.filter(locale=french).order_by("pk")
    yield home
    yield from ServiceIndexPage.objects.child_of(home)
    yield from ThemePage.objects.child_of(home).order_by("path")
    yield from ServicePage.objects.filter(locale=french, slug__in=translations.SERVICES).order_by(
        "path"
    )


def is_translated(instance, locale):
    translation = instance.get_translation_or_none(locale)
    return translation is not None and not getattr(translation, "alias_of_id", None)


def translate_demo(home):
    """Translates the demo's home, directory, themes, taxonomies and chosen services.

    Returns the number of objects translated.
    """
    home = HomePage.objects.get(pk=home.pk)
    created = 0
    for language, strings in translations.STRINGS.items():
        locale = Locale.objects.get(language_code=language)
        for instance in objects_to_translate(home):
            if not is_translated(instance, locale):
                translate_object(instance, locale, strings.get)
                created += 1
    return created
