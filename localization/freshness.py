"""How far a translated page can be trusted: machine-translated, or behind its French source.

A translated page is **machine-translated** while wagtail-localize's translation memory
still holds, for one of its French strings, a translation whose type is "machine": a
translator who reviews a string in the editor saves it as "manual".

A translated page is **stale** when its French source changed after the translation:

- the French page was published after wagtail-localize last took its text for
  translators (``TranslationSource.last_updated_at``, set when the translation starts and
  on every "Sync translated pages"), so translators have not even seen the change; or
- the text was taken again but the translation has not been published since.

A page translated without wagtail-localize (no TranslationSource) is stale when the
French page was published after it.
"""

from django.db.models import BooleanField, Exists, ExpressionWrapper, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from wagtail.models import Page
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource

from core.i18n import source_language

# Fields residents never read (search uses them): their translation needs no notice.
UNSEEN_FIELDS = ["keywords"]


def with_freshness(pages):
    """``pages`` annotated with their French source and whether to trust them.

    Adds ``source_page_id``, ``source_title``, ``source_published_at``,
    ``source_extracted_at``, ``is_machine_translated`` and ``is_stale``; everything in
    the same SQL query.
    """
    language = source_language()
    sources = Page.objects.filter(
        translation_key=OuterRef("translation_key"), locale__language_code=language
    )
    extracted = TranslationSource.objects.filter(
        object_id=OuterRef("translation_key"), locale__language_code=language
    )
    machine_strings = StringSegment.objects.filter(
        source__object_id=OuterRef("translation_key"),
        source__locale__language_code=language,
        string__translations__locale_id=OuterRef("locale_id"),
        string__translations__context_id=F("context_id"),
        string__translations__translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE,
    ).exclude(context__path__in=UNSEEN_FIELDS)
    return (
        pages.filter(alias_of__isnull=True)
        .exclude(locale__language_code=language)
        .annotate(
            source_page_id=Subquery(sources.values("pk")[:1]),
            source_title=Subquery(sources.values("title")[:1]),
            source_published_at=Subquery(sources.values("last_published_at")[:1]),
            source_extracted_at=Subquery(extracted.values("last_updated_at")[:1]),
            is_machine_translated=Exists(machine_strings),
        )
        .alias(
            reference_at=Coalesce("source_extracted_at", "last_published_at"),
        )
        .annotate(
            is_stale=ExpressionWrapper(
                Q(source_published_at__gt=F("reference_at"))
                | Q(source_extracted_at__gt=F("last_published_at")),
                output_field=BooleanField(),
            )
        )
    )


def stale_translations(pages):
    """The live translated pages among ``pages`` whose French source changed since."""
    return (
        with_freshness(pages.live())
        .filter(is_stale=True)
        .select_related("locale")
        .order_by("source_published_at", "title")
    )


def freshness_of(page):
    """The annotated row of ``page`` (one query), or None for French pages and aliases."""
    if page is None or not page.pk or page.alias_of_id:
        return None
    return with_freshness(Page.objects.filter(pk=page.pk)).first()
