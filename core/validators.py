import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# E.164: a plus sign, a country code and at most 15 digits in all. Editors may group
# digits with spaces, dots or hyphens as they are printed locally.
INTERNATIONAL_PHONE = re.compile(r"^\+[1-9]\d{6,14}$")
PHONE_SEPARATORS = re.compile(r"[\s.\-()]")
SHORT_EMERGENCY_NUMBER = re.compile(r"^\d{2,6}$")


def normalise_phone(value):
    return PHONE_SEPARATORS.sub("", value or "")


def validate_international_phone(value):
    if not INTERNATIONAL_PHONE.match(normalise_phone(value)):
        raise ValidationError(
            _(
                "Write the number in international format, starting with + and the "
                "country code, e.g. +41 22 306 06 60 or +33 1 41 37 11 00."
            ),
            code="invalid_phone",
        )


def validate_dialable_number(value):
    """Emergency lines are short numbers (112, 147, 3919) or international ones."""
    compact = normalise_phone(value)
    if not (SHORT_EMERGENCY_NUMBER.match(compact) or INTERNATIONAL_PHONE.match(compact)):
        raise ValidationError(
            _(
                "Write a short number such as 112 or 3919, or a full number in "
                "international format starting with +."
            ),
            code="invalid_dialable_number",
        )
