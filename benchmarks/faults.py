"""How long residents and editors wait when a service is silent: figures for
docs/deployment.md ("Timeouts and degradation").

A silent server accepts connections and never answers (tests/faults.py). On a copy of
the demo database (``make demo``'s db.sqlite3, or the SQLite file in DATABASE_URL),
through Django's test client, with production's default timeouts:

- the directory page with a silent Redis, twice in a row;
- publishing a French service page (and its copies in the other languages) with a
  silent search cluster, twice;
- the problem report form with a silent mail server.

Each is measured with the circuit breakers (``core.breaker``) and without them
(``CIRCUIT_BREAKER_SECONDS=0``: every call tries the service and waits its timeout, as
before the breakers). Run: ``python -m benchmarks.faults``.
"""

import os
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Production's defaults (config/settings/production.py).
REDIS_TIMEOUT = 0.5
SEARCH_TIMEOUT = 2
EMAIL_TIMEOUT = 10
PAUSE = 30


def demo_copy():
    url = os.environ.get("DATABASE_URL", f"sqlite:///{ROOT / 'db.sqlite3'}")
    source = Path(url.removeprefix("sqlite:///"))
    if not url.startswith("sqlite:///") or not source.exists():
        sys.exit(f"No demo database at {url}: run `make demo` (or set DATABASE_URL).")
    copy = Path(tempfile.mkdtemp(prefix="proxima-faults-")) / "db.sqlite3"
    shutil.copy(source, copy)
    return copy


def timed(call):
    started = time.perf_counter()
    call()
    return time.perf_counter() - started


def redis_cases(client, silent_server, override_settings):
    rows = []
    for label, backend, pause in [
        ("django-redis alone", "django_redis.cache.RedisCache", PAUSE),
        ("without breaker", "core.redis_cache.RedisCache", 0),
        ("with breaker", "core.redis_cache.RedisCache", PAUSE),
    ]:
        options = {
            "IGNORE_EXCEPTIONS": True,
            "SOCKET_CONNECT_TIMEOUT": REDIS_TIMEOUT,
            "SOCKET_TIMEOUT": REDIS_TIMEOUT,
        }
        with silent_server() as server:
            caches = {
                "default": {
                    "BACKEND": backend,
                    "LOCATION": f"redis://127.0.0.1:{server.port}/0",
                    "OPTIONS": options,
                }
            }
            with override_settings(CACHES=caches, CIRCUIT_BREAKER_SECONDS=pause):
                times = [timed(lambda: client.get("/fr/services/")) for _ in range(2)]
        rows.append((f"Directory page, Redis silent, {label}", times))
    return rows


def cluster_cases(silent_server, override_settings):
    from django.conf import settings

    from config.environment import cluster_backends
    from services_directory.models import ServicePage

    page = ServicePage.objects.filter(locale__language_code="fr", live=True).first()
    languages = [code for code, _name in settings.LANGUAGES]

    def publish():
        page.save_revision().publish()

    rows = [("Publishing a service page, no cluster", [timed(publish) for _ in range(2)])]
    for label, pause in [("without breaker", 0), ("with breaker", PAUSE)]:
        with silent_server() as server:
            backends = {
                "default": {"BACKEND": "search.backends.database"},
                **cluster_backends(
                    f"http://127.0.0.1:{server.port}",
                    "elasticsearch8",
                    languages,
                    timeout=SEARCH_TIMEOUT,
                ),
            }
            with override_settings(WAGTAILSEARCH_BACKENDS=backends, CIRCUIT_BREAKER_SECONDS=pause):
                times = [timed(publish) for _ in range(2)]
                asked = server.connections()
        rows.append(
            (f"Publishing a service page, cluster silent, {label}: cluster asked {asked}×", times)
        )
    return rows


def mail_case(client, silent_server, override_settings):
    from feedback.notify import THREAD_PREFIX

    report = {"message": "Mesure : serveur de courrier muet.", "contact": "", "page_path": ""}
    with (
        silent_server() as server,
        override_settings(
            EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=server.port,
            EMAIL_TIMEOUT=EMAIL_TIMEOUT,
            PROBLEM_REPORT_EMAIL="web@example.ch",
        ),
    ):
        started = time.perf_counter()
        client.post("/fr/report-a-problem/", report)
        answered = time.perf_counter() - started
        for thread in threading.enumerate():
            if thread.name.startswith(THREAD_PREFIX):
                thread.join()
        gave_up = time.perf_counter() - started
    return [
        ("Problem report form, mail server silent: the resident's answer", [answered]),
        ("… the notification thread gives up (in the background)", [gave_up]),
    ]


def main():
    copy = demo_copy()
    try:
        measure(copy)
    finally:
        shutil.rmtree(copy.parent)


def measure(database):
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.test import Client, override_settings
    from django.test.utils import setup_test_environment

    from tests.faults import silent_server

    setup_test_environment()
    client = Client()
    client.get("/fr/services/")  # templates and imports loaded before measuring
    rows = [
        *redis_cases(client, silent_server, override_settings),
        *cluster_cases(silent_server, override_settings),
        *mail_case(client, silent_server, override_settings),
    ]
    print("| Case | 1st | 2nd |\n| --- | ---: | ---: |")
    for label, times in rows:
        cells = [f"{seconds:.2f} s" for seconds in times] + ["—"] * (2 - len(times))
        print(f"| {label} | {' | '.join(cells)} |")


if __name__ == "__main__":
    main()
