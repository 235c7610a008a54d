"""Writes the directory's open data as a data package, one folder per language.

``--format hsds-json``: HSDS 3.0 objects, the same the API at ``/api/hsds/v3/`` answers
(``opendata.hsds.documents``): fully nested services, organisations, taxonomies and
terms, with a ``datapackage.json`` listing them.
``--format hsds-csv``: the same objects in HSDS's tabular layout, one CSV per object type
(``opendata.hsds.tabular``), with a ``datapackage.json`` describing each table.
``--format data-inclusion``: the French directory's ``structures`` and ``services`` in
data·inclusion's schema (``opendata.datainclusion``).
Everything is also zipped beside the folder (``<folder>.zip``), the file the open-data
page offers.
"""

import json
import os
import zipfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone, translation

from core.i18n import source_language
from opendata import datainclusion
from opendata.hsds import documents, feed, serializers, tabular
from opendata.published import FORMATS, archive_path, package_licences

# Services serialised at once: their relations are prefetched a batch at a time.
BATCH = 200
HSDS_SCHEMAS = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/"
DATAINCLUSION_SCHEMA = "https://gip-inclusion.github.io/data-inclusion-schema/latest/"
# Each kind of record of a language, and the HSDS schema its JSON file follows.
RECORD_SCHEMAS = {
    "services": "compiled/service.json",
    "organizations": "compiled/organization_list.json",
    "taxonomies": "taxonomy.json",
    "taxonomy_terms": "taxonomy_term.json",
}


class Command(BaseCommand):
    help = (
        "Write the directory's open data (HSDS 3.0 JSON or CSV, data·inclusion) as a data package."
    )

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=list(FORMATS), default="hsds-json")
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
        export_format = options["format"]
        output = options["output"] or Path(settings.MEDIA_ROOT) / "open-data" / export_format
        moment = serializers.Moment(today=timezone.localdate())
        write, profile = WRITERS[export_format]
        languages = options["language"] or [code for code, _name in settings.LANGUAGES]
        if export_format == "data-inclusion":
            # data·inclusion speaks French: the source language's directory only.
            languages = [source_language()]
        resources = []
        for language in languages:
            locale = feed.locale_of(language)
            if locale is None:
                continue
            folder = output / language
            folder.mkdir(parents=True, exist_ok=True)
            with translation.override(language):
                for resource in write(folder, locale, moment):
                    resources.append(
                        resource
                        | {
                            "name": f"{resource['name']}-{language}",
                            "path": f"{language}/{resource['path']}",
                            "language": language,
                        }
                    )
        package = {
            "profile": profile,
            "name": f"proxima-{export_format}",
            "title": f"Proxima — {FORMATS[export_format].title}",
            "created": timezone.now().isoformat(timespec="seconds"),
            "licenses": package_licences(),
            "resources": resources,
        }
        output.mkdir(parents=True, exist_ok=True)
        (output / "datapackage.json").write_text(
            json.dumps(package, ensure_ascii=False, indent=1), encoding="utf-8"
        )
        write_archive(output, ["datapackage.json"] + [r["path"] for r in resources])
        services = [r for r in resources if r["name"].startswith("services-")]
        total = sum(resource["count"] for resource in services)
        self.stdout.write(f"{total} services in {len(services)} languages: {output}")


def write_archive(output, paths):
    """Zips the export's files beside it, replacing the previous archive only once the
    new one is whole (the open-data page links to it)."""
    archive = archive_path(output)
    partial = archive.with_name(f".{archive.name}.partial")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as zipped:
        for path in paths:
            zipped.write(output / path, arcname=path)
    os.replace(partial, archive)


def records_of(locale, moment):
    """A language's HSDS objects: {kind: [objects]}, services fully nested."""
    services = feed.services_of(locale)
    service_ids = list(services.values_list("pk", flat=True))
    batches = (
        documents.services(service_ids[start : start + BATCH], moment, full=True)
        for start in range(0, len(service_ids), BATCH)
    )
    return {
        "services": [item for batch in batches for item in batch],
        "organizations": documents.organizations(feed.organisation_ids(services, locale)),
        "taxonomies": documents.taxonomies(),
        "taxonomy_terms": documents.taxonomy_terms(feed.terms_of(locale)),
    }


def write_json(folder, locale, moment):
    """One JSON file per kind of HSDS record; returns their data package resources."""
    return [
        json_file(folder, name, items, hsds_schema=HSDS_SCHEMAS + RECORD_SCHEMAS[name])
        for name, items in records_of(locale, moment).items()
    ]


def json_file(folder, name, items, **schema):
    """Writes ``items`` to ``<name>.json``; returns its data package resource, with the
    ``schema`` it follows."""
    path = f"{name}.json"
    (folder / path).write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    return {
        "name": name,
        "path": path,
        "format": "json",
        "mediatype": "application/json",
        "encoding": "utf-8",
        "count": len(items),
        **schema,
    }


def write_csv(folder, locale, moment):
    """HSDS's tabular layout; returns the tables' data package resources."""
    tables = tabular.Tables()
    object_types = {
        "services": "service",
        "organizations": "organization",
        "taxonomies": "taxonomy",
        "taxonomy_terms": "taxonomy_term",
    }
    for name, items in records_of(locale, moment).items():
        for item in items:
            tables.add(object_types[name], item)
    return tables.write(folder)


def write_datainclusion(folder, locale, moment):
    """data·inclusion's ``structures.json`` and ``services.json``."""
    return [
        json_file(folder, name, items, schema=DATAINCLUSION_SCHEMA + name)
        for name, items in datainclusion.records(locale).items()
    ]


# Format -> (writer, data package profile).
WRITERS = {
    "hsds-json": (write_json, "data-package"),
    "hsds-csv": (write_csv, "tabular-data-package"),
    "data-inclusion": (write_datainclusion, "data-package"),
}
