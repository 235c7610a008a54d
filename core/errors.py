"""When a request fails: the 500 page, and the e-mail to the administrators.

Neither may need what may have failed: the page reads the emergency numbers from their
copy on disk (``core.emergency_copy``), never from the database, and uses no context
processor; the administrators' e-mail (``ERROR_EMAIL``) is sent in the background, so a
slow mail server does not hold the resident's error page.
"""

import logging
import threading

from django.http import HttpResponseServerError
from django.utils.log import AdminEmailHandler
from django.views.decorators.csrf import requires_csrf_token

from . import emergency_copy

logger = logging.getLogger(__name__)
FALLBACK = (
    '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Erreur</title>'
    "</head><body><h1>Une erreur s’est produite – Something went wrong</h1>"
    "<p>En cas d’urgence, appelez le 112. – In an emergency, call 112.</p></body></html>"
)


@requires_csrf_token
def server_error(request):
    """``handler500``: the error page with the emergency numbers of the last copy."""
    try:
        content = emergency_copy.render_page(emergency_copy.read())
    except Exception:
        logger.exception("The error page could not be rendered")
        content = FALLBACK
    return HttpResponseServerError(content)


class BackgroundAdminEmailHandler(AdminEmailHandler):
    """Django's e-mail to ``ADMINS`` about an error, sent from a thread of its own."""

    thread_prefix = "admin-error-mail-"

    def emit(self, record):
        # Describing a request may fail as its handling did (too many query fields are
        # refused again as the report reads them): the resident's 400 or 500 page must
        # still be sent, so the failure goes where logging's own failures go.
        try:
            super().emit(record)
        except Exception:  # noqa: BLE001 - as logging handlers do: the log never breaks the request
            self.handleError(record)

    def send_mail(self, subject, message, *args, **kwargs):
        thread = threading.Thread(
            target=self.send_now,
            args=(subject, message, *args),
            kwargs=kwargs,
            name=f"{self.thread_prefix}{threading.get_ident()}",
            daemon=True,
        )
        thread.start()

    def send_now(self, *args, **kwargs):
        try:
            super().send_mail(*args, **kwargs)
        except Exception:
            # Outside the "django" logger, which would send it again through this handler.
            logger.exception("The error e-mail to the administrators was not sent")
