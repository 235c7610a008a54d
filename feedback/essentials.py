"""A service's essentials as a resident takes them away: an e-mail or a text message.

Written in the active language (the resident's), from the page they were reading: its
name, summary, hours and address at each place, phone and address on the web.
"""

from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import timezone

from . import sms
from .notify import logger, send_after_commit

# One text message is 160 Latin characters, 70 in other scripts; this is about three.
SMS_MAX_CHARACTERS = 300


def essentials_context(page, request):
    today = timezone.localdate()
    return {
        "page": page,
        "page_url": page.get_full_url(request),
        "places": [
            {
                "place": place,
                "days": [day for day in hours.weekly_summary() if not day.is_closed],
                "exceptions": hours.upcoming_exceptions(today, days=14),
            }
            for place, hours in page.hours_by_place()
        ],
    }


def email_message(page, request, address):
    context = essentials_context(page, request)
    subject = " ".join(render_to_string("feedback/essentials_subject.txt", context).split())
    body = render_to_string("feedback/essentials_email.txt", context, request=request)
    return EmailMessage(subject, body, to=[address])


def sms_text(page, request):
    text = render_to_string("feedback/essentials_sms.txt", essentials_context(page, request))
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    text = "\n".join(lines)
    if len(text) <= SMS_MAX_CHARACTERS:
        return text
    # The page's address goes whole, last: it leads to everything left out.
    url = lines[-1]
    return text[: SMS_MAX_CHARACTERS - len(url) - 2].rstrip() + "…\n" + url


def send_essentials(page, request, email="", phone=""):
    """Sends after the answer, in the background; nothing about the resident is kept."""
    message = email_message(page, request, email) if email else None
    text = sms_text(page, request) if phone and sms.is_configured() else ""

    def sending():
        if message is not None:
            try:
                message.send()
            except Exception:  # noqa: BLE001 - in a thread, only the log would ever know
                # Never the address: the log is kept longer than the message matters.
                logger.exception("Send to my phone: e-mail for page %s not sent", page.pk)
        if text:
            sms.send_sms(phone, text)

    send_after_commit(sending, f"essentials-{page.pk}")
