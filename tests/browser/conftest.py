"""Browser tests: Debian's Chromium driven by Playwright against a live demo site.

The demo content is loaded once per session into the test database and served by a
live server thread of our own. pytest-django's ``live_server`` is not used on purpose:
it makes every test transactional, flushing the demo after each one.
"""

import ctypes
import os
import shutil
import sys
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.db import connections
from django.test.testcases import LiveServerThread

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# prctl(2): drop a capability from the bounding set of this process and its children.
PR_CAPBSET_DROP, CAP_SYS_NICE = 24, 23
BROWSER_NICENESS = 10
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

# Playwright's sync API runs an event loop in this thread; Django's ORM calls made
# by fixtures here are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items):
    browser_dir = Path(__file__).parent
    for item in items:
        if browser_dir in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)
            # Declares the database need, so pytest-django creates the test database.
            item.add_marker(pytest.mark.django_db)
            if not Path(CHROMIUM).exists():
                item.add_marker(pytest.mark.skip(reason=f"{CHROMIUM} missing: make chromium"))


def close_server_sessions():
    """Ends database sessions the server's keep-alive threads still hold (PostgreSQL).

    Otherwise the test database cannot be dropped at the end of the run.
    """
    connection = connections["default"]
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )


@pytest.fixture(scope="session")
def site_url(demo_site, django_db_blocker):
    """The address of a live server holding the demo site."""
    with django_db_blocker.unblock():
        shared = {
            alias: connection
            for alias, connection in ((c.alias, c) for c in connections.all())
            if connection.vendor == "sqlite" and connection.is_in_memory_db()
        }
        for connection in shared.values():
            connection.inc_thread_sharing()
        server = LiveServerThread("localhost", StaticFilesHandler, shared, port=0)
        server.daemon = True
        server.start()
        server.is_ready.wait()
        if server.error:
            raise server.error
        yield f"http://localhost:{server.port}"
        server.terminate()
        for connection in shared.values():
            connection.dec_thread_sharing()
        close_server_sessions()


@contextmanager
def started_below_the_tests():
    """What starts in the block runs at niceness BROWSER_NICENESS.

    Chromium keeps a dozen threads busy and the scheduler shares the cores per thread: at
    the tests' priority it took most of them from the server it tests and from make
    test's other processes, which then ran four times slower. Started niced (its
    processes and threads inherit it), it gets the time they leave. Run as root, it would
    raise its compositor and I/O threads to -8 again: CAP_SYS_NICE leaves the bounding
    set its processes inherit (this process keeps it, and its own niceness). Not root,
    Chromium cannot raise them, and the tests' niceness is left alone.
    """
    if sys.platform != "linux" or os.geteuid() != 0:
        yield
        return
    ctypes.CDLL(None, use_errno=True).prctl(PR_CAPBSET_DROP, CAP_SYS_NICE, 0, 0, 0)
    os.nice(BROWSER_NICENESS)
    try:
        yield
    finally:
        os.nice(-BROWSER_NICENESS)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not shutil.which(CHROMIUM):
        pytest.skip(f"{CHROMIUM} missing: make chromium")
    with started_below_the_tests():
        # Playwright's driver starts here, and Chromium from it.
        playwright = sync_playwright().start()
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    try:
        yield browser
    finally:
        browser.close()
        playwright.stop()


DESKTOP = {"width": 1280, "height": 900}


def new_page(browser, site_url, viewport=DESKTOP, **context_options):
    context = browser.new_context(base_url=site_url, viewport=viewport, **context_options)
    page = context.new_page()
    # Long enough for a niced browser on a busy machine; a hang still fails the test.
    page.set_default_timeout(30_000)
    return page


@pytest.fixture
def page(site_url, browser):
    """A tab of a browser context of its own: nothing another test did is in it."""
    page = new_page(browser, site_url)
    yield page
    page.context.close()


@pytest.fixture(scope="session")
def viewing_tab(site_url, browser):
    page = new_page(browser, site_url)
    yield page
    page.context.close()


@pytest.fixture
def viewer(viewing_tab, site_url):
    """One tab shared by the tests that only look at pages (open, follow a link, read,
    measure, axe).

    A fresh context costs Chromium a new renderer process and cold caches: 1.4 s of CPU
    per test on a 2-core machine, more than the page's axe check. What a page sets
    (cookies, storage) is cleared after each test, and the window is the desktop's again;
    a test that types, submits or changes what the site keeps for the visitor uses ``page``.
    """
    yield viewing_tab
    clear_after_looking(viewing_tab, site_url, DESKTOP)


def clear_after_looking(tab, site_url, viewport):
    """What a test left in a shared tab goes: storage, cookies, the window's size."""
    if tab.url.startswith(site_url):
        tab.evaluate("localStorage.clear(); sessionStorage.clear()")
    tab.goto("about:blank")
    tab.context.clear_cookies()
    tab.set_viewport_size(viewport)


def axe_violations(page):
    """axe-core's WCAG 2.0–2.2 A/AA violations on the page, readable in an assert."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(
        page,
        options={"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]},
    )
    return [
        f"{violation['id']}: {violation['help']} — "
        + "; ".join(node["target"][0] for node in violation["nodes"][:5])
        for violation in results.response["violations"]
    ]


class RequestLog:
    """Every address the page asked for, to prove nothing left the site."""

    def __init__(self, page, site_url):
        self.origin = urlsplit(site_url).netloc
        self.urls = []
        self.page = page
        page.on("request", self.record)

    def record(self, request):
        self.urls.append(request.url)

    def stop(self):
        self.page.remove_listener("request", self.record)

    def third_party(self):
        return [
            url
            for url in self.urls
            if urlsplit(url).scheme in ("http", "https") and urlsplit(url).netloc != self.origin
        ]


@pytest.fixture
def request_log(page, site_url):
    return RequestLog(page, site_url)


@pytest.fixture
def viewer_request_log(viewer, site_url):
    log = RequestLog(viewer, site_url)
    yield log
    log.stop()


@pytest.fixture
def docs_screenshot(page):
    """Saves the page as docs/images/<name>.png when DOCS_SCREENSHOTS is set (`make screenshots`).

    The editors' guide shows the admin as the browser tests leave it, so its pictures
    are made by the same steps the tests check; an ordinary run saves nothing.
    """
    folder = os.environ.get("DOCS_SCREENSHOTS")

    def save(name):
        if folder:
            Path(folder).mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(Path(folder) / f"{name}.png"))

    return save
