"""Translating a page or snippet through wagtail-localize's translation memory.

The same path an editor takes in wagtail-localize's editor: the French object becomes a
TranslationSource, each of its strings gets a StringTranslation in the target language,
and the translated object is built from them — replacing the alias of a synchronised
tree, if there is one. The demo loader and the tests use it with hand-written texts.

A string that already has a translation in the target language keeps it: translating
again (after the French object gained a field) only fills what is missing, so a
translator's corrections survive.
"""

from wagtail.models import DraftStateMixin, Page
from wagtail_localize.models import StringTranslation, Translation, TranslationSource


def translate_object(
    instance,
    locale,
    translate_string,
    translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
    source=None,
):
    """Translates ``instance`` into ``locale``, published, and returns the translation.

    ``translate_string(text)`` returns the translation of one French string, or None to
    keep the French text (wagtail-localize's fallback). ``translation_type`` is how the
    translations were made (manual or machine), or a function of the French string
    giving it. ``source`` is the instance's ``TranslationSource`` when the caller has just
    brought it up to date (translating one object into several languages).
    """
    if source is None:
        source, _created = TranslationSource.update_or_create_from_instance(instance)
    Translation.objects.get_or_create(source=source, target_locale=locale)
    segments = list(source.stringsegment_set.select_related("string", "context"))
    translated_strings = set(
        StringTranslation.objects.filter(
            locale=locale, translation_of__in=[segment.string_id for segment in segments]
        ).values_list("translation_of_id", "context_id")
    )
    for segment in segments:
        key = (segment.string_id, segment.context_id)
        if key in translated_strings:
            continue
        translated_strings.add(key)
        text = translate_string(segment.string.data)
        if text is None:
            continue
        made = translation_type
        if callable(translation_type):
            made = translation_type(segment.string.data)
        # Saved one by one: a StringTranslation checks its own HTML as it is saved.
        StringTranslation.objects.create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            data=text,
            translation_type=made,
        )
    publishable = isinstance(instance, Page | DraftStateMixin)
    # Pages are saved as a draft and their revision published here, not on commit as
    # wagtail-localize does, so the translation is live within the caller's transaction.
    translated, _created = source.create_or_update_translation(
        locale, publish=not publishable, fallback=True
    )
    if publishable:
        translated.get_latest_revision().publish()
        translated.refresh_from_db()
    return translated
