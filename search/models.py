import datetime
import re

from django.conf import settings
from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from .query import clean_query, search_terms

# Queries that may carry personal data are never recorded: an e-mail address, or more
# digits than a postcode (phone, file or social security numbers, however spaced).
MAX_RECORDED_DIGITS = 4
MAX_RECORDED_LENGTH = 80


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
    def expansions(cls, locale, query):
        """Alternative queries: the query with each known term replaced by its alternatives."""
        words = " ".join(search_terms(query))
        if not words:
            return []
        queries = []
        for synonym in cls.objects.filter(locale=locale):
            term = " ".join(search_terms(synonym.term))
            whole_term = re.compile(rf"(?<!\S){re.escape(term)}(?!\S)")
            if term and whole_term.search(words):
                queries += [
                    whole_term.sub(" ".join(search_terms(alternative)), words).strip()
                    for alternative in synonym.alternative_queries()
                ]
        return [q for q in dict.fromkeys(queries) if q and q != words][:5]


class ZeroResultSearch(models.Model):
    """How many searches found nothing, per day, language and normalised wording.

    Counts only: no time of day, no visitor, no session. Purged after
    ``SEARCH_STATS_RETENTION_DAYS``.
    """

    locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.CASCADE, related_name="+")
    query = models.CharField(_("search"), max_length=MAX_RECORDED_LENGTH)
    day = models.DateField(_("day"), db_index=True)
    count = models.PositiveIntegerField(_("searches"), default=0)

    class Meta:
        verbose_name = _("search without results")
        verbose_name_plural = _("searches without results")
        constraints = [
            models.UniqueConstraint(fields=["locale", "query", "day"], name="one_count_per_day")
        ]

    def __str__(self):
        return self.query

    @classmethod
    def record(cls, locale, query, today=None):
        normalised = " ".join(search_terms(query))[:MAX_RECORDED_LENGTH]
        if not normalised or looks_personal(query):
            return
        today = today or timezone.localdate()
        entry, created = cls.objects.get_or_create(
            locale=locale, query=normalised, day=today, defaults={"count": 1}
        )
        if not created:
            cls.objects.filter(pk=entry.pk).update(count=F("count") + 1)
        cls.purge(today)

    @classmethod
    def purge(cls, today=None):
        today = today or timezone.localdate()
        cutoff = today - datetime.timedelta(days=settings.SEARCH_STATS_RETENTION_DAYS)
        return cls.objects.filter(day__lt=cutoff).delete()[0]
