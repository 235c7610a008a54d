"""Serve the site the way production does, on this machine alone, for ``make lighthouse``.

Production is ``config.settings.production`` (DEBUG off, hashed static files) behind a
reverse proxy that serves ``STATIC_ROOT`` and ``MEDIA_ROOT`` itself and compresses text
(docs/deployment.md). This module stands in for that proxy, in a few lines and without a
dependency: Django's threaded development server (HTTP/1.1, persistent connections) runs
the WSGI application wrapped in ``ProductionLike``, which

- serves ``/static/`` from ``STATIC_ROOT``: names carrying the manifest's hash are cached
  for a year (``immutable``), the others for an hour;
- serves ``/media/`` from ``MEDIA_ROOT`` except ``/media/documents/`` (the application
  serves documents, privacy checked);
- compresses text responses with gzip at level 6, as the documented nginx set-up does.

Run: ``python -m benchmarks.production_like PORT`` with the production environment
(benchmarks/lighthouse.py sets it). Not for real traffic: it is a benchmark's server.
"""

import gzip
import mimetypes
import re
import sys
from pathlib import Path

COMPRESSIBLE = (
    "text/",
    "application/javascript",
    "application/json",
    "application/manifest+json",
    "image/svg+xml",
)
# ManifestStaticFilesStorage names a file "main.0123456789ab.css".
HASHED_NAME = re.compile(r"\.[0-9a-f]{12}\.[A-Za-z0-9]+$")
YEAR = 365 * 24 * 60 * 60


class ProductionLike:
    """WSGI middleware: files as the proxy serves them, text compressed as it does."""

    def __init__(self, application, static_url, static_root, media_url, media_root):
        self.application = application
        self.roots = [
            (static_url, Path(static_root).resolve(), True),
            (media_url, Path(media_root).resolve(), False),
        ]

    def __call__(self, environ, start_response):
        path = environ.get("PATH_INFO", "")
        for prefix, root, is_static in self.roots:
            if path.startswith(prefix) and not path.startswith(f"{prefix}documents/"):
                status, headers, body = self.file(root, path[len(prefix) :], is_static)
                break
        else:
            status, headers, body = self.dynamic(environ)
        headers, body = compressed(environ, headers, body)
        start_response(status, headers)
        return [body] if environ.get("REQUEST_METHOD") != "HEAD" else [b""]

    def dynamic(self, environ):
        answer = {}

        def start_response(status, headers, exc_info=None):
            answer["status"], answer["headers"] = status, list(headers)

        result = self.application(environ, start_response)
        try:
            body = b"".join(result)
        finally:
            if hasattr(result, "close"):
                result.close()
        return answer["status"], answer["headers"], body

    def file(self, root, name, is_static):
        candidate = (root / name).resolve()
        if not candidate.is_relative_to(root) or not candidate.is_file():
            return "404 Not Found", [("Content-Type", "text/plain; charset=utf-8")], b"Not found"
        content_type = mimetypes.guess_type(candidate.name)[0] or "application/octet-stream"
        if content_type.startswith("text/") or content_type == "application/javascript":
            content_type += "; charset=utf-8"
        max_age = YEAR if is_static and HASHED_NAME.search(candidate.name) else 3600
        cache = f"public, max-age={max_age}" + (", immutable" if max_age == YEAR else "")
        headers = [
            ("Content-Type", content_type),
            ("Cache-Control", cache),
            ("X-Content-Type-Options", "nosniff"),
        ]
        return "200 OK", headers, candidate.read_bytes()


def compressed(environ, headers, body):
    """``headers`` and ``body``, gzipped when the client accepts it and the type is text."""
    names = {name.lower(): value for name, value in headers}
    content_type = names.get("content-type", "")
    if (
        "gzip" in environ.get("HTTP_ACCEPT_ENCODING", "")
        and content_type.startswith(COMPRESSIBLE)
        and "content-encoding" not in names
        and len(body) > 256
    ):
        body = gzip.compress(body, compresslevel=6, mtime=0)
        headers = [(n, v) for n, v in headers if n.lower() not in {"content-length", "vary"}]
        vary = [v.strip() for v in names.get("vary", "").split(",") if v.strip()]
        headers += [
            ("Content-Encoding", "gzip"),
            ("Vary", ", ".join([*vary, "Accept-Encoding"])),
        ]
    headers = [(n, v) for n, v in headers if n.lower() != "content-length"]
    # A length lets the server keep the connection open, as a proxy would.
    return [*headers, ("Content-Length", str(len(body)))], body


def main(port):
    import django
    from django.conf import settings
    from django.core.servers.basehttp import run
    from django.core.wsgi import get_wsgi_application

    django.setup()
    application = ProductionLike(
        get_wsgi_application(),
        settings.STATIC_URL,
        settings.STATIC_ROOT,
        settings.MEDIA_URL,
        settings.MEDIA_ROOT,
    )
    run("127.0.0.1", port, application, threading=True)


if __name__ == "__main__":
    main(int(sys.argv[1]))
