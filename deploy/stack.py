"""The production stack on this machine: gunicorn behind Debian's nginx, as deployed.

``make prod-check`` (tests/production/), ``make lighthouse`` and ``make load`` run the
application the way docs/deployment.md deploys it, with the very files of deploy/:

    from deploy.stack import running

    with running({"DATABASE_URL": "postgres://…", "REDIS_URL": "redis://…"}) as stack:
        urllib.request.urlopen(stack.url + "/fr/", context=stack.ssl_context())

``running()`` prepares a release in a temporary folder (deploy/release.py:
``collectstatic`` into its own STATIC_ROOT, ``write_emergency_copy``, ``check --deploy``,
whose findings it keeps), makes a self-signed certificate for 127.0.0.1 and
localhost (openssl), renders deploy/nginx/proxima.conf, starts gunicorn with
deploy/gunicorn.conf.py and ``config.settings.production``, then nginx in the foreground
(``daemon off``, its pid, logs and temporary files in the folder), waits until a page
answers through both, yields a ``Stack``, and stops both on leaving, each within a
bounded time. Anything that fails to start raises ``StackError`` with the logs' end.

HTTPS, not plain HTTP: production settings are tested as they are (HTTPS redirect, HSTS,
Secure cookies, the CSRF origin check) and nginx's TLS part is the one deployed; a
client trusts ``stack.certificate`` (or does not verify: it is the loopback).

Needs: Debian's nginx (``make nginx``), openssl, and the environment the production
settings read (DATABASE_URL, REDIS_URL…; defaults below for the rest).
"""

import contextlib
import os
import secrets
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from http.client import HTTPSConnection
from pathlib import Path

from deploy.render import render

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"
NGINX_TEMPLATE = DEPLOY / "nginx" / "proxima.conf"
GUNICORN_CONF = DEPLOY / "gunicorn.conf.py"
STARTUP_SECONDS = 60
STOP_SECONDS = 15
COMMAND_SECONDS = 120

# nginx's own main configuration around the site's file (in production: Debian's
# /etc/nginx/nginx.conf, which includes sites-enabled/ inside `http { }`).
NGINX_MAIN = """\
daemon off;
worker_processes 2;
pid {directory}/nginx.pid;
error_log {directory}/nginx-error.log warn;
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    client_body_temp_path {directory}/nginx-temp/body;
    proxy_temp_path {directory}/nginx-temp/proxy;
    fastcgi_temp_path {directory}/nginx-temp/fastcgi;
    uwsgi_temp_path {directory}/nginx-temp/uwsgi;
    scgi_temp_path {directory}/nginx-temp/scgi;
    include {directory}/proxima.conf;
}}
"""


class StackError(RuntimeError):
    """nginx or gunicorn could not start (the message ends with their logs)."""


@dataclass(frozen=True)
class App:
    """The Django project gunicorn serves: its folder, WSGI module, production settings
    and release step (a Python command run in its folder). Proxima by default; ``make
    load`` serves a stock Wagtail site the same way, to compare (benchmarks/load.py)."""

    folder: Path
    wsgi: str
    settings: str
    release: tuple


PROXIMA = App(
    folder=ROOT,
    wsgi="config.wsgi",
    settings="config.settings.production",
    release=("-m", "deploy.release"),
)


@dataclass
class Stack:
    url: str  # https://127.0.0.1:PORT, through nginx: what residents use
    http_url: str  # plain HTTP through nginx: it only redirects to ``url``
    app_url: str  # gunicorn itself, without nginx
    certificate: Path  # the self-signed certificate (PEM) nginx presents
    directory: Path  # the temporary folder: configuration, logs, media
    static_root: Path
    media_root: Path
    environment: dict  # what gunicorn runs with (for manage.py commands alike)
    deploy_check: str = ""  # what `manage.py check --deploy` said of this environment
    app: App = PROXIMA
    _gunicorn: subprocess.Popen | None = field(default=None, repr=False)
    _nginx: subprocess.Popen | None = field(default=None, repr=False)

    def ssl_context(self):
        """A client context that trusts this stack's certificate (and checks it)."""
        return ssl.create_default_context(cafile=str(self.certificate))

    def logs(self, lines=40):
        """The end of gunicorn's and nginx's error logs."""
        parts = []
        for name in ("gunicorn.log", "nginx-error.log"):
            path = self.directory / name
            text = path.read_text(errors="replace") if path.exists() else "(none)"
            parts.append(f"--- {name} ---\n" + "\n".join(text.splitlines()[-lines:]))
        return "\n".join(parts)

    def manage(self, *arguments):
        """``manage.py`` with the stack's environment (production settings)."""
        return manage(self.environment, *arguments, folder=self.app.folder)

    def stop_app(self):
        """Stops gunicorn for good (nginx stays up and answers 502 with the emergency page):
        for the last check of a run, as starting it again costs seconds."""
        stop(self._gunicorn)


def free_ports(count):
    """``count`` different ports of 127.0.0.1 that nothing listens on (held together while
    the system picks them, so it cannot give one twice)."""
    with contextlib.ExitStack() as probes:
        ports = []
        for _ in range(count):
            probe = probes.enter_context(socket.socket())
            probe.bind(("127.0.0.1", 0))
            ports.append(probe.getsockname()[1])
        return ports


def nginx_binary():
    found = shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin:/sbin")
    if not found:
        raise StackError("nginx is missing: `make nginx` installs Debian's package")
    return found


# A self-signed certificate for the loopback (elliptic curve: made in milliseconds).
OPENSSL_REQ = [
    "openssl",
    "req",
    "-x509",
    "-newkey",
    "ec",
    "-pkeyopt",
    "ec_paramgen_curve:prime256v1",
    "-nodes",
    "-days",
    "7",
    "-subj",
    "/CN=localhost",
    "-addext",
    "subjectAltName=DNS:localhost,IP:127.0.0.1",
]


def make_certificate(directory):
    certificate, key = directory / "certificate.pem", directory / "key.pem"
    command = [*OPENSSL_REQ, "-keyout", str(key), "-out", str(certificate)]
    subprocess.run(command, check=True, capture_output=True, timeout=COMMAND_SECONDS)
    return certificate, key


def stack_environment(
    environment, url, app_address, static_root, directory, workers, settings=PROXIMA.settings
):
    """Production settings, with this stack's addresses and folders."""
    result = {**os.environ, **(environment or {})}
    defaults = {
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "CLIENT_IP_HEADER": "HTTP_X_REAL_IP",
        "TRUSTED_PROXIES": "127.0.0.1,::1",
        "MEDIA_ROOT": str(directory / "media"),
        "GUNICORN_WORKERS": str(workers),
        # No mail server here: e-mails are dropped (give EMAIL_BACKEND to keep them).
        "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
    }
    for name, value in defaults.items():
        if not result.get(name):
            result[name] = value
    # Set by the browser tests for their own process (tests/browser/conftest.py): a
    # production server must keep Django's async safety.
    result.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    if not result.get("EMERGENCY_NUMBERS_COPY"):
        result["EMERGENCY_NUMBERS_COPY"] = str(Path(result["MEDIA_ROOT"], "emergency-numbers.json"))
    result.update(
        DJANGO_SETTINGS_MODULE=settings,
        STATIC_ROOT=str(static_root),
        BASE_URL=url,
        GUNICORN_BIND=app_address,
        PYTHONUNBUFFERED="1",
    )
    return result


def start_gunicorn(stack):
    with open(stack.directory / "gunicorn.log", "a") as log:
        return subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", str(GUNICORN_CONF), stack.app.wsgi],
            cwd=stack.app.folder,
            env=stack.environment,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def start_nginx(directory):
    (directory / "nginx-temp").mkdir(exist_ok=True)
    configuration = directory / "nginx.conf"
    configuration.write_text(NGINX_MAIN.format(directory=directory))
    error_log = directory / "nginx-error.log"
    command = [nginx_binary(), "-e", str(error_log), "-p", str(directory), "-c", str(configuration)]
    test = subprocess.run([*command, "-t"], capture_output=True, text=True, timeout=30)
    if test.returncode:
        raise StackError(f"nginx refuses the configuration:\n{test.stderr}")
    with open(directory / "nginx.log", "a") as log:
        return subprocess.Popen(
            command, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )


def answer_status(stack, path="/", timeout=10):
    """The status nginx answers ``path`` with, or None if it does not answer."""
    host, port = stack.url.removeprefix("https://").split(":")
    connection = HTTPSConnection(host, int(port), timeout=timeout, context=stack.ssl_context())
    try:
        connection.request("GET", path)
        return connection.getresponse().status
    except OSError:
        return None
    finally:
        connection.close()


def wait_until_ready(stack, seconds=STARTUP_SECONDS):
    """Until a page answers through nginx from gunicorn (not nginx's 502), or StackError."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        for name, process in (("gunicorn", stack._gunicorn), ("nginx", stack._nginx)):
            if process.poll() is not None:
                raise StackError(f"{name} stopped (status {process.returncode})\n{stack.logs()}")
        if answer_status(stack) not in {None, 502, 503, 504}:
            return
        time.sleep(0.2)
    raise StackError(f"No answer through nginx within {seconds} s\n{stack.logs()}")


def stop(*processes, seconds=STOP_SECONDS):
    """Stops processes we started and their children (their sessions), together, within
    ``seconds`` each."""
    alive = [p for p in processes if p is not None and p.poll() is None]
    for process in alive:
        # Quick shutdown for both (a test stack has no request worth waiting for).
        process.send_signal(signal.SIGINT)
    for process in alive:
        try:
            process.wait(timeout=seconds)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=seconds)


def manage(environment, *arguments, folder=ROOT):
    """``manage.py ARGUMENTS`` in ``environment``: its CompletedProcess (text output)."""
    return subprocess.run(
        [sys.executable, str(folder / "manage.py"), *arguments],
        cwd=folder,
        env=environment,
        capture_output=True,
        text=True,
        timeout=COMMAND_SECONDS,
    )


def prepare_release(environment, app=PROXIMA):
    """The app's release step (Proxima's: collectstatic, write_emergency_copy, check --deploy;
    deploy/release.py): what it printed (``check --deploy``'s findings)."""
    done = subprocess.run(
        [sys.executable, *app.release],
        cwd=app.folder,
        env=environment,
        capture_output=True,
        text=True,
        timeout=COMMAND_SECONDS,
    )
    if done.returncode:
        raise StackError(f"The release steps failed ({app.release}):\n{done.stderr[-3000:]}")
    return (done.stdout + done.stderr).strip()


@contextlib.contextmanager
def running(environment=None, *, first_port=None, static_root=None, workers=2, app=PROXIMA):
    """Starts the stack, yields its ``Stack``, stops it on leaving.

    ``environment``: variables over ``os.environ`` (DATABASE_URL, REDIS_URL, …).
    ``first_port``: nginx's HTTPS port, then its HTTP port and gunicorn's (three in a
    row); free ports by default. ``static_root``: collect there (and keep it) rather
    than in the temporary folder. ``workers``: gunicorn processes unless
    GUNICORN_WORKERS is in the environment. ``app``: the project served (``App``).
    """
    directory = Path(tempfile.mkdtemp(prefix="proxima-stack-"))
    directory.chmod(0o755)  # nginx's workers (nobody, when started by root) read it
    try:
        if first_port:
            https_port, http_port, app_port = first_port, first_port + 1, first_port + 2
        else:
            https_port, http_port, app_port = free_ports(3)
        url = f"https://127.0.0.1:{https_port}"
        app_address = f"127.0.0.1:{app_port}"
        static_root = Path(static_root) if static_root else directory / "static"
        env = stack_environment(
            environment, url, app_address, static_root, directory, workers, app.settings
        )
        media_root = Path(env["MEDIA_ROOT"])
        media_root.mkdir(parents=True, exist_ok=True)
        certificate, key = make_certificate(directory)
        stack = Stack(
            url=url,
            http_url=f"http://127.0.0.1:{http_port}",
            app_url=f"http://{app_address}",
            certificate=certificate,
            directory=directory,
            static_root=static_root,
            media_root=media_root,
            environment=env,
            app=app,
        )
        (directory / "proxima.conf").write_text(
            render(
                NGINX_TEMPLATE.read_text(),
                {
                    "SERVER_NAME": "127.0.0.1 localhost",
                    "HTTP_PORT": http_port,
                    "HTTPS_PORT": https_port,
                    "BASE_URL": url,
                    "CERTIFICATE": certificate,
                    "CERTIFICATE_KEY": key,
                    "APP_ADDRESS": app_address,
                    "STATIC_ROOT": static_root,
                    "MEDIA_ROOT": media_root,
                    # core.emergency_copy.page_path(): the copy's name with .html.
                    "EMERGENCY_PAGE": Path(env["EMERGENCY_NUMBERS_COPY"]).with_suffix(".html"),
                    "ACCESS_LOG": directory / "access.log",
                },
            )
        )
        # Before gunicorn starts: its workers read the static files' manifest once, early.
        stack.deploy_check = prepare_release(env, app)
        try:
            stack._gunicorn = start_gunicorn(stack)
            stack._nginx = start_nginx(directory)
            wait_until_ready(stack)
            yield stack
        finally:
            stop(stack._nginx, stack._gunicorn)
    finally:
        shutil.rmtree(directory, ignore_errors=True)
