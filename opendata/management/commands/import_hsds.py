"""Imports another directory's HSDS 3.0 services as drafts for review
(``opendata.hsds.importer``): ``manage.py import_hsds FOLDER_OR_FILE [--dry-run]``."""

from collections import Counter
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from opendata.hsds.importer import INVALID, Importer, read_services


class Command(BaseCommand):
    help = (
        "Import HSDS 3.0 services (an hsds-json export folder or a JSON file of services) "
        "as draft pages and snippets for review."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="Export folder or JSON file.")
        parser.add_argument(
            "--source",
            help="Name of the source, which keeps imports of it apart (default: the file name).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Say what would change; write nothing."
        )

    def read(self, path, source, dry_run):
        """The importer for the records at ``path``, and those records.

        Another format's command (``import_data_inclusion``) reads its own files here and
        shares the rest: the report is the same whatever the format."""
        return Importer(source, dry_run=dry_run), read_services(path)

    def handle(self, *args, **options):
        path = options["path"]
        source = options["source"] or path.resolve().name
        try:
            importer, records = self.read(path, source, options["dry_run"])
        except (OSError, ValueError) as error:
            raise CommandError(f"Cannot read {path}: {error}") from error
        outcomes = importer.run(records)
        for outcome in outcomes:
            line = f"{outcome.status}\t{outcome.kind}\t{outcome.source_id}\t{outcome.name}"
            if outcome.status == INVALID:
                line += f"\t{outcome.reason}"
            self.stdout.write(line)
        counts = Counter(outcome.status for outcome in outcomes)
        summary = ", ".join(f"{count} {status}" for status, count in sorted(counts.items()))
        prefix = "Dry run, nothing written: " if options["dry_run"] else ""
        self.stdout.write(f"{prefix}{summary or 'nothing to import'} ({source}).")
