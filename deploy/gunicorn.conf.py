"""gunicorn's settings for Proxima: ``gunicorn -c deploy/gunicorn.conf.py config.wsgi``.

Read from the environment (the systemd unit's EnvironmentFile, or deploy/stack.py in the
tests), with defaults for one app server behind nginx on the same machine
(docs/deployment.md, "gunicorn"):

- ``GUNICORN_BIND``: where nginx reaches it, ``127.0.0.1:8000`` (a TCP address: Proxima
  believes the visitor's address nginx passes only from TRUSTED_PROXIES, and a Unix
  socket has no address to list).
- ``GUNICORN_WORKERS``: processes, ``2 × cores + 1`` (each serves one request at a time).
- ``GUNICORN_TIMEOUT``: seconds a request may take before its worker is restarted, 40:
  longer than DATABASE_STATEMENT_TIMEOUT (30 s), shorter than nginx's proxy_read_timeout.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
worker_class = "sync"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "40"))
# On SIGTERM (systemctl stop, restart), requests under way may finish for this long.
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "20"))
keepalive = 5
# A worker is replaced after this many requests (spread out), which bounds any slow leak.
max_requests = 2000
max_requests_jitter = 200
# Only nginx talks to gunicorn: only its addresses may say the request came over HTTPS,
# and only in the header nginx overwrites (a visitor's X-Forwarded-Ssl is not read).
forwarded_allow_ips = os.environ.get("TRUSTED_PROXIES", "127.0.0.1,::1")
secure_scheme_headers = {"X-FORWARDED-PROTO": "https"}
# Requests nginx passes are bounded already; these refuse malformed ones early.
limit_request_line = 8190
limit_request_fields = 100
# Heartbeat files in memory, not on a disk that may stall.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None  # noqa: S108
# Errors to the journal (stderr); no access log: nginx keeps one without the query
# string (docs/privacy.md). To have one here anyway, use a format without ?q=:
# accesslog = "-"; access_log_format = '%(t)s "%(m)s %(U)s" %(s)s %(b)s'
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "warning")
proc_name = "proxima"
