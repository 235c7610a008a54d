"""An offline stand-in for machine translation, for development and tests.

wagtail-localize offers editors a "Translate automatically" button when
``WAGTAILLOCALIZE_MACHINE_TRANSLATOR`` names a translator; the settings build it from
the environment (``config.environment.translator_setting``).
"""

from django.utils.translation import gettext_lazy as _
from wagtail_localize.machine_translators.base import BaseMachineTranslator
from wagtail_localize.strings import StringValue


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
