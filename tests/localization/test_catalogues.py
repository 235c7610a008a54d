"""Interface catalogues: complete where translated, and the ones the site serves."""

import json
import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils import translation

LOCALE_DIR = Path(settings.BASE_DIR) / "locale"
# Interface strings are written in English; every other language has a translated catalogue.
TRANSLATED_LANGUAGES = [code for code, _name in settings.LANGUAGES if code != "en"]
DOMAINS = ["django", "djangojs"]
PLACEHOLDER = re.compile(r"%\([^)]+\)[sdif]|%[sdif]|\{[^{}]*\}")
# Some words are the same in English and another language (French: "Service", "Contact",
# "Distance", "Important": 6 % of its catalogue); beyond this share, strings were left in
# English rather than translated.
MAX_SHARE_IDENTICAL_TO_ENGLISH = 0.10


def catalogue(language, domain):
    return polib.pofile(str(LOCALE_DIR / language / "LC_MESSAGES" / f"{domain}.po"))


def live_entries(language, domain):
    return [entry for entry in catalogue(language, domain) if not entry.obsolete]


def translations_of(entry):
    return list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]


@pytest.mark.parametrize("domain", DOMAINS)
@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_catalogue_has_no_missing_or_fuzzy_message(language, domain):
    entries = live_entries(language, domain)
    assert entries, f"{language}/{domain}.po is empty"
    fuzzy = [entry.msgid for entry in entries if "fuzzy" in entry.flags]
    missing = [
        entry.msgid for entry in entries if not all(text.strip() for text in translations_of(entry))
    ]
    assert not fuzzy, f"{language}/{domain}: {len(fuzzy)} fuzzy, e.g. {fuzzy[:5]}"
    assert not missing, f"{language}/{domain}: {len(missing)} untranslated, e.g. {missing[:5]}"


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_plural_messages_have_every_form_of_the_language(language):
    entries = live_entries(language, "django")
    plural_forms = catalogue(language, "django").metadata["Plural-Forms"]
    expected = int(re.search(r"nplurals=(\d+)", plural_forms).group(1))
    for entry in entries:
        if entry.msgid_plural:
            assert len(entry.msgstr_plural) == expected, (language, entry.msgid)


@pytest.mark.parametrize("domain", DOMAINS)
@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_translations_keep_the_placeholders(language, domain):
    for entry in live_entries(language, domain):
        allowed = set(PLACEHOLDER.findall(entry.msgid + (entry.msgid_plural or "")))
        for text in translations_of(entry):
            if not entry.msgid_plural:
                assert sorted(PLACEHOLDER.findall(text)) == sorted(
                    PLACEHOLDER.findall(entry.msgid)
                ), (language, entry.msgid, text)
            else:
                assert set(PLACEHOLDER.findall(text)) <= allowed, (language, entry.msgid, text)


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_strings_are_not_left_in_english(language):
    entries = [e for e in live_entries(language, "django") if re.search(r"[A-Za-z]{3}", e.msgid)]
    identical = [e.msgid for e in entries if e.msgstr == e.msgid]
    assert len(identical) <= MAX_SHARE_IDENTICAL_TO_ENGLISH * len(entries), identical


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_compiled_catalogue_is_the_one_served(language):
    """The .mo files are compiled from the .po files: gettext answers with the catalogue's text."""
    entry = next(
        e
        for e in live_entries(language, "django")
        if not e.msgid_plural and not e.msgctxt and e.msgstr != e.msgid
    )
    with translation.override(language):
        assert translation.gettext(entry.msgid) == entry.msgstr


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_every_language_has_both_catalogues(language):
    for domain in DOMAINS:
        metadata = catalogue(language, domain).metadata
        assert metadata["Language"] == language
        assert "nplurals=" in metadata["Plural-Forms"]


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_javascript_catalogue_is_served_in_the_language(client, language):
    entry = next(e for e in live_entries(language, "djangojs") if not e.msgid_plural)
    response = client.get(f"/{language}/jsi18n/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    served = json.loads(
        re.search(r"const newcatalog = (\{.*?\});", response.content.decode(), re.S)[1]
    )
    assert served[entry.msgid] == entry.msgstr
    # Kept by the browser between pages, as every page loads it.
    assert "max-age=3600" in response["Cache-Control"]
