"""Every interface string exists in every language, and the catalogues are current.

``msgfmt --statistics`` (GNU gettext, which Django's compilemessages needs anyway)
counts translated, fuzzy and untranslated messages; ``--check`` rejects format
mismatches such as a ``%(name)s`` lost in translation.
"""

import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings

LOCALE_DIR = Path(settings.BASE_DIR) / "locale"
# Interface strings are written in English in the code; every other language, French
# included, needs a complete catalogue.
SOURCE_LANGUAGE = "en"
TRANSLATED_LANGUAGES = [code for code, _name in settings.LANGUAGES if code != SOURCE_LANGUAGE]
DOMAINS = ["django", "djangojs"]

pytestmark = pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext missing")


def catalogue_statistics(po_file):
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(po_file)],
        capture_output=True,
        text=True,
        check=False,
    )
    return result.returncode, result.stderr.strip()


@pytest.mark.parametrize("domain", DOMAINS)
@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_catalogue_is_complete_and_valid(language, domain):
    po_file = LOCALE_DIR / language / "LC_MESSAGES" / f"{domain}.po"
    assert po_file.exists(), f"{po_file} is missing: run `make messages` and translate it"
    returncode, statistics = catalogue_statistics(po_file)
    assert returncode == 0, statistics
    assert "fuzzy" not in statistics, f"{language}/{domain}: {statistics}"
    assert "untranslated" not in statistics, f"{language}/{domain}: {statistics}"


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["fr", "ar", "ti"])
def test_javascript_catalogue_is_served(client, language):
    response = client.get(f"/{language}/jsi18n/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert "django.gettext" in response.content.decode()
