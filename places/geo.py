"""Distances without an external geocoder: communes of the demo regions shipped as data."""

import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.utils.text import slugify

COMMUNES_FILE = Path(__file__).resolve().parent / "data" / "communes.json"
EARTH_RADIUS_KM = 6371.0


@dataclass(frozen=True)
class Commune:
    key: str
    name: str
    code: str  # official code: OFS number in Switzerland, INSEE code in France
    postcodes: tuple
    country: str
    latitude: float
    longitude: float
    region: str = ""  # canton or département

    @property
    def label(self):
        return f"{self.name} ({', '.join(self.postcodes[:2])})"


@cache
def communes():
    data = json.loads(COMMUNES_FILE.read_text(encoding="utf-8"))["communes"]
    return {
        slugify(item["name"]): Commune(
            key=slugify(item["name"]),
            name=item["name"],
            code=item["code"],
            postcodes=tuple(item["postcodes"]),
            country=item["country"],
            latitude=item["latitude"],
            longitude=item["longitude"],
            region=item.get("region", ""),
        )
        for item in data
    }


def find_commune(value):
    """A commune from its key (``vernier``) or one of its postcodes (``92130``)."""
    value = (value or "").strip()[:40]
    if not value:
        return None
    by_key = communes().get(slugify(value))
    if by_key is not None:
        return by_key
    return next((c for c in communes().values() if value in c.postcodes), None)


def distance_km(lat1, lon1, lat2, lon2):
    """Great-circle distance (haversine)."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    d_phi = phi2 - phi1
    d_lambda = math.radians(lon2 - lon1)
    a = math.sin(d_phi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(d_lambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))


def region_of(postcode, country):
    """The canton or département of the commune at ``postcode`` in ``country``, or ""."""
    commune = find_commune(postcode)
    return commune.region if commune is not None and commune.country == country else ""
