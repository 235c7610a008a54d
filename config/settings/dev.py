"""Local development and the demo site (``make run``): debug on, a throwaway key."""

import os

from .base import *  # noqa: F403

DEBUG = os.environ.get("DEBUG", "1").lower() in {"1", "true", "yes", "on"}
SECRET_KEY = os.environ.get("SECRET_KEY") or "dev-only-insecure-key-never-use-in-production"
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# The offline translator (no network, not a real translation) unless MACHINE_TRANSLATOR says.
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = translator_setting(os.environ, default="offline")  # noqa: F405
# The demo's kiosks start from their plain address (/kiosk/issy-hall/), as docs/kiosk.md
# shows; base.py and production require the enrolment key.
KIOSK_ENROLMENT_KEY_REQUIRED = False
# Two-factor authentication is optional in the demo (an editor who set it up is still
# asked for a code); production requires it.
STAFF_TWO_FACTOR_REQUIRED = env_bool("STAFF_TWO_FACTOR_REQUIRED", False)  # noqa: F405
