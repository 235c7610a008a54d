"""The test suite: fast hashing, in-memory mail, an isolated cache."""

import os
import tempfile
from pathlib import Path

from .base import *  # noqa: F403

SECRET_KEY = "test-only-insecure-key"  # noqa: S105 - tests only
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Always the offline translator (not a real translation): tests never reach the network.
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = translator_setting({}, default="offline")  # noqa: F405
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# No front cache, whatever the environment says: the tests that purge set their own.
WAGTAILFRONTENDCACHE = {}
# Tests call the APIs many times a minute from one address; one test checks the throttle.
API_ANON_RATE = "10000/minute"
# Tests sign in with force_login; the two-factor tests turn the requirement on.
STAFF_TWO_FACTOR_REQUIRED = False
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
# The suite runs twice: on SQLite and on PostgreSQL (TEST_DATABASE=postgres).
if os.environ.get("TEST_DATABASE") == "postgres":
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": os.environ.get("POSTGRES_DB", "proxima"),
            "USER": os.environ.get("POSTGRES_USER", "postgres"),
            "PASSWORD": os.environ.get("POSTGRES_PASSWORD", ""),
            "HOST": os.environ.get("POSTGRES_HOST", "127.0.0.1"),
            "PORT": os.environ.get("POSTGRES_PORT", "5432"),
            # A test database is thrown away: its commits need not wait for the disk.
            "OPTIONS": {"options": "-c synchronous_commit=off"},
        }
    }
    # make test migrates one test database and its PostgreSQL processes copy it
    # (tests/postgres_template.py): migrate then has nothing left to apply.
    if os.environ.get("POSTGRES_TEST_TEMPLATE"):
        DATABASES["default"]["TEST"] = {"TEMPLATE": os.environ["POSTGRES_TEST_TEMPLATE"]}
# Files the tests write (the demo's image and document, their renditions, the error page's
# copy of the emergency numbers): out of the project's media, one folder per run.
RUN_FILES = Path(tempfile.gettempdir()) / f"proxima-tests-{os.getpid()}"
MEDIA_ROOT = RUN_FILES / "media"
EMERGENCY_NUMBERS_COPY = RUN_FILES / "emergency-numbers.json"
