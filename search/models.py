import datetime
import re

from django.conf import settings
from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from .analysis import fold
from .query import clean_query, search_terms

# Queries that may carry personal data are never recorded: an e-mail address, or more
# digits than a postcode (phone, file or social security numbers, however spaced).
MAX_RECORDED_DIGITS = 4
MAX_RECORDED_LENGTH = 80
# New wordings recorded per day, all languages together: a flood of different words,
# typed or scripted, cannot grow the table without bound.
MAX_ROWS_PER_DAY = 300
# A wording is shown to staff only once this many searches used it over the retention
# period: rarer ones are more likely to be one person's own words.
MIN_SEARCHES_SHOWN = 3


def looks_personal(query):
    return "@" in query or sum(char.isdigit() for char in query) > MAX_RECORDED_DIGITS


class SearchSynonym(models.Model):
    """Words residents type for the words services use, per language (APL → aide au logement)."""

    locale = models.ForeignKey(
        "wagtailcore.Locale",
        verbose_name=_("language"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Synonyms apply to searches in this language only."),
    )
    term = models.CharField(
        _("what residents type"),
        max_length=80,
        help_text=_("A word, acronym or short phrase, e.g. “APL” or “PC Familles”."),
    )
    alternatives = models.TextField(
        _("also search for"),
        help_text=_("One phrase per line, e.g. “aide au logement”. Results for each are added."),
    )

    panels = [FieldPanel("locale"), FieldPanel("term"), FieldPanel("alternatives")]

    class Meta:
        verbose_name = _("search synonym")
        verbose_name_plural = _("search synonyms")
        ordering = ["locale", "term"]
        constraints = [
            models.UniqueConstraint(fields=["locale", "term"], name="unique_synonym_per_language")
        ]

    def __str__(self):
        return self.term

    def alternative_queries(self):
        return [clean_query(line) for line in self.alternatives.splitlines() if line.strip()]

    @classmethod
    def expansions(cls, question, locale):
        """Alternative questions: the question with each known term replaced by its
        alternatives."""
        asked = question.normalised
        if not asked:
            return []

        def normalised(text):
            return " ".join(fold(word) for word in search_terms(text, question.language))

        queries = []
        for synonym in cls.objects.filter(locale=locale):
            term = normalised(synonym.term)
            whole_term = re.compile(rf"(?<!\S){re.escape(term)}(?!\S)")
            if term and whole_term.search(asked):
                queries += [
                    whole_term.sub(normalised(alternative), asked).strip()
                    for alternative in synonym.alternative_queries()
                ]
        return [
            question.with_words(text)
            for text in list(dict.fromkeys(queries))[:5]
            if text and text != asked
        ]


class SearchDocument(models.Model):
    """One live page as the resident search sees it: terms analysed per field.

    Written by ``search.documents`` whenever a page is published (and removed when it is
    unpublished), read through the full-text index of the database (``search.store``):
    an FTS5 table on SQLite, a generated, GIN-indexed ``tsvector`` column on PostgreSQL,
    both created by this app's migrations. Terms are already analysed
    (``search.analysis``); the databases only match them.
    """

    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.CASCADE, related_name="+")
    # The language the page's own text is written in: its source's for an untranslated
    # copy, whose words residents of that locale may also type.
    content_language = models.CharField(max_length=12)
    is_primary = models.BooleanField(default=False)  # a service, rather than another page
    is_suspended = models.BooleanField(default=False)
    title_terms = models.TextField(blank=True)
    keyword_terms = models.TextField(blank=True)
    summary_terms = models.TextField(blank=True)
    body_terms = models.TextField(blank=True)
    # Folded, unstemmed words: title words for suggestions as residents type, and every
    # word for spelling corrections.
    title_words = models.TextField(blank=True)
    words = models.TextField(blank=True)

    class Meta:
        verbose_name = _("search document")
        verbose_name_plural = _("search documents")
        indexes = [models.Index(fields=["locale", "is_primary"])]

    def __str__(self):
        return f"{self.page_id} ({self.locale_id})"


class ZeroResultSearchQuerySet(models.QuerySet):
    def shown_to_staff(self):
        """Totals per wording and language over the kept days, the frequent ones only,
        with the first and last day each was searched."""
        return (
            self.values("query", "locale__language_code")
            .annotate(
                total=models.Sum("count"),
                first_day=models.Min("day"),
                last_day=models.Max("day"),
            )
            .filter(total__gte=MIN_SEARCHES_SHOWN)
            .order_by("-total", "query")
        )


class ZeroResultSearch(models.Model):
    """How many searches found nothing, per day, language and normalised wording.

    Counts only: no time of day, no visitor, no session; at most ``MAX_ROWS_PER_DAY``
    wordings a day. Purged after ``SEARCH_STATS_RETENTION_DAYS``. See docs/privacy.md.
    """

    locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.CASCADE, related_name="+")
    query = models.CharField(_("search"), max_length=MAX_RECORDED_LENGTH)
    day = models.DateField(_("day"), db_index=True)
    count = models.PositiveIntegerField(_("searches"), default=0)

    objects = ZeroResultSearchQuerySet.as_manager()

    class Meta:
        verbose_name = _("search without results")
        verbose_name_plural = _("searches without results")
        constraints = [
            models.UniqueConstraint(fields=["locale", "query", "day"], name="one_count_per_day")
        ]

    def __str__(self):
        return self.query

    @classmethod
    def record(cls, locale, question, today=None):
        normalised = question.normalised[:MAX_RECORDED_LENGTH]
        if not normalised or looks_personal(question.text):
            return
        today = today or timezone.localdate()
        same = cls.objects.filter(locale=locale, query=normalised, day=today)
        if not same.update(count=F("count") + 1):
            if cls.objects.filter(day=today).count() >= MAX_ROWS_PER_DAY:
                return
            _entry, created = cls.objects.get_or_create(
                locale=locale, query=normalised, day=today, defaults={"count": 1}
            )
            if not created:  # recorded by another request in the meantime
                same.update(count=F("count") + 1)
        cls.purge(today)

    @classmethod
    def purge(cls, today=None):
        today = today or timezone.localdate()
        cutoff = today - datetime.timedelta(days=settings.SEARCH_STATS_RETENTION_DAYS)
        return cls.objects.filter(day__lt=cutoff).delete()[0]
