import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Site

MESSAGE_MAX_LENGTH = 2000
CONTACT_MAX_LENGTH = 254
PAGE_PATH_MAX_LENGTH = 500


def page_at(path):
    """The page a resident read at ``path`` (``/fr/services/…/``), or None.

    Every language's home is a site root path (``Site.get_site_root_paths``): the path
    after the language prefix is the page's ``url_path`` below that home.
    """
    for root in Site.get_site_root_paths():
        prefix = f"/{root.language_code}/"
        if root.language_code and path.startswith(prefix):
            url_path = root.root_path + path.removeprefix(prefix)
            return Page.objects.filter(url_path=url_path).specific().first()
    return None


class ProblemReportQuerySet(models.QuerySet):
    def unhandled(self):
        return self.filter(handled=False)

    def purge(self, now=None):
        """Erases the contact of handled reports, which is needed only to answer, and
        deletes reports older than ``PROBLEM_REPORT_RETENTION_DAYS``.

        Returns how many contacts were erased and how many reports deleted.
        """
        now = now or timezone.now()
        cutoff = now - datetime.timedelta(days=settings.PROBLEM_REPORT_RETENTION_DAYS)
        deleted = self.filter(created_at__lt=cutoff).delete()[0]
        erased = self.filter(handled=True).exclude(contact="").update(contact="")
        return erased, deleted


class ProblemReport(models.Model):
    """A resident's note that something on a page is wrong, missing or hard to use.

    Nothing identifies the sender unless they leave a contact: no account, no address
    of their device. The contact is erased once the report is handled, the report
    deleted after a year (``manage.py purge_problem_reports``, docs/privacy.md).
    """

    page_path = models.CharField(
        _("page"),
        max_length=PAGE_PATH_MAX_LENGTH,
        blank=True,
        help_text=_("The address of the page the resident was reading, e.g. /fr/services/…"),
    )
    language = models.CharField(
        _("language"),
        max_length=10,
        help_text=_("The language the resident was using the site in."),
    )
    message = models.TextField(
        _("what is wrong"),
        max_length=MESSAGE_MAX_LENGTH,
        help_text=_("The resident's own words."),
    )
    contact = models.CharField(
        _("contact"),
        max_length=CONTACT_MAX_LENGTH,
        blank=True,
        help_text=_("An e-mail address or phone number, only if the resident wants an answer."),
    )
    created_at = models.DateTimeField(_("received"), auto_now_add=True)
    handled = models.BooleanField(
        _("handled"),
        default=False,
        help_text=_("Tick once the page is corrected or the resident has been answered."),
    )
    handled_at = models.DateTimeField(
        _("handled on"),
        null=True,
        blank=True,
        help_text=_("When the report was marked handled; set by the admin."),
    )
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("handled by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Who marked the report handled; set by the admin."),
    )

    objects = ProblemReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("problem report")
        verbose_name_plural = _("problem reports")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["handled", "-created_at"])]

    def __str__(self):
        return f"{self.page_path or '—'} ({self.created_at:%Y-%m-%d %H:%M})"

    def page(self):
        return page_at(self.page_path) if self.page_path else None

    def state(self):
        if not self.handled:
            return _("To handle")
        if self.handled_at is None:  # handled before who and when were kept
            return _("Handled")
        return _("Handled by %(user)s on %(date)s") % {
            "user": self.handled_by.get_full_name() or self.handled_by.get_username()
            if self.handled_by
            else "—",
            "date": date_format(timezone.localtime(self.handled_at), "SHORT_DATETIME_FORMAT"),
        }

    def set_handled(self, handled, user, now=None):
        """Marks the report handled by ``user`` now, or to be handled again."""
        self.handled = handled
        self.handled_at = (now or timezone.now()) if handled else None
        self.handled_by = user if handled else None


class ReviewReminder(models.Model):
    """The day a person was last sent their review reminder digest
    (``manage.py send_review_reminders``): at most one a day."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    sent_on = models.DateField(_("sent on"))

    class Meta:
        verbose_name = _("review reminder")
        verbose_name_plural = _("review reminders")

    def __str__(self):
        return f"{self.user_id} {self.sent_on}"


class CheckedLinkQuerySet(models.QuerySet):
    def broken(self):
        return self.filter(models.Q(status__gte=400) | ~models.Q(error=""))


class CheckedLink(models.Model):
    """An outside address found on live pages, as ``manage.py check_links`` last found
    it (``feedback.links``)."""

    class Error(models.TextChoices):
        TIMEOUT = "timeout", _("No answer in time")
        REFUSED = "refused", _("Connection refused")
        UNKNOWN_HOST = "unknown-host", _("Unknown host name")
        CERTIFICATE = "certificate", _("Invalid security certificate")
        FAILED = "failed", _("Connection failed")

    url = models.URLField(_("address"), max_length=2000, unique=True)
    status = models.PositiveSmallIntegerField(
        _("status"), null=True, blank=True, help_text=_("The HTTP status of the last answer.")
    )
    error = models.CharField(
        _("error"),
        max_length=20,
        choices=Error.choices,
        blank=True,
        help_text=_("Why no answer came."),
    )
    checked_at = models.DateTimeField(_("checked"))
    pages = models.ManyToManyField(
        "wagtailcore.Page",
        through="LinkOnPage",
        verbose_name=_("pages"),
        related_name="+",
        help_text=_("The live pages that link to it."),
    )

    objects = CheckedLinkQuerySet.as_manager()

    class Meta:
        verbose_name = _("checked link")
        verbose_name_plural = _("checked links")

    def __str__(self):
        return self.url

    def answer(self):
        """What the server answered, for editors: its HTTP status, or why it did not."""
        return self.get_error_display() if self.error else str(self.status or "—")


class LinkOnPage(models.Model):
    """A checked outside address on one page: a row of Reports → Broken links."""

    link = models.ForeignKey(
        CheckedLink, verbose_name=_("link"), on_delete=models.CASCADE, related_name="+"
    )
    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        verbose_name = _("link on a page")
        verbose_name_plural = _("links on pages")
        constraints = [models.UniqueConstraint(fields=["link", "page"], name="one_link_per_page")]

    def __str__(self):
        return f"{self.link} ({self.page_id})"


class HelpfulAnswerQuerySet(models.QuerySet):
    def record(self, page, answer, reason="", day=None):
        """Adds one to the day's count of ``answer`` (and ``reason``) on ``page``."""
        day = day or timezone.localdate()
        row, _created = self.get_or_create(page=page, day=day, answer=answer, reason=reason)
        self.filter(pk=row.pk).update(count=models.F("count") + 1)

    def totals_by_page(self, since):
        """Per page since ``since``: answers yes, answers no and the reasons given."""
        totals = {}
        rows = (
            self.filter(day__gte=since)
            .values("page_id", "answer", "reason")
            .annotate(total=models.Sum("count"))
        )
        for row in rows:
            page = totals.setdefault(row["page_id"], {"yes": 0, "no": 0, "reasons": {}})
            if row["reason"]:
                page["reasons"][row["reason"]] = row["total"]
            else:
                page[row["answer"]] = row["total"]
        return totals

    def purge(self, now=None):
        # Days are the site's, as ``record`` counts them: not UTC's, a day behind
        # after midnight in Europe.
        cutoff = timezone.localdate(now) - datetime.timedelta(
            days=settings.PROBLEM_REPORT_RETENTION_DAYS
        )
        return self.filter(day__lt=cutoff).delete()[0]


class HelpfulAnswer(models.Model):
    """How many residents found a page helpful, or not and why, on one day.

    A count, not a vote: no visitor, time of day, address or cookie, so nothing here is
    about a person. A resident's own words about what was missing go to the problem
    reports instead, which editors already handle.
    """

    class Answer(models.TextChoices):
        YES = "yes", _("Yes")
        NO = "no", _("No")

    class Reason(models.TextChoices):
        WRONG = "wrong", _("Something is wrong or out of date")
        MISSING = "missing", _("I did not find what I was looking for")
        UNCLEAR = "unclear", _("It is hard to understand")
        OTHER = "other", _("Another reason")

    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name=_("page")
    )
    day = models.DateField(_("day"))
    answer = models.CharField(_("answer"), max_length=3, choices=Answer.choices)
    reason = models.CharField(
        _("reason"),
        max_length=10,
        choices=Reason.choices,
        blank=True,
        help_text=_("Empty on the rows counting the answers themselves."),
    )
    count = models.PositiveIntegerField(_("count"), default=0)

    objects = HelpfulAnswerQuerySet.as_manager()

    class Meta:
        verbose_name = _("helpfulness count")
        verbose_name_plural = _("helpfulness counts")
        constraints = [
            models.UniqueConstraint(
                fields=["page", "day", "answer", "reason"], name="one_helpful_count_a_day"
            )
        ]

    def __str__(self):
        return f"{self.page_id} {self.day} {self.answer} {self.reason} {self.count}"


class RateLimitCountQuerySet(models.QuerySet):
    def purge(self, now=None):
        """Deletes the counts of windows that are over; returns how many."""
        return self.filter(expires_at__lte=now or timezone.now()).delete()[0]


class RateLimitCount(models.Model):
    """How many times one client used one form in one window, when the shared cache
    cannot count it (``feedback.ratelimit``): Redis is down, or there is no Redis.

    ``key`` is the form's name and the client's address hashed with the secret key: the
    address itself is never stored. A window starts with the client's first submission
    and lasts the limit's length; its row is deleted once it is over.
    """

    key = models.CharField(_("key"), max_length=80, unique=True)
    window_start = models.DateTimeField(_("window start"))
    expires_at = models.DateTimeField(_("expires at"), db_index=True)
    count = models.PositiveIntegerField(_("count"), default=0)

    objects = RateLimitCountQuerySet.as_manager()

    class Meta:
        verbose_name = _("rate limit count")
        verbose_name_plural = _("rate limit counts")

    def __str__(self):
        return f"{self.key} {self.window_start:%Y-%m-%d %H:%M} {self.count}"
