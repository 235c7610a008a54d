"""Settings from the environment: read by the settings modules, which import no app.

Each helper turns environment variables into a Django or Wagtail setting, and says
clearly what is wrong when they are misconfigured. ``.env.example`` lists every variable.
"""

import importlib.util
import ipaddress
import math
import os
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

# Search cluster engines (SEARCH_BACKEND) and the Wagtail backend class each uses.
# Both OpenSearch engines use the opensearch3 backend: the pinned client (opensearch-py 3,
# which serves OpenSearch 2 and 3 clusters) takes keyword arguments only, which modelsearch's
# opensearch2 module does not pass (it was written for the 2.x client); the requests the
# two modules send a cluster are the same.
SEARCH_ENGINES = {
    "elasticsearch8": "modelsearch.backends.elasticsearch8.Elasticsearch8SearchBackend",
    "elasticsearch9": "modelsearch.backends.elasticsearch9.Elasticsearch9SearchBackend",
    "opensearch2": "modelsearch.backends.opensearch3.OpenSearch3SearchBackend",
    "opensearch3": "modelsearch.backends.opensearch3.OpenSearch3SearchBackend",
}


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def base_url(environ):
    """The site's one public address: ``BASE_URL``, else the development server's on
    ``PORT`` (``make run``), http://127.0.0.1:8000 when neither is set."""
    return environ.get("BASE_URL") or f"http://127.0.0.1:{environ.get('PORT') or 8000}"


def env_seconds(name, default):
    """A duration in seconds (decimals allowed: ``0.5``) from the environment."""
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        seconds = float(value)
    except ValueError:
        seconds = -1
    if seconds < 0:
        raise ImproperlyConfigured(f"{name} must be a number of seconds, not {value!r}.")
    return seconds


def trusted_proxies(value):
    """The proxies whose ``CLIENT_IP_HEADER`` is believed: addresses or networks
    (``10.0.0.0/8``, ``::1``), comma-separated, as normalised network strings."""
    networks = []
    for item in value.split(","):
        item = item.strip()
        if not item:
            continue
        try:
            networks.append(str(ipaddress.ip_network(item, strict=False)))
        except ValueError:
            raise ImproperlyConfigured(
                f"TRUSTED_PROXIES: {item!r} is not an address or a network (e.g. 10.0.0.0/8)."
            ) from None
    return networks


def postgres_timeouts(options, connect, statement):
    """PostgreSQL connection ``OPTIONS`` with a connection and a statement timeout.

    ``connect`` is rounded up to whole seconds, at least 2 (libpq's own minimum);
    ``statement`` 0 means no limit. Options already given (``?options=`` in
    ``DATABASE_URL``) are kept.
    """
    options = dict(options)
    options["connect_timeout"] = max(2, math.ceil(connect))
    if statement:
        limit = f"-c statement_timeout={math.ceil(statement * 1000)}"
        options["options"] = f"{options.get('options', '')} {limit}".strip()
    return options


OFFLINE_TRANSLATOR = "localization.machine_translation.OfflineTranslator"
DISABLED = {"", "none", "disabled", "off"}


def _required(environ, name, choice):
    value = environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(f"MACHINE_TRANSLATOR={choice} needs {name}.")
    return value


def _installed(module):
    try:
        return importlib.util.find_spec(module) is not None
    except ModuleNotFoundError:  # A parent package is missing.
        return False


def translator_setting(environ, default="none"):
    """The ``WAGTAILLOCALIZE_MACHINE_TRANSLATOR`` value for this environment, or None."""
    choice = environ.get("MACHINE_TRANSLATOR", default).strip().lower()
    if choice in DISABLED:
        return None
    if choice == "offline":
        return {"CLASS": OFFLINE_TRANSLATOR, "OPTIONS": {}}
    if choice == "deepl":
        options = {"AUTH_KEY": _required(environ, "DEEPL_API_KEY", choice)}
        if environ.get("DEEPL_FORMALITY"):
            options["FORMALITY"] = environ["DEEPL_FORMALITY"]
        return {
            "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
            "OPTIONS": options,
        }
    if choice == "google":
        # The Google client is an optional dependency: say so now rather than with an
        # ImportError the first time an editor presses the button.
        if not _installed("google.cloud.translate"):
            raise ImproperlyConfigured(
                "MACHINE_TRANSLATOR=google needs the google-cloud-translate package."
            )
        options = {
            "PROJECT_ID": _required(environ, "GOOGLE_CLOUD_PROJECT_ID", choice),
            "LOCATION": environ.get("GOOGLE_TRANSLATE_LOCATION", "").strip() or "global",
        }
        # Without a key file the client uses GOOGLE_APPLICATION_CREDENTIALS or the
        # machine's own service account.
        if environ.get("GOOGLE_TRANSLATE_CREDENTIALS_PATH", "").strip():
            options["CREDENTIALS_PATH"] = environ["GOOGLE_TRANSLATE_CREDENTIALS_PATH"].strip()
        return {
            "CLASS": "wagtail_localize.machine_translators.google.GoogleCloudTranslator",
            "OPTIONS": options,
        }
    if choice == "libretranslate":
        return {
            "CLASS": "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
            "OPTIONS": {
                "LIBRETRANSLATE_URL": _required(environ, "LIBRETRANSLATE_URL", choice).rstrip("/"),
                # LibreTranslate servers without keys accept an empty one.
                "API_KEY": environ.get("LIBRETRANSLATE_API_KEY", ""),
            },
        }
    raise ImproperlyConfigured(
        f"MACHINE_TRANSLATOR={choice!r} is not one of: deepl, google, libretranslate, "
        "offline, none."
    )


def search_engine(environ):
    """The cluster engine named by ``SEARCH_BACKEND`` (``elasticsearch8`` by default)."""
    engine = environ.get("SEARCH_BACKEND", "elasticsearch8")
    if engine not in SEARCH_ENGINES:
        raise ImproperlyConfigured(
            f"SEARCH_BACKEND must be one of {', '.join(SEARCH_ENGINES)}, not {engine!r}."
        )
    return engine


def cluster_backends(url, engine, languages, index="proxima", timeout=2):
    """``WAGTAILSEARCH_BACKENDS`` entries ``cluster-<language>`` for a cluster at ``url``."""
    return {
        f"cluster-{code}": {
            "BACKEND": "search.backends.cluster",
            "ENGINE": engine,
            "LANGUAGE": code,
            "URLS": [url],
            "INDEX": index,
            "TIMEOUT": timeout,
            # One attempt: an unreachable cluster must fail fast, then search falls back.
            "OPTIONS": {"max_retries": 0, "retry_on_timeout": False},
        }
        for code in languages
    }


def frontend_cache_backends(environ, timeout=2):
    """``WAGTAILFRONTENDCACHE``: the caches publishing purges pages from; none (off) unless
    ``FRONTEND_CACHE_URL`` (an HTTP PURGE endpoint: Varnish, nginx's purge module) or
    ``CLOUDFLARE_ZONE_ID`` is set. ``FRONTEND_CACHE_HOSTNAMES`` limits them to some hosts."""
    backends = {}
    url = environ.get("FRONTEND_CACHE_URL", "").strip()
    if url:
        parts = urlsplit(url)
        if parts.scheme not in {"http", "https"} or not parts.netloc:
            raise ImproperlyConfigured(
                f"FRONTEND_CACHE_URL must be an http:// or https:// address, not {url!r}."
            )
        backends["proxy"] = {
            "BACKEND": "core.frontend_cache.HTTPBackend",
            "LOCATION": url,
            "TIMEOUT": timeout,
        }
    zone = environ.get("CLOUDFLARE_ZONE_ID", "").strip()
    if zone:
        token = environ.get("CLOUDFLARE_API_TOKEN", "").strip()
        if not token:
            raise ImproperlyConfigured("CLOUDFLARE_ZONE_ID needs CLOUDFLARE_API_TOKEN.")
        backends["cloudflare"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "ZONEID": zone,
            "BEARER_TOKEN": token,
        }
    hostnames = [
        name.strip()
        for name in environ.get("FRONTEND_CACHE_HOSTNAMES", "").split(",")
        if name.strip()
    ]
    if hostnames:
        for backend in backends.values():
            backend["HOSTNAMES"] = hostnames
    return backends
