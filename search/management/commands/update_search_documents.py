from django.core.management.base import BaseCommand

from search.documents import rebuild
from search.models import SearchDocument


class Command(BaseCommand):
    help = (
        "Writes the resident search's documents of every live page afresh (after an upgrade "
        "that changes how text is analysed, or a restore). Publishing keeps them current."
    )

    def handle(self, *args, **options):
        rebuild()
        self.stdout.write(f"{SearchDocument.objects.count()} search documents written.")
