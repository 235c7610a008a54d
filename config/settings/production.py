"""Production: real services switched on by their environment variables.

``DATABASE_URL`` (PostgreSQL) is read in base.py. Here: ``REDIS_URL`` for the cache,
``SEARCH_URL`` + ``SEARCH_BACKEND`` for an Elasticsearch/OpenSearch cluster, HTTPS
hardening. ``manage.py check --deploy`` passes with these settings.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from config.environment import (
    cluster_backends,
    env_bool,
    env_seconds,
    postgres_timeouts,
    search_engine,
)

from .base import *  # noqa: F403

DEBUG = False
if not SECRET_KEY:  # noqa: F405
    raise ImproperlyConfigured("SECRET_KEY must be set in the environment in production.")

# Every service is waited for a bounded time: a silent server (one that accepts and never
# answers) must not hold a resident's request. See "Timeouts and degradation" in
# docs/deployment.md.
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":  # noqa: F405
    DATABASES["default"]["OPTIONS"] = postgres_timeouts(  # noqa: F405
        DATABASES["default"].get("OPTIONS", {}),  # noqa: F405
        connect=env_seconds("DATABASE_CONNECT_TIMEOUT", 5),
        statement=env_seconds("DATABASE_STATEMENT_TIMEOUT", 30),
    )

if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            # django-redis behind a circuit breaker: an outage degrades to a site without
            # cache, never to errors, and costs one timeout per process and pause.
            "BACKEND": "core.redis_cache.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": "proxima",
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": env_seconds("REDIS_CONNECT_TIMEOUT", 0.5),
                "SOCKET_TIMEOUT": env_seconds("REDIS_TIMEOUT", 0.5),
            },
        }
    }

if os.environ.get("SEARCH_URL"):
    # The database index stays the default (editors' admin search, and residents' search
    # when the cluster cannot be reached); each language is searched in its own cluster
    # index, analysed for that language. See docs/decisions/0002-search-per-language.md.
    WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": "search.backends.database"},
        **cluster_backends(
            os.environ["SEARCH_URL"],
            search_engine(os.environ),
            [code for code, _name in LANGUAGES],  # noqa: F405
            index=os.environ.get("SEARCH_INDEX", "proxima"),
            timeout=env_seconds("SEARCH_TIMEOUT", 2),
        ),
    }

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
if not SECURE_HSTS_PRELOAD:
    # A documented choice (docs/deployment.md, "check --deploy"): joining browsers'
    # preload list binds every subdomain of the commune's domain to HTTPS for months after
    # leaving it; its owner decides, so `check --deploy` does not ask for it.
    SILENCED_SYSTEM_CHECKS = ["security.W021"]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
KIOSK_COOKIE_SECURE = True
# Every staff account signs in with a second factor (an authenticator app's code or a
# recovery code). Turning it off is a documented exception, not a default.
STAFF_TWO_FACTOR_REQUIRED = env_bool("STAFF_TWO_FACTOR_REQUIRED", True)
SESSION_COOKIE_SAMESITE = "Strict"
# Editors' sessions end with the browser and after 8 hours at most.
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_AGE = 8 * 60 * 60

STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"
}

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "proxima@localhost")
