"""E-mail to the editors when a resident reports a problem; messages sent in the background.

The report is stored first and is what matters: editors list it in the admin whatever
becomes of the mail. The mail is sent once the report is committed, from a thread of its
own, so the resident is answered at once even when the mail server is slow or silent;
``EMAIL_TIMEOUT`` bounds how long that thread may wait.
"""

import logging
import threading

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from wagtail.models import Site

from core.models import ContactSettings

logger = logging.getLogger(__name__)
# Names the sending threads (the log, and tests waiting for them).
THREAD_PREFIX = "proxima-outbox-"


def recipient(request):
    """PROBLEM_REPORT_EMAIL, else the service's shared mailbox, else nobody."""
    if settings.PROBLEM_REPORT_EMAIL:
        return settings.PROBLEM_REPORT_EMAIL
    site = Site.find_for_request(request)
    return ContactSettings.for_site(site).email if site else ""


def admin_address(path):
    """The absolute address of an admin ``path`` for an e-mail: on ``BASE_URL``."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def notify_editors(request, report):
    address = recipient(request)
    if not address:
        return
    # Editors read the notification in the site's main language, not the resident's.
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "report": report,
            "admin_url": admin_address(reverse("problem_reports:edit", args=[report.pk])),
        }
        subject = render_to_string("feedback/email_subject.txt", context).strip()
        body = render_to_string("feedback/email_body.txt", context)
    message = EmailMessage(subject, body, to=[address])
    send_after_commit(lambda: send(message, report.pk), f"problem-report-{report.pk}")


def send_after_commit(sending, name):
    """Calls ``sending`` once the transaction is committed (at once outside one), from a
    thread of its own: the resident is answered without waiting for a mail server or an
    SMS provider, whose own timeouts bound the thread."""
    transaction.on_commit(lambda: send_in_background(sending, name))


def send_in_background(sending, name):
    thread = threading.Thread(target=sending, name=f"{THREAD_PREFIX}{name}", daemon=True)
    thread.start()


def send(message, report_pk):
    try:
        message.send()
    except Exception:  # in a thread, only the log would ever know
        logger.exception("Problem report %s: notification e-mail not sent", report_pk)
