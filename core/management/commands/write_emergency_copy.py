from django.core.management.base import BaseCommand

from core import emergency_copy


class Command(BaseCommand):
    help = (
        "Writes the copy of the emergency numbers that the error page (500) shows without "
        "the database. Saving a number in the admin writes it too; run this at each deploy."
    )

    def handle(self, *args, **options):
        path = emergency_copy.write()
        count = len(emergency_copy.read())
        self.stdout.write(f"{count} emergency numbers written to {path}.")
