"""The open data on offer: the formats ``export_open_data`` writes, the licence they are
published under, and what the last export left in ``MEDIA_ROOT/open-data/``."""

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.core import checks
from django.utils.translation import gettext_lazy as _

# Format -> what residents and reusers are told it is.
FORMATS = {
    "hsds-json": _(
        "Open Referral's Human Services Data Specification (HSDS 3.0), as JSON: each "
        "service with its organisation, places, hours and themes."
    ),
    "hsds-csv": _(
        "The same data in HSDS 3.0's table layout: one CSV file per kind of record "
        "(services, places, addresses, hours…), for spreadsheets and databases."
    ),
}
# OPEN_DATA_LICENCE -> (name, address, language of that page). Both let anyone reuse
# the data, also commercially, provided the source is named.
LICENCES = {
    "etalab-2.0": (
        "Licence Ouverte / Open Licence 2.0",
        "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
        "fr",
    ),
    "cc-by-4.0": (
        "Creative Commons Attribution 4.0 International",
        "https://creativecommons.org/licenses/by/4.0/",
        "en",
    ),
}


@dataclass(frozen=True)
class Export:
    format: str
    description: str
    created: datetime
    archive_url: str
    archive_size: int
    package_url: str


def folder():
    return Path(settings.MEDIA_ROOT) / "open-data"


def archive_path(output):
    """The ZIP of everything an export wrote into ``output``, beside it."""
    return output.with_name(f"{output.name}.zip")


def licence():
    """(name, address, language) of the licence the site publishes its data under."""
    return LICENCES[settings.OPEN_DATA_LICENCE]


def package_licences():
    name, address, _language = licence()
    return [{"name": settings.OPEN_DATA_LICENCE, "title": name, "path": address}]


def published_exports():
    """The exports found on disk, in FORMATS' order; an unreadable one is left out."""
    exports = []
    for export_format, description in FORMATS.items():
        output = folder() / export_format
        archive = archive_path(output)
        try:
            package = json.loads((output / "datapackage.json").read_text(encoding="utf-8"))
            created = datetime.fromisoformat(package["created"])
            size = archive.stat().st_size
        except (OSError, ValueError, KeyError, TypeError):
            continue
        exports.append(
            Export(
                format=export_format,
                description=description,
                created=created,
                archive_url=f"{settings.MEDIA_URL}open-data/{archive.name}",
                archive_size=size,
                package_url=f"{settings.MEDIA_URL}open-data/{export_format}/datapackage.json",
            )
        )
    return exports


def check_licence(app_configs, **kwargs):
    if settings.OPEN_DATA_LICENCE in LICENCES:
        return []
    return [
        checks.Error(
            f"OPEN_DATA_LICENCE={settings.OPEN_DATA_LICENCE!r} is not one of: "
            f"{', '.join(LICENCES)}.",
            id="opendata.E001",
        )
    ]
