"""The machine translator comes from the environment; the offline one needs no network."""

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from wagtail.models import Locale
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.strings import StringValue

from config import environment
from config.environment import translator_setting
from localization.machine_translation import OfflineTranslator


def test_disabled_unless_chosen_in_production():
    assert translator_setting({}) is None
    for value in ("none", "disabled", "off", " NONE "):
        assert translator_setting({"MACHINE_TRANSLATOR": value}, default="offline") is None


def test_offline_by_default_in_development_and_tests():
    assert translator_setting({}, default="offline") == {
        "CLASS": "localization.machine_translation.OfflineTranslator",
        "OPTIONS": {},
    }
    assert settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR["CLASS"].endswith(".OfflineTranslator")
    assert isinstance(get_machine_translator(), OfflineTranslator)


def test_deepl():
    config = translator_setting(
        {"MACHINE_TRANSLATOR": "DeepL", "DEEPL_API_KEY": "abc:fx", "DEEPL_FORMALITY": "prefer_more"}
    )
    assert config == {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": "abc:fx", "FORMALITY": "prefer_more"},
    }
    with pytest.raises(ImproperlyConfigured, match="DEEPL_API_KEY"):
        translator_setting({"MACHINE_TRANSLATOR": "deepl"})


def test_libretranslate():
    config = translator_setting(
        {
            "MACHINE_TRANSLATOR": "libretranslate",
            "LIBRETRANSLATE_URL": "https://translate.example.org/",
            "LIBRETRANSLATE_API_KEY": "key",
        }
    )
    assert config == {
        "CLASS": "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
        "OPTIONS": {"LIBRETRANSLATE_URL": "https://translate.example.org", "API_KEY": "key"},
    }
    keyless = translator_setting(
        {"MACHINE_TRANSLATOR": "libretranslate", "LIBRETRANSLATE_URL": "http://lt:5000"}
    )
    assert keyless["OPTIONS"]["API_KEY"] == ""
    with pytest.raises(ImproperlyConfigured, match="LIBRETRANSLATE_URL"):
        translator_setting({"MACHINE_TRANSLATOR": "libretranslate"})


def test_google_needs_its_client_library(monkeypatch):
    environ = {
        "MACHINE_TRANSLATOR": "google",
        "GOOGLE_CLOUD_PROJECT_ID": "proxima-123",
        "GOOGLE_TRANSLATE_CREDENTIALS_PATH": "/etc/proxima/google.json",
    }
    # The optional client library is not among the requirements.
    with pytest.raises(ImproperlyConfigured, match="google-cloud-translate"):
        translator_setting(environ)
    monkeypatch.setattr(environment.importlib.util, "find_spec", lambda name: object())
    assert translator_setting(environ) == {
        "CLASS": "wagtail_localize.machine_translators.google.GoogleCloudTranslator",
        "OPTIONS": {
            "PROJECT_ID": "proxima-123",
            "LOCATION": "global",
            "CREDENTIALS_PATH": "/etc/proxima/google.json",
        },
    }
    without_key_file = translator_setting({**environ, "GOOGLE_TRANSLATE_CREDENTIALS_PATH": ""})
    assert "CREDENTIALS_PATH" not in without_key_file["OPTIONS"]
    with pytest.raises(ImproperlyConfigured, match="GOOGLE_CLOUD_PROJECT_ID"):
        translator_setting({"MACHINE_TRANSLATOR": "google"})


def test_unknown_choice_is_a_clear_error():
    with pytest.raises(ImproperlyConfigured, match="deepl, google, libretranslate, offline"):
        translator_setting({"MACHINE_TRANSLATOR": "babelfish"})


@pytest.mark.django_db
def test_offline_translator_marks_text_and_keeps_markup():
    french, english = Locale(language_code="fr"), Locale(language_code="en")
    translator = OfflineTranslator({})
    strings = [StringValue("Permanence <b>impôts</b>"), StringValue("+41 22 306 06 70")]
    result = translator.translate(french, english, strings)
    assert [result[s].data for s in strings] == [
        "[en] Permanence <b>impôts</b>",
        "+41 22 306 06 70",
    ]
    assert translator.can_translate(french, english)
    assert not translator.can_translate(french, french)
