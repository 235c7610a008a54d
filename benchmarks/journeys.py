"""What residents do on the site, as ``make load`` asks it: plain Python, no Locust.

A journey is a short list of requests one resident makes in a row (a page, or a page
and the same page in another language, or a first visit with the files a browser
fetches once). ``benchmarks/locustfile.py`` runs the journeys under load, chosen with the
weights below; ``tests/platform/test_load_journeys.py`` runs each kind once on the demo
through Django's test client. Where to go is discovered on the site itself (``discover``):
the sitemaps (pages per language and their translations), each directory's filter form
(the facet options) and each home page (its style sheets and scripts); what residents
search for comes from the judged queries of ``benchmarks/relevance/queries/``.

An answer is wrong unless its status is 2xx or 3xx (after redirects), a page is in the
language asked for (``<html lang="…">``) and it holds what marks its kind of page.
"""

import dataclasses
import html
import json
import random
import re
import ssl
import urllib.request
from dataclasses import dataclass, field
from urllib.parse import urlencode, urlsplit

from benchmarks.relevance import judged_queries

# Residents' languages, by how often they are used (French is the site's main language);
# a language the site has no pages in is left out.
LANGUAGE_WEIGHTS = {
    "fr": 40,
    "en": 8,
    "ar": 8,
    "uk": 6,
    "pt": 6,
    "es": 5,
    "it": 5,
    "de": 5,
    "tr": 5,
    "sq": 4,
    "ta": 4,
    "ti": 4,
}
# How many facet options a resident ticks: mostly one, sometimes two or three.
FACET_COUNT_WEIGHTS = {1: 6, 2: 3, 3: 1}
SEARCH_QUERIES_PER_LANGUAGE = 10

# What marks each kind of page: a page without it is wrong content.
HOME = 'class="hero"'
DIRECTORY = 'id="directory-results"'
SEARCH = 'class="search__summary"'
SERVICE = 'id="service-title"'
# Every page of a stock Wagtail site is its home page type, with this body class.
STOCK_PAGE = 'class="template-homepage"'

LOC = re.compile(r"<loc>([^<]+)</loc>")
ALTERNATE = re.compile(r'<xhtml:link rel="alternate" hreflang="([a-z-]+)" href="([^"]+)"')
FACET_OPTION = re.compile(r'<input type="checkbox" id="facet-[^"]*" name="([^"]+)" value="([^"]+)"')
# Files a browser fetches once, then keeps: the page's style sheets and scripts.
SERVICE_LINK = re.compile(r'class="service-card__title"><a href="([^"]+)"')
NEXT_PAGE = re.compile(r'<a href="(\?[^"]*)" rel="next"')
ASSET = re.compile(r'<(?:link rel="stylesheet"[^>]*href|script[^>]*src)="(/static/[^"]+)"')


@dataclass(frozen=True)
class Request:
    path: str
    name: str  # the group its figures are reported under
    language: str | None = None  # the language the page must be in; None for files
    marker: str | None = None  # what the answer must hold


@dataclass
class Site:
    """Where residents go, per language code."""

    homes: dict = field(default_factory=dict)
    directories: dict = field(default_factory=dict)
    facets: dict = field(default_factory=dict)  # [(parameter, value)] of each directory
    services: dict = field(default_factory=dict)  # service page paths
    translations: dict = field(default_factory=dict)  # path -> {language: path}
    queries: dict = field(default_factory=dict)
    assets: dict = field(default_factory=dict)  # the home page's static files
    home_marker: str = HOME
    page_marker: str = SERVICE
    page_name: str = "service page"

    def to_json(self):
        return json.dumps(dataclasses.asdict(self))

    @classmethod
    def from_json(cls, text):
        site = cls(**json.loads(text))
        site.facets = {
            code: [tuple(option) for option in options] for code, options in site.facets.items()
        }
        return site

    def language(self, rng, among=None):
        languages = [code for code in (among or self.homes) if code in self.homes]
        return rng.choices(languages, [LANGUAGE_WEIGHTS.get(code, 1) for code in languages])[0]


def problem(request, status, text):
    """What is wrong with the answer to ``request``, or None."""
    if not 200 <= status < 400:
        return f"HTTP {status}"
    if request.language and f'<html lang="{request.language}"' not in (text or ""):
        return f"not in {request.language}"
    if request.marker and request.marker not in (text or ""):
        return f"{request.marker} missing"
    return None


def path_of(url):
    return urlsplit(url).path


def discover(get):
    """The demo's ``Site``: ``get(path)`` answers ``(status, text)``.

    The sitemaps list every page once per language it is translated into, with its
    versions in the other languages; the directory is the page with the most pages under
    it. A resident reaches a service by the directory, which also lists the services not
    translated into its language (in French): they are read from its pages, in each
    language.
    """
    site = Site()
    pages = []
    for sitemap in LOC.findall(get("/sitemap.xml")[1]):
        for entry in get(path_of(sitemap))[1].split("<url>")[1:]:
            pages.append(path_of(LOC.findall(entry)[0]))
            versions = {
                code: path_of(href)
                for code, href in ALTERNATE.findall(entry)
                if code in LANGUAGE_WEIGHTS
            }
            if len(versions) > 1:
                for path in versions.values():
                    site.translations[path] = versions
    children = {}
    for path in pages:
        children.setdefault(path[: path.rstrip("/").rfind("/") + 1], []).append(path)
    main_directory = max(children, key=lambda parent: len(children[parent]))
    for language, directory in site.translations[main_directory].items():
        site.homes[language] = f"/{language}/"
        site.directories[language] = directory
        site.services[language] = listed_services(get, directory)
        text = get(directory)[1]
        site.facets[language] = sorted(set(FACET_OPTION.findall(text)))
        site.assets[language] = ASSET.findall(get(site.homes[language])[1])
    for language, rows in judged_queries().items():
        site.queries[language] = [query for query, _slugs in rows[:SEARCH_QUERIES_PER_LANGUAGE]]
    return site


def listed_services(get, directory):
    """The service pages the directory lists, following its pages."""
    services, path = [], directory
    while path:
        text = get(path)[1]
        services += SERVICE_LINK.findall(text)
        following = NEXT_PAGE.search(text)
        path = f"{directory}{html.unescape(following.group(1))}" if following else None
    return services


def stock_site(get, pages):
    """A stock Wagtail site (``wagtail start``): its home page and ``pages`` plain pages
    at /page-N/ (as benchmarks/run.py creates them), in English."""
    site = Site(home_marker=STOCK_PAGE, page_marker=STOCK_PAGE, page_name="page")
    site.homes["en"] = "/"
    site.services["en"] = [f"/page-{number}/" for number in range(1, pages + 1)]
    site.assets["en"] = ASSET.findall(get("/")[1])
    return site


def discovered(host, stock_pages=0):
    """The ``Site`` at ``host`` (https://…), a stock Wagtail site if ``stock_pages``."""
    # The stack's certificate is its own, made for the loopback: not checked, as
    # Locust's FastHttpUser does not check it either.
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE

    def get(path):
        address = host.rstrip("/") + path
        with urllib.request.urlopen(address, context=context, timeout=120) as response:  # noqa: S310 - the site under test
            return response.status, response.read().decode()

    return stock_site(get, stock_pages) if stock_pages else discover(get)


def home(rng, site):
    language = site.language(rng)
    return [Request(site.homes[language], "home", language, site.home_marker)]


def directory(rng, site):
    """The directory of a language with one to three facet options ticked."""
    language = site.language(rng, site.directories)
    options = site.facets[language]
    (count,) = rng.choices(list(FACET_COUNT_WEIGHTS), list(FACET_COUNT_WEIGHTS.values()))
    chosen = rng.sample(options, min(len(options), count))
    path = f"{site.directories[language]}?{urlencode(sorted(chosen))}"
    return [Request(path, "directory with facets", language, DIRECTORY)]


def search(rng, site):
    language = site.language(rng, site.queries)
    query = rng.choice(site.queries[language])
    path = f"/{language}/search/?{urlencode({'q': query})}"
    return [Request(path, "search", language, SEARCH)]


def service(rng, site):
    language = site.language(rng, site.services)
    path = rng.choice(site.services[language])
    return [Request(path, site.page_name, language, site.page_marker)]


def language_switch(rng, site):
    """A translated service page, then the same page in another language (the language
    menu)."""
    translated = {}
    for path, versions in site.translations.items():
        language = next(code for code, version in versions.items() if version == path)
        directory = site.directories.get(language)
        if directory and path.startswith(directory) and path != directory:
            translated.setdefault(language, []).append(path)
    first_language = site.language(rng, translated)
    path = rng.choice(translated[first_language])
    others = {code: other for code, other in site.translations[path].items() if other != path}
    language = site.language(rng, others)
    return [
        Request(path, site.page_name, first_language, SERVICE),
        Request(others[language], "language switch", language, SERVICE),
    ]


def first_visit(rng, site):
    """A home page and the files a browser fetches for it once, then keeps."""
    (page,) = home(rng, site)
    files = [Request(path, "static file") for path in site.assets[page.language]]
    return [page, *files]


# (journey, weight): roughly one request in ten is a home page, a quarter the directory
# with filters, a fifth a search, a third a service page; one visit in twenty is a first
# visit that fetches the style sheets and scripts.
RESIDENT_JOURNEYS = [
    (home, 10),
    (directory, 25),
    (search, 20),
    (service, 30),
    (language_switch, 10),
    (first_visit, 5),
]
# The stock site has home and plain pages only: the same share of home pages and first
# visits, every other visit a page of its tree.
STOCK_JOURNEYS = [(home, 10), (service, 85), (first_visit, 5)]


def every_kind(site, journeys, seed=0):
    """One journey of each kind (for the test)."""
    rng = random.Random(seed)
    return {journey.__name__: journey(rng, site) for journey, _weight in journeys}
