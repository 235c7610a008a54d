"""Imports data·inclusion structures and services as drafts for review
(``opendata.datainclusion_import``):
``manage.py import_data_inclusion FOLDER_OR_FILE [--source NAME] [--dry-run]``."""

from opendata.datainclusion_import import DataInclusionImporter, read_records

from .import_hsds import Command as ImportHsds


class Command(ImportHsds):
    help = (
        "Import data·inclusion services and their structures (a data-inclusion export "
        "folder, its fr/ folder, or a JSON file of structures and services) as draft "
        "pages and snippets for review."
    )

    def read(self, path, source, dry_run):
        structures, services = read_records(path)
        return DataInclusionImporter(source, structures, dry_run=dry_run), services
