"""What the resident search knows of each page: ``SearchDocument`` rows, kept current.

A page's text goes into four weighted fields, read from the page type's own
``search_fields`` (the declarations the search cluster uses too): the title; fields
boosted 2 or more (residents' words) as keywords; fields boosted above 1 as the
summary; the rest as the body. Each is analysed in the language it is written in:
an untranslated copy's text in its source's language.

Page types add the vocabulary of the taxonomies that describe them
(``search_taxonomy_terms()``: a service's themes, audiences and needs): their names and
residents' words *in the page's language* when translated, so a Ukrainian resident finds
a service whose text exists only in French through the Ukrainian words of its theme.

Documents follow every save of a page and of its many-to-many relations, read again
from the database so that only what is live is indexed, and go when it is unpublished or
deleted (``connect_signals``).
``index_pages`` (re)writes any set of pages; ``deferred()`` gathers the work of a bulk
change (the demo loader) into one pass.
"""

from collections import defaultdict
from contextlib import contextmanager
from contextvars import ContextVar

from django.db import transaction
from django.db.models.signals import m2m_changed, post_save
from django.utils.html import strip_tags
from wagtail.models import Page
from wagtail.search import index
from wagtail.signals import page_unpublished

from core.i18n import source_language

from .analysis import analyse, fold, words
from .models import SearchDocument

TITLE, KEYWORDS, SUMMARY, BODY = "title", "keywords", "summary", "body"
# The taxonomies' words as one text, for the search cluster; documents take them from
# ``search_taxonomy_terms()`` instead, each in its own language.
VOCABULARY_FIELD = "search_vocabulary_text"
KEYWORDS_BOOST = 2
BATCH_SIZE = 200

_deferred = None


def bucket_of(field):
    if field.field_name == "title":
        return TITLE
    boost = field.boost or 1
    if boost >= KEYWORDS_BOOST:
        return KEYWORDS
    return SUMMARY if boost > 1 else BODY


def as_text(value):
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "\n".join(as_text(item) for item in value)
    if isinstance(value, dict):
        return "\n".join(as_text(item) for item in value.values())
    return strip_tags(str(value))


def page_texts(page):
    """(bucket, text) of every plain search field of ``page``."""
    for field in type(page).get_search_fields():
        if isinstance(field, index.SearchField) and field.field_name != VOCABULARY_FIELD:
            yield bucket_of(field), as_text(field.get_value(page))


class Vocabulary:
    """Taxonomy terms' names and residents' words per language, each term read once."""

    def __init__(self):
        self.known = defaultdict(dict)  # model -> translation key -> language -> text

    def read(self, terms):
        """Reads the terms not known yet, one query per model."""
        wanted = defaultdict(set)
        for term in terms:
            if term.translation_key not in self.known[type(term)]:
                wanted[type(term)].add(term.translation_key)
        for model, keys in wanted.items():
            rows = model.objects.filter(translation_key__in=keys).values_list(
                "translation_key", "locale__language_code", "name", "keywords"
            )
            for key, language, name, keywords in rows:
                self.known[model].setdefault(key, {})[language] = f"{name}\n{keywords}"

    def of(self, term, language):
        """[(language, text)] of ``term``: in ``language`` when translated, and in the
        source language, whose words residents of every language meet on letters."""
        self.read([term])
        texts = self.known[type(term)][term.translation_key]
        found = [(lang, texts.get(lang)) for lang in dict.fromkeys([language, source_language()])]
        return [(lang, text) for lang, text in found if text] or list(texts.items())[:1]


_shared_vocabulary = ContextVar("shared_vocabulary", default=None)


@contextmanager
def one_vocabulary():
    """Pages indexed in the block read each taxonomy term once, not once per page."""
    token = _shared_vocabulary.set(Vocabulary())
    try:
        yield
    finally:
        _shared_vocabulary.reset(token)


def vocabulary_text(page):
    """The words of the taxonomies describing ``page``, in its language, as one text.

    Page types that taxonomies describe return them from ``search_taxonomy_terms()``;
    they also declare ``index.SearchField(VOCABULARY_FIELD, boost=2)`` with a
    ``search_vocabulary_text`` method returning this, so that a search cluster indexes
    those words too.
    """
    vocabulary = _shared_vocabulary.get() or Vocabulary()
    language = page.locale.language_code
    return "\n".join(
        text
        for term in page.search_taxonomy_terms()
        for _language, text in vocabulary.of(term, language)
    )


def content_language(page, languages):
    source_id = page.alias_of_id or page.pk
    return languages[source_id]


def build_document(page, language, vocabulary):
    """The ``SearchDocument`` of the specific page ``page`` (not saved)."""
    texts = defaultdict(list)
    for bucket, text in page_texts(page):
        texts[bucket].append(text)
    terms = {bucket: [] for bucket in (TITLE, KEYWORDS, SUMMARY, BODY)}
    for bucket, parts in texts.items():
        terms[bucket] = analyse("\n".join(parts), language, stop_words=False)
    # As written (lower case, accents kept): spelling corrections show them so.
    spelled = {word for parts in texts.values() for word in words(" ".join(parts), language)}
    described = getattr(page, "search_taxonomy_terms", None)
    describing = described() if described else []
    vocabulary.read(describing)
    for term in describing:
        for term_language, text in vocabulary.of(term, page.locale.language_code):
            terms[KEYWORDS] += analyse(text, term_language, stop_words=False)
            spelled |= set(words(text, term_language))
    return SearchDocument(
        page_id=page.pk,
        locale_id=page.locale_id,
        content_language=language,
        is_primary=bool(getattr(page, "primary_search_result", False)),
        is_suspended=bool(getattr(page, "is_suspended", False)),
        title_terms=" ".join(terms[TITLE]),
        keyword_terms=" ".join(terms[KEYWORDS]),
        summary_terms=" ".join(terms[SUMMARY]),
        body_terms=" ".join(terms[BODY]),
        title_words=" ".join(
            dict.fromkeys(folded for w in words(page.title, language) if (folded := fold(w)))
        ),
        words=" ".join(sorted(word for word in spelled if len(word) > 1)),
    )


def index_pages(pages):
    """Writes the documents of ``pages`` (a Page queryset): live pages are (re)written,
    others removed."""
    if _deferred is not None:
        _deferred.update(pages.values_list("pk", flat=True))
        return
    vocabulary = Vocabulary()
    ids = list(pages.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), BATCH_SIZE):
        batch = ids[start : start + BATCH_SIZE]
        live = list(Page.objects.filter(pk__in=batch, live=True).specific())
        sources = {page.alias_of_id or page.pk for page in live}
        languages = dict(
            Page.objects.filter(pk__in=sources).values_list("pk", "locale__language_code")
        )
        documents = [
            build_document(page, content_language(page, languages), vocabulary) for page in live
        ]
        with transaction.atomic():
            SearchDocument.objects.filter(page_id__in=batch).delete()
            SearchDocument.objects.bulk_create(documents)


def index_page(page):
    if _deferred is not None:
        _deferred.add(page.pk)
        return
    index_pages(Page.objects.filter(pk=page.pk))


@contextmanager
def deferred():
    """Gathers every page to index until the block ends, then indexes them once."""
    global _deferred
    if _deferred is not None:
        yield
        return
    _deferred = set()
    try:
        yield
    finally:
        pending, _deferred = _deferred, None
    index_pages(Page.objects.filter(pk__in=pending))


def rebuild():
    """Every live page's document, written afresh (``manage.py update_search_documents``)."""
    SearchDocument.objects.exclude(page__live=True).delete()
    index_pages(Page.objects.filter(live=True))


def _saved(sender, instance, **kwargs):
    # Read again from the database: a draft being saved must not be indexed.
    if isinstance(instance, Page):
        index_page(instance)


def _relations_changed(sender, instance, action, **kwargs):
    # A page's themes and needs are written after the page itself (modelcluster).
    if action.startswith("post_") and isinstance(instance, Page):
        index_page(instance)


def _unpublished(sender, instance, **kwargs):
    # Also sent as a page is deleted, when it must not be written again.
    if _deferred is not None:
        _deferred.discard(instance.pk)
    SearchDocument.objects.filter(page_id=instance.pk).delete()


def connect_signals():
    post_save.connect(_saved, dispatch_uid="search-documents-saved")
    m2m_changed.connect(_relations_changed, dispatch_uid="search-documents-relations")
    page_unpublished.connect(_unpublished, dispatch_uid="search-documents-unpublished")
