"""How to get to a place: a directions link to OpenStreetMap and, when the site names one,
to a public-transport journey planner. Both lead to the place's coordinates, or to its
address when it has none."""

from dataclasses import dataclass
from decimal import Decimal
from urllib.parse import quote, urlencode

from core.directions import fill, placeholders_in

OSM_DIRECTIONS = "https://www.openstreetmap.org/directions"


@dataclass(frozen=True)
class Directions:
    map_url: str
    planner_url: str  # "" without a planner, or when it needs coordinates the place lacks


def degrees(value):
    """``46.217`` from ``Decimal("46.217000")``: short, and never in exponent notation."""
    text = format(Decimal(value), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def postal_address(place):
    return f"{place.street_address}, {place.postcode} {place.commune}".strip(" ,")


def has_coordinates(place):
    return place.latitude is not None and place.longitude is not None


def destination(place):
    """``lat,lon`` when the place has coordinates, else its postal address."""
    if has_coordinates(place):
        return f"{degrees(place.latitude)},{degrees(place.longitude)}"
    return postal_address(place)


def map_directions_url(place):
    return f"{OSM_DIRECTIONS}?{urlencode({'to': destination(place)})}"


def planner_directions_url(template, place):
    """The planner's address for ``place``; "" when there is no planner or it needs
    coordinates the place does not have."""
    if not template:
        return ""
    names = placeholders_in(template)
    if names & {"lat", "lon"} and not has_coordinates(place):
        return ""
    values = {"address": quote(postal_address(place), safe="")}
    if has_coordinates(place):
        values |= {"lat": degrees(place.latitude), "lon": degrees(place.longitude)}
    return fill(template, values)


def directions_to(place, planner_template=""):
    return Directions(map_directions_url(place), planner_directions_url(planner_template, place))
