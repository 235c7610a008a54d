"""Official identifiers of organisations: French SIRET and RNA numbers, the Swiss UID.

Editors type them as they are printed (``123 456 789 00012``, ``che-109.322.551``);
``normalise_*`` gives the one written form stored, ``validate_*`` checks it, check digit
included, so that a typo is caught before partners match on it.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

SIRET = re.compile(r"^\d{14}$")
# La Poste's establishments share one SIREN whose SIRETs follow their own rule.
LA_POSTE_SIREN = "356000000"
RNA = re.compile(r"^W\d{9}$")
SWISS_UID = re.compile(r"^CHE-(\d{3})\.(\d{3})\.(\d{3})$")
SWISS_UID_WEIGHTS = (5, 4, 3, 2, 7, 6, 5, 4)
SEPARATORS = re.compile(r"[\s.\-]")


def luhn_valid(digits):
    total = 0
    for position, digit in enumerate(reversed(digits)):
        value = int(digit) * (2 if position % 2 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def normalise_siret(value):
    return SEPARATORS.sub("", value or "")


def validate_siret(value):
    if not SIRET.match(value):
        raise ValidationError(
            _("A SIRET number has 14 digits, e.g. 123 456 789 00012."), code="invalid_siret"
        )
    if value.startswith(LA_POSTE_SIREN):
        valid = sum(int(digit) for digit in value) % 5 == 0
    else:
        valid = luhn_valid(value)
    if not valid:
        raise ValidationError(
            _("This SIRET number is not valid: check the digits on the organisation's papers."),
            code="invalid_siret_check",
        )


def normalise_rna(value):
    return SEPARATORS.sub("", value or "").upper()


def validate_rna(value):
    if not RNA.match(value):
        raise ValidationError(
            _("An RNA number is a W followed by 9 digits, e.g. W922000123."), code="invalid_rna"
        )


def normalise_swiss_uid(value):
    """``CHE-109.322.551`` from ``che109322551``, ``CHE 109 322 551`` or ``CHE-109.322.551``."""
    compact = SEPARATORS.sub("", value or "").upper()
    if re.fullmatch(r"CHE\d{9}", compact):
        digits = compact[3:]
        return f"CHE-{digits[:3]}.{digits[3:6]}.{digits[6:]}"
    return (value or "").strip()


def validate_swiss_uid(value):
    match = SWISS_UID.match(value)
    if not match:
        raise ValidationError(
            _("A Swiss business identification number reads CHE-123.456.789."),
            code="invalid_swiss_uid",
        )
    digits = "".join(match.groups())
    remainder = sum(int(d) * w for d, w in zip(digits, SWISS_UID_WEIGHTS, strict=False)) % 11
    check = (11 - remainder) % 11
    if check == 10 or check != int(digits[-1]):
        raise ValidationError(
            _("This Swiss business identification number is not valid: check its digits."),
            code="invalid_swiss_uid_check",
        )


# (field, its kind as partners name it): what ``Organisation.identifiers`` lists.
IDENTIFIER_FIELDS = (("siret", "SIRET"), ("rna", "RNA"), ("swiss_uid", "UID"))
NORMALISERS = {"siret": normalise_siret, "rna": normalise_rna, "swiss_uid": normalise_swiss_uid}
