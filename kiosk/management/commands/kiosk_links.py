"""The address each kiosk's launcher opens: the start address with its enrolment key."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from kiosk.models import KioskProfile


class Command(BaseCommand):
    help = (
        "Prints each kiosk's enrolment address, to put in its launcher (docs/kiosk.md). "
        "--rotate SLUG gives that kiosk a new key first: screens using the old address "
        "leave kiosk mode."
    )

    def add_arguments(self, parser):
        parser.add_argument("--rotate", metavar="SLUG", help="Give this kiosk a new key.")
        parser.add_argument(
            "--base-url",
            default=settings.WAGTAILADMIN_BASE_URL,
            help="The site's public address (default: BASE_URL).",
        )

    def handle(self, *args, rotate=None, base_url="", **options):
        if rotate:
            profile = KioskProfile.objects.filter(slug=rotate).first()
            if profile is None:
                raise CommandError(f"No kiosk profile with the short name {rotate!r}.")
            profile.rotate_enrolment_key()
        base_url = base_url.rstrip("/")
        for profile in KioskProfile.objects.order_by("slug"):
            self.stdout.write(f"{profile.slug}\t{base_url}{profile.enrolment_url()}")
