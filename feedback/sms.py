"""Text messages through a generic HTTP provider, off unless ``SMS_URL`` is set.

The provider is whatever answers an HTTP POST of ``{"to": "+41…", "text": "…",
"sender": "…"}`` as JSON at ``SMS_URL``, with ``Authorization: Bearer SMS_TOKEN``: most
SMS gateways accept this shape, or a small relay in front of them does. The request waits
at most ``SMS_TIMEOUT`` seconds; it runs after the resident's answer, in the background
(``notify.send_after_commit``), so a slow provider holds nobody.
"""

import json
import logging
import urllib.error
import urllib.request

from django.conf import settings

logger = logging.getLogger(__name__)


def is_configured():
    return bool(settings.SMS_URL)


def send_sms(to, text):
    """POSTs the message; True when the provider accepted it (2xx), else logs why not."""
    payload = {"to": to, "text": text}
    if settings.SMS_SENDER:
        payload["sender"] = settings.SMS_SENDER
    headers = {"Content-Type": "application/json; charset=utf-8"}
    if settings.SMS_TOKEN:
        headers["Authorization"] = f"Bearer {settings.SMS_TOKEN}"
    request = urllib.request.Request(  # noqa: S310 - the operator's own https:// address
        settings.SMS_URL,
        data=json.dumps(payload).encode(),
        headers=headers,
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=settings.SMS_TIMEOUT) as response:  # noqa: S310
            response.read(1024)
            return True
    except (urllib.error.URLError, OSError, ValueError) as error:
        # Never the number or the text: the log is kept longer than the message matters.
        logger.warning("Text message not sent: %r", getattr(error, "reason", error))
        return False
