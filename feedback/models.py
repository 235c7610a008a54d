import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

MESSAGE_MAX_LENGTH = 2000
CONTACT_MAX_LENGTH = 254
PAGE_PATH_MAX_LENGTH = 500


class ProblemReportQuerySet(models.QuerySet):
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

    objects = ProblemReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("problem report")
        verbose_name_plural = _("problem reports")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["handled", "-created_at"])]

    def __str__(self):
        return f"{self.page_path or '—'} ({self.created_at:%Y-%m-%d %H:%M})"
