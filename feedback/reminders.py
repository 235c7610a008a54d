"""Review reminders: each editor's daily digest of what keeps their content true.

A digest lists the French services past their review date and the problem reports not
handled yet, each for the people who may act on it:

- a service goes to whoever may change it (Wagtail's page permissions: a team given one
  section of the tree, or per-organisation permissions, receives its own services only);
- a problem report goes to whoever may mark reports handled and, when the report's page
  is found, may also change that page; a report whose page is gone goes to all of them.

Superusers receive none (they are the site's administrators, not its editors); nor do
inactive accounts or those without an e-mail address. A digest is sent at most once a
day per person (``ReviewReminder``), so running the command twice sends nothing more,
and a run stopped by a mail server failure sends the rest the next time.
"""

import dataclasses
import logging

from django.core.mail import EmailMessage, get_connection
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.permission_policies.base import ModelPermissionPolicy
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.users.models import UserProfile

from core.i18n import source_language
from services_directory.models.service import ServicePage

from .models import ProblemReport, ReviewReminder
from .notify import admin_address

logger = logging.getLogger(__name__)


@dataclasses.dataclass
class Digest:
    user: object
    services: list = dataclasses.field(default_factory=list)
    reports: list = dataclasses.field(default_factory=list)


def editors(users):
    """The people among ``users`` a reminder can reach."""
    return users.filter(is_active=True, is_superuser=False).exclude(email="")


def overdue_sources(today):
    """Live French services whose review date has passed, oldest first."""
    return (
        ServicePage.objects.live()
        .review_overdue(today)
        .filter(locale__language_code=source_language())
        .order_by("review_due", "title")
    )


def digests(today=None):
    """Each reachable person's digest, for people with something to do; by user id."""
    today = today or timezone.localdate()
    pages = PagePermissionPolicy()
    by_user = {}

    def add(users, attribute, item):
        for user in editors(users):
            digest = by_user.setdefault(user.pk, Digest(user))
            getattr(digest, attribute).append(item)

    for service in overdue_sources(today):
        add(pages.users_with_permission_for_instance("change", service), "services", service)

    readers = ModelPermissionPolicy(ProblemReport).users_with_permission("change")
    for report in ProblemReport.objects.unhandled().order_by("created_at"):
        page = report.page()
        if page is not None:
            users = readers.filter(
                pk__in=pages.users_with_permission_for_instance("change", page).values("pk")
            )
        else:
            users = readers
        add(users, "reports", report)
    return by_user


def message_for(digest):
    """The digest's e-mail, in the person's admin language."""
    language = UserProfile.get_for_user(digest.user).get_preferred_language()
    with translation.override(language):
        context = {
            "user": digest.user,
            "total": len(digest.services) + len(digest.reports),
            "services": [
                (service, admin_address(reverse("wagtailadmin_pages:edit", args=[service.pk])))
                for service in digest.services
            ],
            "reports": [
                (report, admin_address(reverse("problem_reports:edit", args=[report.pk])))
                for report in digest.reports
            ],
            "services_url": admin_address(reverse("services_to_review")),
            "reports_url": admin_address(reverse("problem_reports:index") + "?handled=false"),
        }
        subject = render_to_string("feedback/reminder_subject.txt", context).strip()
        body = render_to_string("feedback/reminder_body.txt", context)
    return EmailMessage(subject, body, to=[digest.user.email])


class MailServerFailed(Exception):
    pass


def send_reminders(today=None):
    """Sends today's digests not sent yet; returns how many were sent.

    Each wait on the mail server is bounded by ``EMAIL_TIMEOUT``. The first failure stops
    the run (the server is down or refusing: the next ones would wait as long) and raises
    ``MailServerFailed``; whoever got their digest is not sent it again the same day.
    """
    today = today or timezone.localdate()
    already = set(ReviewReminder.objects.filter(sent_on=today).values_list("user_id", flat=True))
    pending = [digest for pk, digest in digests(today).items() if pk not in already]
    sent = 0
    if not pending:
        return sent
    try:
        with get_connection() as connection:
            for digest in pending:
                message = message_for(digest)
                message.connection = connection
                message.send()
                ReviewReminder.objects.update_or_create(
                    user=digest.user, defaults={"sent_on": today}
                )
                sent += 1
    except Exception as error:
        logger.exception("Review reminders: the mail server failed after %s sent", sent)
        raise MailServerFailed(sent) from error
    return sent
