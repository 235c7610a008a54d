"""Machine translation for editors, chosen by environment, and an offline stand-in.

wagtail-localize offers editors a "Translate automatically" button when
``WAGTAILLOCALIZE_MACHINE_TRANSLATOR`` names a translator. ``translator_setting`` builds
that setting from the environment (``MACHINE_TRANSLATOR`` and the provider's variables);
it needs neither the database nor the app registry, so the settings modules call it.
"""

import importlib.util

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _
from wagtail_localize.machine_translators.base import BaseMachineTranslator
from wagtail_localize.strings import StringValue

OFFLINE_CLASS = "localization.machine_translation.OfflineTranslator"
DISABLED = {"", "none", "disabled", "off"}


def _required(environ, name, choice):
    value = environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(f"MACHINE_TRANSLATOR={choice} needs {name}.")
    return value


def _installed(module):
    try:
        return importlib.util.find_spec(module) is not None
    except ModuleNotFoundError:  # A parent package is missing.
        return False


def translator_setting(environ, default="none"):
    """The ``WAGTAILLOCALIZE_MACHINE_TRANSLATOR`` value for this environment, or None."""
    choice = environ.get("MACHINE_TRANSLATOR", default).strip().lower()
    if choice in DISABLED:
        return None
    if choice == "offline":
        return {"CLASS": OFFLINE_CLASS, "OPTIONS": {}}
    if choice == "deepl":
        options = {"AUTH_KEY": _required(environ, "DEEPL_API_KEY", choice)}
        if environ.get("DEEPL_FORMALITY"):
            options["FORMALITY"] = environ["DEEPL_FORMALITY"]
        return {
            "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
            "OPTIONS": options,
        }
    if choice == "google":
        # The Google client is an optional dependency: say so now rather than with an
        # ImportError the first time an editor presses the button.
        if not _installed("google.cloud.translate"):
            raise ImproperlyConfigured(
                "MACHINE_TRANSLATOR=google needs the google-cloud-translate package."
            )
        options = {
            "PROJECT_ID": _required(environ, "GOOGLE_CLOUD_PROJECT_ID", choice),
            "LOCATION": environ.get("GOOGLE_TRANSLATE_LOCATION", "").strip() or "global",
        }
        # Without a key file the client uses GOOGLE_APPLICATION_CREDENTIALS or the
        # machine's own service account.
        if environ.get("GOOGLE_TRANSLATE_CREDENTIALS_PATH", "").strip():
            options["CREDENTIALS_PATH"] = environ["GOOGLE_TRANSLATE_CREDENTIALS_PATH"].strip()
        return {
            "CLASS": "wagtail_localize.machine_translators.google.GoogleCloudTranslator",
            "OPTIONS": options,
        }
    if choice == "libretranslate":
        return {
            "CLASS": "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
            "OPTIONS": {
                "LIBRETRANSLATE_URL": _required(environ, "LIBRETRANSLATE_URL", choice).rstrip("/"),
                # LibreTranslate servers without keys accept an empty one.
                "API_KEY": environ.get("LIBRETRANSLATE_API_KEY", ""),
            },
        }
    raise ImproperlyConfigured(
        f"MACHINE_TRANSLATOR={choice!r} is not one of: deepl, google, libretranslate, "
        "offline, none."
    )


class OfflineTranslator(BaseMachineTranslator):
    """Development and tests only: NOT a translation.

    It needs no network and returns each French string unchanged, prefixed with the
    target language in brackets ("[en] Permanence impôts"; strings without a letter are
    left as they are), so that the flow an editor
    goes through — translate automatically, review, publish — can be tried and tested,
    and nobody can mistake the result for real text.
    """

    display_name = _("Offline test translator (not a real translation)")

    def translate(self, source_locale, target_locale, strings):
        prefix = f"[{target_locale.language_code}] "
        return {
            # Like a real translator, it leaves numbers (a phone number in a block) alone.
            string: StringValue(
                prefix + string.data if any(c.isalpha() for c in string.data) else string.data
            )
            for string in strings
        }

    def can_translate(self, source_locale, target_locale):
        return source_locale.language_code != target_locale.language_code
