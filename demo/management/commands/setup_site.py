import zoneinfo

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from demo.loader import SiteLoader


class Command(BaseCommand):
    help = (
        "Creates an empty, real site for a commune going live: home page, directory, theme "
        "pages, every language's tree, contact settings, on the migrated database (which "
        "holds the locales, the groups and the moderation workflow). No demo content. "
        "Idempotent: what exists is left untouched."
    )

    def add_arguments(self, parser):
        parser.add_argument("--name", required=True, help="The site's and the service's name.")
        parser.add_argument(
            "--time-zone",
            required=True,
            help="Where the opening hours are read, e.g. Europe/Zurich: TIME_ZONE must say it.",
        )

    def handle(self, *args, name, time_zone, **options):
        try:
            zoneinfo.ZoneInfo(time_zone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError) as error:
            raise CommandError(f"Unknown time zone: {time_zone}.") from error
        if time_zone != settings.TIME_ZONE:
            # Opening hours are read in the settings' zone: a site set up for another one
            # would tell residents a place is open when it is closed.
            raise CommandError(
                f"The settings read the hours in {settings.TIME_ZONE}: set "
                f"TIME_ZONE={time_zone} in the environment, then run setup_site again."
            )
        if not name.strip():
            raise CommandError("Give the site a name.")
        SiteLoader(stdout=self.stdout, name=name.strip()).load()
