"""Settings shared by every environment.

This module is safe for production as it stands: DEBUG is off and secrets come only
from the environment. ``dev`` and ``test`` relax it; ``production`` switches real
services on when their variables are present. Every variable is listed in
``.env.example`` with its default.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.conf.locale import LANG_INFO
from django.utils.translation import gettext_lazy as _

from config.environment import (
    base_url,
    env_bool,
    env_list,
    env_seconds,
    frontend_cache_backends,
    translator_setting,
    trusted_proxies,
)

BASE_DIR = Path(__file__).resolve().parent.parent.parent


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "core",
    "taxonomy",
    "places",
    "home",
    "services_directory",
    "search",
    "kiosk",
    "demo",
    "localization",
    "feedback",
    "opendata",
    "accounts",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.search_promotions",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "rest_framework",
    "modelcluster",
    "taggit",
    "django_filters",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "core.middleware.SecurityHeadersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Staff accounts (accounts/): the second factor, then the sign-in lockout page.
    "django_otp.middleware.OTPMiddleware",
    "accounts.middleware.TwoFactorMiddleware",
    "axes.middleware.AxesMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "kiosk.middleware.KioskMiddleware",
    # Last: pages anonymous residents read, kept for the minute (docs/decisions/0004).
    "core.page_cache.PageCacheMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "core.context_processors.site_chrome",
                "kiosk.context_processors.kiosk",
            ],
        },
    },
]

# Embedded default: one SQLite file beside the project. DATABASE_URL (PostgreSQL in
# production) replaces it.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Staff accounts (docs/deployment.md, "Staff accounts") -------------------------------
# django-axes counts failed sign-ins per user name and address: after
# LOGIN_FAILURE_LIMIT of them, that pair is refused for LOGIN_COOLOFF_MINUTES (the
# account stays usable from elsewhere, so an attacker cannot lock a colleague out).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=float(os.environ.get("LOGIN_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# Only failures are kept (never a log of every sign-in), and they expire with the cool-off.
AXES_DISABLE_ACCESS_LOG = True
AXES_USE_ATTEMPT_EXPIRATION = True
# The address the reverse proxy passes (CLIENT_IP_HEADER), as for the report form.
AXES_CLIENT_IP_CALLABLE = "core.client_address.client_address"
# A translated page that says how long to wait (status 429).
AXES_LOCKOUT_CALLABLE = "accounts.views.lockout"
# Two-factor authentication (TOTP app + one-time recovery codes) for every staff
# account: required unless turned off (dev.py and the tests turn it off; whoever set up a
# device is still asked for a code).
STAFF_TWO_FACTOR_REQUIRED = env_bool("STAFF_TWO_FACTOR_REQUIRED", True)
OTP_TOTP_ISSUER = os.environ.get("SITE_NAME", "Proxima")
# Private pages and documents are for signed-in staff only: no shared password, a form
# no lockout or second factor protects (and a secret passed from hand to hand).
WAGTAIL_PRIVATE_PAGE_OPTIONS = {"SHARED_PASSWORD": False}
WAGTAILDOCS_PRIVATE_COLLECTION_OPTIONS = {"SHARED_PASSWORD": False}
# Editors' avatars are not fetched from Gravatar (a third party would learn who edits),
# nor does the dashboard ask wagtail.org for new releases: the admin talks to the site only.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False

# Languages -------------------------------------------------------------------
# French first; the other languages residents of the hubs speak most. Django has no
# Tigrinya: its LANG_INFO entry is added here and its catalogue lives in locale/ti.
LANG_INFO["ti"] = {
    "bidi": False,
    "code": "ti",
    "name": "Tigrinya",
    "name_local": "ትግርኛ",
}

LANGUAGE_CODE = "fr"
LANGUAGES = [
    ("fr", _("French")),
    ("en", _("English")),
    ("de", _("German")),
    ("it", _("Italian")),
    ("pt", _("Portuguese")),
    ("es", _("Spanish")),
    ("ar", _("Arabic")),
    ("sq", _("Albanian")),
    ("uk", _("Ukrainian")),
    ("tr", _("Turkish")),
    ("ta", _("Tamil")),
    ("ti", _("Tigrinya")),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
# Formats Django lacks (Tigrinya) or that mislead here (US dates in English, AM/PM in
# Tamil and Albanian): config/formats.
FORMAT_MODULE_PATH = ["config.formats"]
USE_I18N = True
USE_TZ = True
# The hubs are in Geneva and the Hauts-de-Seine: both Central European Time.
TIME_ZONE = os.environ.get("TIME_ZONE", "Europe/Zurich")

# Static and media files ------------------------------------------------------
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Cache: local memory by default, Redis when REDIS_URL is set (see production.py).
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "proxima",
    }
}

# How long a process leaves a service that failed alone (the Redis cache, the search
# cluster) before trying it again: core/breaker.py.
CIRCUIT_BREAKER_SECONDS = env_seconds("CIRCUIT_BREAKER_SECONDS", 30)

# Background tasks run immediately in-process unless a worker backend is configured.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# Search: Wagtail's database backend (SQLite FTS5 / PostgreSQL full text) by default;
# production.py switches to Elasticsearch or OpenSearch when SEARCH_URL is set.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends.database"}}
# Zero-result search statistics (counts only, never tied to a visitor) are kept this long.
SEARCH_STATS_RETENTION_DAYS = int(os.environ.get("SEARCH_STATS_RETENTION_DAYS", "30"))

# Front cache (docs/deployment.md, "Front cache"): off unless FRONTEND_CACHE_URL or
# CLOUDFLARE_ZONE_ID is set. Publishing or unpublishing a page purges it in every language
# (and, for a service, the directories and theme pages listing it) after the commit, from
# a thread of its own (core.frontend_cache, services_directory.frontend_cache): Wagtail's
# own app (wagtail.contrib.frontend_cache) is not installed, as its handler would purge
# the page alone, during the editor's request, without a timeout.
WAGTAILFRONTENDCACHE = frontend_cache_backends(
    os.environ, timeout=env_seconds("FRONTEND_CACHE_TIMEOUT", 2)
)

# Wagtail ----------------------------------------------------------------------
WAGTAIL_SITE_NAME = os.environ.get("SITE_NAME", "Proxima")
# Addresses residents can type, read out and share on any keyboard: the slug Wagtail
# makes from a title ("Permanence impôts") is "permanence-impots".
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# The one public address: links in e-mails, printouts, QR codes, the API and sitemaps.
# The default Site's hostname and port follow it (manage.py set_site_address, make run).
WAGTAILADMIN_BASE_URL = base_url(os.environ)
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Documents always go through /documents/<id>/<name>, which checks a private collection's
# restriction, never to their file's address under MEDIA_URL (which the proxy must refuse
# for /media/documents/: docs/deployment.md). Even with a remote storage.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAILADMIN_PERMITTED_LANGUAGES = [
    ("fr", "Français"),
    ("en", "English"),
    ("de", "Deutsch"),
    ("it", "Italiano"),
    ("pt", "Português"),
    ("es", "Español"),
]
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL
WAGTAILAPI_LIMIT_MAX = 100
# Anonymous use of the APIs is throttled per client address (through the cache).
API_ANON_RATE = os.environ.get("API_ANON_RATE", "120/minute")
# The licence the open data is published under (opendata/published.py): etalab-2.0
# (France's Licence Ouverte) or cc-by-4.0.
OPEN_DATA_LICENCE = os.environ.get("OPEN_DATA_LICENCE", "etalab-2.0").strip().lower()
# This site's name as a producer of open data: data·inclusion's ids are "<source>--<id>".
OPEN_DATA_SOURCE = os.environ.get("OPEN_DATA_SOURCE", "proxima").strip() or "proxima"
# Machine translation in wagtail-localize's editor: MACHINE_TRANSLATOR = deepl, google,
# libretranslate, offline (development and tests only, not a real translation) or none.
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = translator_setting(os.environ, default="none")

# Security defaults that cost nothing anywhere ---------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
# The CSRF cookie ends with the browser, like the session.
CSRF_COOKIE_AGE = None
LANGUAGE_COOKIE_NAME = "proxima_language"

# Errors (a 500) are e-mailed to ERROR_EMAIL (comma-separated addresses), in the background
# (core.errors); nobody is told when it is empty. Only with DEBUG off.
ADMINS = [(address, address) for address in env_list("ERROR_EMAIL")]
SERVER_EMAIL = os.environ.get(
    "SERVER_EMAIL", os.environ.get("DEFAULT_FROM_EMAIL", "proxima@localhost")
)
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"require_debug_false": {"()": "django.utils.log.RequireDebugFalse"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        "mail_admins": {
            "level": "ERROR",
            "filters": ["require_debug_false"],
            "class": "core.errors.BackgroundAdminEmailHandler",
        },
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    # In place of Django's own "django" handlers: the same e-mail, sent in the background.
    # Its records reach the console through the root logger too.
    "loggers": {"django": {"handlers": ["mail_admins"], "level": "INFO"}},
}
# The emergency numbers the error page shows, copied to a file (core.emergency_copy).
EMERGENCY_NUMBERS_COPY = Path(
    os.environ.get("EMERGENCY_NUMBERS_COPY", MEDIA_ROOT / "emergency-numbers.json")
)

# Proxima ----------------------------------------------------------------------
# Where "Exit this page" leads: a neutral site that reveals nothing (weather forecast).
EXIT_THIS_PAGE_URL = os.environ.get("EXIT_THIS_PAGE_URL", "https://www.meteosuisse.admin.ch/")
# A kiosk starts only from its enrolment address (``manage.py kiosk_links``), so that a
# link to /kiosk/<short name>/ cannot put a resident's phone in kiosk mode. The kiosk's
# cookie is Secure in production (production.py).
KIOSK_ENROLMENT_KEY_REQUIRED = True
KIOSK_COOKIE_SECURE = False
# Seconds an SMTP connection may wait (None, Django's default, waits forever). The
# problem report notification is sent after the response, in the background, anyway.
EMAIL_TIMEOUT = env_seconds("EMAIL_TIMEOUT", 10)
# Who receives "Report a problem" notifications; empty: the contact settings' e-mail,
# and no mail at all when that is empty too (reports are still listed in the admin).
PROBLEM_REPORT_EMAIL = os.environ.get("PROBLEM_REPORT_EMAIL", "")
# The link checker (``manage.py check_links``, feedback/links.py): how long each outside
# server may take to answer, the pause between two addresses of one host, and how many
# hosts are asked at a time.
LINK_CHECK_TIMEOUT = env_seconds("LINK_CHECK_TIMEOUT", 10)
LINK_CHECK_HOST_DELAY = env_seconds("LINK_CHECK_HOST_DELAY", 1)
LINK_CHECK_CONCURRENCY = int(os.environ.get("LINK_CHECK_CONCURRENCY", "4"))
# Problem reports are deleted after this many days (``manage.py purge_problem_reports``,
# which also erases the contact of handled ones).
PROBLEM_REPORT_RETENTION_DAYS = int(os.environ.get("PROBLEM_REPORT_RETENTION_DAYS", "365"))
# "Send to my phone" by text message: off unless SMS_URL is set. The provider receives an
# HTTP POST of JSON {"to", "text", "sender"} with "Authorization: Bearer SMS_TOKEN"
# (feedback/sms.py), and may take at most SMS_TIMEOUT seconds to answer.
SMS_URL = os.environ.get("SMS_URL", "")
SMS_TOKEN = os.environ.get("SMS_TOKEN", "")
SMS_SENDER = os.environ.get("SMS_SENDER", "")
SMS_TIMEOUT = env_seconds("SMS_TIMEOUT", 5)
# The request header in which the reverse proxy passes the visitor's address (e.g.
# HTTP_X_REAL_IP), believed only on connections from TRUSTED_PROXIES (addresses or
# networks); otherwise REMOTE_ADDR (core/client_address.py). Used, hashed, to rate-limit
# the residents' forms, and to lock out repeated failed sign-ins (stored until the
# cool-off ends).
CLIENT_IP_HEADER = os.environ.get("CLIENT_IP_HEADER", "")
TRUSTED_PROXIES = trusted_proxies(os.environ.get("TRUSTED_PROXIES", ""))
# Months between two reviews of a service when its page does not say otherwise.
PROXIMA_DEFAULT_REVIEW_INTERVAL_MONTHS = int(
    os.environ.get("PROXIMA_DEFAULT_REVIEW_INTERVAL_MONTHS", "6")
)
