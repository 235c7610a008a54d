"""The open data on offer: the formats ``export_open_data`` writes, the licence they are
published under, and what the last export left in ``MEDIA_ROOT/open-data/``."""

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import NamedTuple

from django.conf import settings
from django.core import checks
from django.utils.translation import gettext_lazy as _


class Format(NamedTuple):
    title: str
    description: str


# Format -> its name, and what residents and reusers are told it is.
FORMATS = {
    "hsds-json": Format(
        "HSDS 3.0 – JSON",
        _(
            "Open Referral's Human Services Data Specification (HSDS 3.0), as JSON: each "
            "service with its organisation, places, hours and themes."
        ),
    ),
    "hsds-csv": Format(
        "HSDS 3.0 – CSV",
        _(
            "The same data in HSDS 3.0's table layout: one CSV file per kind of record "
            "(services, places, addresses, hours…), for spreadsheets and databases."
        ),
    ),
    "data-inclusion": Format(
        "data·inclusion – JSON",
        _(
            "The French services and the organisations that run them in the schema of "
            "data·inclusion, France's hub of social and inclusion services (DORA and others)."
        ),
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
    format: Format
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
    for export_format, described in FORMATS.items():
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
                format=described,
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
