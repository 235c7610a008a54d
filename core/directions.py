"""Journey planner addresses: the site's URL template and how a destination fills it.

Editors give a public-transport planner's address with placeholders, e.g.
``https://www.sbb.ch/en?moment=DEPARTURE&stops=to:{address}`` or
``https://planner.example.org/?to={lat},{lon}``. ``{lat}`` and ``{lon}`` are decimal
degrees, ``{address}`` is the place's street, postcode and commune; each is URL-encoded.
"""

import re

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

PLACEHOLDERS = ("lat", "lon", "address")
BRACES = re.compile(r"\{([^{}]*)\}")
SAMPLE = {"lat": "46.2", "lon": "6.1", "address": "Rue%201%2C%201200%20Gen%C3%A8ve"}


def placeholders_in(template):
    return set(BRACES.findall(template))


def validate_journey_planner_url(value):
    """An https:// address naming at least one of {lat}, {lon}, {address}, and no other."""
    if not value:
        return
    names = placeholders_in(value)
    unknown = sorted(names - set(PLACEHOLDERS))
    if unknown or "{" in BRACES.sub("", value) or "}" in BRACES.sub("", value):
        raise ValidationError(
            _("Only {lat}, {lon} and {address} may appear between braces."),
            code="unknown_placeholder",
        )
    if not names:
        raise ValidationError(
            _("Put {lat} and {lon}, or {address}, where the planner expects the destination."),
            code="no_placeholder",
        )
    if not value.lower().startswith("https://"):
        raise ValidationError(
            _("Give the secure address, starting with https:// (open the site and copy it)."),
            code="insecure_url",
        )
    URLValidator(schemes=["https"])(fill(value, SAMPLE))


def fill(template, values):
    """``template`` with each placeholder replaced by its (already encoded) value."""
    return BRACES.sub(lambda match: values[match.group(1)], template)
