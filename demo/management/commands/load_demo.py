from django.core.management.base import BaseCommand

from demo.loader import DemoLoader


class Command(BaseCommand):
    help = "Builds the demo site (idempotent: existing demo content is left untouched)."

    def handle(self, *args, **options):
        DemoLoader(stdout=self.stdout).load()
