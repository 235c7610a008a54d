from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse
from wagtail.models import Site

from core.sites import point_site_at

from .ensure_admin import USERNAME


class Command(BaseCommand):
    help = (
        "Gives the default Site the hostname and port of BASE_URL (make run: from PORT), so "
        "links in e-mails, printouts, QR codes, the API and sitemaps all use that address; "
        "then prints the site's and the admin's addresses."
    )

    def handle(self, *args, **options):
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            raise CommandError("No default site yet: run load_demo or setup_site first.")
        try:
            changed = point_site_at(site)
        except ImproperlyConfigured as error:
            raise CommandError(str(error)) from error
        if changed:
            self.stdout.write(f"The site now answers at {site.root_url}.")
        base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        admin = f"Admin: {base}{reverse('wagtailadmin_home')}"
        if get_user_model().objects.filter(username=USERNAME).exists():
            admin += f" (user “{USERNAME}”)"
        self.stdout.write(self.style.SUCCESS(f"Site:  {base}/\n{admin}"))
