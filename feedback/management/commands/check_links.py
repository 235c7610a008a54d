from django.core.management.base import BaseCommand

from feedback.links import check_links


class Command(BaseCommand):
    help = (
        "Checks every outside link of the live pages (online procedures, organisations' "
        "sites, links in text and blocks) and stores the answers for the admin's "
        '"Broken links" report (run daily or weekly, feedback/links.py).'
    )

    def handle(self, *args, **options):
        broken = check_links()
        self.stdout.write(f"{broken} broken links.")
