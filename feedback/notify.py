"""E-mail to the editors when a resident reports a problem."""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from wagtail.models import Site

from core.models import ContactSettings

logger = logging.getLogger(__name__)


def recipient(request):
    """PROBLEM_REPORT_EMAIL, else the service's shared mailbox, else nobody."""
    if settings.PROBLEM_REPORT_EMAIL:
        return settings.PROBLEM_REPORT_EMAIL
    site = Site.find_for_request(request)
    return ContactSettings.for_site(site).email if site else ""


def notify_editors(request, report):
    address = recipient(request)
    if not address:
        return
    # Editors read the notification in the site's main language, not the resident's.
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "report": report,
            "admin_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/")
            + reverse("problem_reports:edit", args=[report.pk]),
        }
        subject = render_to_string("feedback/email_subject.txt", context).strip()
        body = render_to_string("feedback/email_body.txt", context)
    try:
        send_mail(subject, body, None, [address])
    except OSError:
        # The report is stored and listed in the admin: a mail outage must not lose it
        # nor show the resident an error.
        logger.exception("Problem report %s: notification e-mail not sent", report.pk)
