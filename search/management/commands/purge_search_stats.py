from django.conf import settings
from django.core.management.base import BaseCommand

from search.models import ZeroResultSearch


class Command(BaseCommand):
    help = "Deletes search statistics older than SEARCH_STATS_RETENTION_DAYS (run daily)."

    def handle(self, *args, **options):
        deleted = ZeroResultSearch.purge()
        days = settings.SEARCH_STATS_RETENTION_DAYS
        self.stdout.write(f"{deleted} daily counts older than {days} days deleted.")
