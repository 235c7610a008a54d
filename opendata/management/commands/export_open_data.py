"""Writes the directory's open data as a data package, one folder per language.

``--format hsds-json``: HSDS 3.0 objects, the same the API at ``/api/hsds/v3/`` answers
(``opendata.hsds.documents``): fully nested services, organisations, taxonomies and
terms, with a ``datapackage.json`` listing them.
"""

import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone, translation

from opendata.hsds import documents, feed, serializers

FORMATS = ("hsds-json",)
# Services serialised at once: their relations are prefetched a batch at a time.
BATCH = 200
HSDS_SCHEMAS = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/"


class Command(BaseCommand):
    help = "Write the directory's open data (HSDS 3.0 JSON) as a data package."

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=FORMATS, default="hsds-json")
        parser.add_argument(
            "--output",
            type=Path,
            default=None,
            help="Folder to write to (default: MEDIA_ROOT/open-data/<format>).",
        )
        parser.add_argument(
            "--language",
            action="append",
            choices=[code for code, _name in settings.LANGUAGES],
            help="A language to export (repeat it); default: every language with content.",
        )

    def handle(self, *args, **options):
        output = options["output"] or Path(settings.MEDIA_ROOT) / "open-data" / options["format"]
        moment = serializers.Moment(today=timezone.localdate())
        resources = []
        for language in options["language"] or [code for code, _name in settings.LANGUAGES]:
            locale = feed.locale_of(language)
            if locale is None:
                continue
            with translation.override(language):
                resources += export_language(output, language, locale, moment)
        package = {
            "profile": "data-package",
            "name": "proxima-hsds",
            "title": "Proxima — HSDS 3.0",
            "created": timezone.now().isoformat(timespec="seconds"),
            "resources": resources,
        }
        output.mkdir(parents=True, exist_ok=True)
        (output / "datapackage.json").write_text(
            json.dumps(package, ensure_ascii=False, indent=1), encoding="utf-8"
        )
        services = [r for r in resources if r["path"].endswith("/services.json")]
        total = sum(resource["count"] for resource in services)
        self.stdout.write(f"{total} services in {len(services)} languages: {output}")


def export_language(output, language, locale, moment):
    """Writes one language's files; returns their data package resources."""
    folder = output / language
    folder.mkdir(parents=True, exist_ok=True)
    services = feed.services_of(locale)
    service_ids = list(services.values_list("pk", flat=True))
    batches = (
        documents.services(service_ids[start : start + BATCH], moment, full=True)
        for start in range(0, len(service_ids), BATCH)
    )
    files = {
        "services": ([item for batch in batches for item in batch], "compiled/service.json"),
        "organizations": (
            documents.organizations(feed.organisation_ids(services, locale)),
            "compiled/organization_list.json",
        ),
        "taxonomies": (documents.taxonomies(), "taxonomy.json"),
        "taxonomy_terms": (documents.taxonomy_terms(feed.terms_of(locale)), "taxonomy_term.json"),
    }
    resources = []
    for name, (items, schema) in files.items():
        path = folder / f"{name}.json"
        path.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
        resources.append(
            {
                "name": f"{name}-{language}",
                "path": f"{language}/{name}.json",
                "format": "json",
                "mediatype": "application/json",
                "encoding": "utf-8",
                "language": language,
                "count": len(items),
                "hsds_schema": HSDS_SCHEMAS + schema,
            }
        )
    return resources
