"""Fixtures shared by the whole suite.

``site_tree`` is the smallest real site: a French home page served by the default
Site, with the services directory under it. ``demo_site`` is the whole demo, loaded
once per run (``load_demo`` takes minutes) and shared by the demo, relevance and
browser tests. Area-specific fixtures live in the area's own ``conftest.py``.
"""

import time
from types import SimpleNamespace

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.db.models import Model
from django.utils import timezone, translation
from wagtail.models import Locale, Page, Site

from core import breaker, content_version, page_cache
from home.models import HomePage
from services_directory.models import ServiceIndexPage


@pytest.fixture(autouse=True)
def _french_by_default():
    """Each test starts in French, the site's default language, whatever ran before."""
    with translation.override("fr"):
        yield


@pytest.fixture
def frozen_now(monkeypatch):
    """Time stands still unless the test moves it: what is kept is kept for the minute,
    and a slow machine must not cross into the next one between two requests."""
    now = timezone.now()
    monkeypatch.setattr(timezone, "now", lambda: now)
    return now


def wait_until(condition, seconds=10):
    """Calls ``condition`` every 50 ms until it holds or ``seconds`` have passed, for what
    another thread or process does after answering; returns its last value."""
    deadline = time.monotonic() + seconds
    while not (held := condition()) and time.monotonic() < deadline:
        time.sleep(0.05)
    return held


@pytest.fixture
def without_page_cache(settings):
    """Every request renders its page: a test counting what rendering costs must not be
    answered by a page kept whole (``core.page_cache``), at no cost at all."""
    settings.MIDDLEWARE = [name for name in settings.MIDDLEWARE if name != page_cache.MIDDLEWARE]


@pytest.fixture(autouse=True)
def _closed_breakers():
    """Each test starts with every service trusted again (core.breaker is per process)."""
    breaker.reset_all()
    yield
    breaker.reset_all()


def build_site_tree():
    """A French home page as the default site's root, with the directory at /fr/services/."""
    locale, _created = Locale.objects.get_or_create(language_code="fr")
    root = Page.get_first_root_node()
    Site.objects.all().delete()
    for welcome in root.get_children():
        welcome.delete()
    home = root.add_child(
        instance=HomePage(
            title="Accueil",
            slug="accueil",
            locale=locale,
            intro="Trouver de l’aide près de chez vous.",
        )
    )
    site = Site.objects.create(
        hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="Proxima"
    )
    directory = home.add_child(
        instance=ServiceIndexPage(title="Services", slug="services", locale=locale)
    )
    return SimpleNamespace(locale=locale, home=home, site=site, directory=directory)


@pytest.fixture(scope="module")
def module_transaction(django_db_setup, django_db_blocker):
    """One transaction around a module's tests, rolled back after the module's last test.

    What module-scoped fixtures write inside it is built once and seen by each test of
    the module; every test still runs in a savepoint of its own (pytest-django's ``db``),
    so what one test changes, the next does not see.
    """
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
    yield
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)


@pytest.fixture(scope="module")
def module_site_tree(module_transaction, django_db_blocker):
    """``build_site_tree()`` once per module (in ``module_transaction``)."""
    with django_db_blocker.unblock():
        return build_site_tree()


def once_per_module(build):
    """Turns ``build(site_tree)`` into a module-scoped fixture of the same name.

    It runs once, in ``module_transaction``, on the module's tree; a function-scoped
    fixture hands each test what it built, through ``read_again``.
    """

    def built(module_site_tree, django_db_blocker):
        with django_db_blocker.unblock():
            return build(module_site_tree)

    return pytest.fixture(scope="module", name=build.__name__)(built)


@pytest.fixture
def site_tree(module_site_tree, db):
    """The module's site tree, read afresh: a test may change its objects freely.

    The caches start empty: what a previous test kept (cards, pages, search ids under a
    content version) described its own edits, which were rolled back.
    """
    cache.clear()
    content_version.forget_kept()
    return read_again(module_site_tree)


def read_again(built):
    """``built`` (model instances, in lists, dicts or namespaces) read from the database.

    Module-scoped fixtures hand each test fresh instances, so what one test changed on
    an instance (then rolled back in the database) never leaks into the next.
    """
    if isinstance(built, Model):
        return type(built)._default_manager.get(pk=built.pk)
    if isinstance(built, list | tuple):
        return type(built)(read_again(item) for item in built)
    if isinstance(built, dict):
        return {key: read_again(value) for key, value in built.items()}
    if isinstance(built, SimpleNamespace):
        return SimpleNamespace(**read_again(vars(built)))
    return built


@pytest.fixture(scope="session")
def demo_site(django_db_setup, django_db_blocker):
    """The demo, committed to the test database once for the whole run.

    Tests using it run last (``pytest_collection_modifyitems``), so the tests that
    expect an empty database never see it; each of them still runs in a transaction
    that is rolled back, so what one changes, the next does not see.
    """
    with django_db_blocker.unblock():
        call_command("load_demo", verbosity=0)


def pytest_addoption(parser):
    parser.addoption(
        "--demo-tests",
        choices=["all", "only", "none"],
        default="all",
        help="Run every test (all), only the tests on the demo (only) or all but them "
        "(none): make test runs the two halves side by side on PostgreSQL.",
    )


def uses_demo(item):
    return "demo_site" in item.fixturenames


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    """The tests on the demo after all the others, the browser's last (they commit)."""
    wanted = config.getoption("demo_tests")
    if wanted != "all":
        deselected = [item for item in items if uses_demo(item) != (wanted == "only")]
        config.hook.pytest_deselected(items=deselected)
        items[:] = [item for item in items if uses_demo(item) == (wanted == "only")]

    def rank(item):
        if not uses_demo(item):
            return 0
        return 2 if item.get_closest_marker("browser") else 1

    items.sort(key=rank)
