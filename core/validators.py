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


# National numbers as dialled in the countries the hubs are in: a trunk 0 and 9 digits,
# grouped as they are printed there once the country code replaces the 0.
NATIONAL_NUMBERS = {
    "CH": ("+41", (2, 3, 2, 2)),  # 022 306 06 70 → +41 22 306 06 70
    "FR": ("+33", (1, 2, 2, 2, 2)),  # 01 41 37 11 00 → +33 1 41 37 11 00
}
NATIONAL_NUMBER = re.compile(r"^0(\d{9})$")
INTERNATIONAL_PREFIX = re.compile(r"^\s*00(?=[1-9])")


def international_phone(value, country):
    """``value`` in international format when it is dialled from ``country``
    ("022 306 06 70" in CH, "0041 22 …"); anything else is returned as it is, for
    ``validate_international_phone`` to judge."""
    value = INTERNATIONAL_PREFIX.sub("+", value or "")
    national = NATIONAL_NUMBER.match(normalise_phone(value))
    if not national or country not in NATIONAL_NUMBERS:
        return value
    code, groups = NATIONAL_NUMBERS[country]
    digits, parts = national.group(1), [code]
    for size in groups:
        parts.append(digits[:size])
        digits = digits[size:]
    return " ".join(parts)


def validate_https(value):
    """Residents follow these links with their personal data: only secure addresses."""
    if value and not value.lower().startswith("https://"):
        raise ValidationError(
            _("Give the secure address, starting with https:// (open the site and copy it)."),
            code="insecure_url",
        )


def holds_nul(parameters):
    """Whether a name or a value of a query dict holds a NUL character, which no database
    stores and no form field accepts: the request is refused before anything reads it."""
    return any("\x00" in value for name, values in parameters.lists() for value in [name, *values])
