"""Builds the demo site from ``demo.data``. Idempotent: what exists is left untouched.

Everything is looked up by a stable key (slug, code or number) in the French locale;
only missing objects are created, so running the loader twice changes nothing, and
an editor's changes to demo content survive a re-run.
"""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale, Page, Site

from core.models import ContactSettings, EmergencyNumber
from home.models import HomePage, SafetySettings, StandardPage
from kiosk.models import KioskProfile
from localization.sync import synchronise_all_trees
from places.hours import closes_next_day
from places.models import Organisation, Place, PlaceHoursException, PlaceOpeningPeriod, Team
from search import indexing
from services_directory.models import (
    ServiceHoursException,
    ServiceIndexPage,
    ServiceOnlineProcedure,
    ServiceOpeningPeriod,
    ServicePage,
    ServicePlace,
    ServiceRequiredDocument,
    ThemePage,
)
from taxonomy.models import AccessibilityFeature, AccessMode, Audience, SpokenLanguage, Theme

from .data import kiosks, pages, places, services, taxonomies
from .translated import translate_demo
from .vocabulary import complete_services, load_vocabulary, service_vocabulary

HOME_SLUG = "accueil"
DEFAULT_REVIEWED_DAYS_AGO = 30
SERVICE_DEFAULTS = {
    "easy_read": "",
    "audiences": [],
    "cost": "free",
    "cost_details": "",
    "places": [],
    "hours": [],
    "languages": ["fr"],
    "documents": [],
    "procedures": [],
    "eligibility": "",
    "email": "",
    "contact_person": "",
    "contact_role": "",
    "sensitive": False,
    "suspended": "",
    "body": None,
    "reviewed_days_ago": DEFAULT_REVIEWED_DAYS_AGO,
}


def parse_time(value):
    return datetime.time.fromisoformat(value)


def period_times(opens, closes):
    """Opening and closing times from "HH:MM" strings, with whether the period ends the
    next day."""
    opens, closes = parse_time(opens), parse_time(closes)
    return {"opens": opens, "closes": closes, "ends_next_day": closes_next_day(opens, closes)}


def next_occurrence(today, month, day):
    """The next date with this month and day, today included."""
    candidate = datetime.date(today.year, month, day)
    return candidate if candidate >= today else datetime.date(today.year + 1, month, day)


def closures(kind, today):
    """(start, end, reason) closures of a kind, for the coming year."""
    if kind == "christmas":
        start = next_occurrence(today, 12, 24)
        return [(start, datetime.date(start.year + 1, 1, 2), "Fermeture des fêtes de fin d’année")]
    if kind == "summer":
        start = next_occurrence(today, 7, 20)
        return [(start, start + datetime.timedelta(days=20), "Fermeture estivale")]
    if kind == "public_holidays_fr":
        holidays = [
            (12, 25, "Noël"),
            (1, 1, "Jour de l’an"),
            (5, 1, "Fête du Travail"),
            (7, 14, "Fête nationale"),
        ]
        return [
            (next_occurrence(today, month, day), next_occurrence(today, month, day), reason)
            for month, day, reason in holidays
        ]
    raise ValueError(kind)


class DemoLoader:
    def __init__(self, stdout=None):
        self.stdout = stdout
        self.created = 0
        self.today = timezone.localdate()

    def log(self, message):
        if self.stdout is not None:
            self.stdout.write(message)

    def get_or_create(self, model, lookup, defaults):
        instance, created = model.objects.get_or_create(**lookup, defaults=defaults)
        self.created += created
        return instance, created

    def load(self):
        # Every object written below is indexed once, at the end.
        with indexing.deferred():
            return self.load_content()

    @transaction.atomic
    def load_content(self):
        self.locale, _created = Locale.objects.get_or_create(language_code="fr")
        self.load_taxonomies()
        self.needs, created = load_vocabulary(self.locale, self.themes, self.audiences)
        self.created += created
        self.load_places()
        self.load_team()
        home = self.load_home()
        directory = self.load_directory(home)
        self.load_services(directory)
        self.created += complete_services(directory, self.needs, self.log)
        self.load_theme_pages(home)
        self.load_standard_pages(home)
        self.load_emergency_numbers()
        self.load_contact_settings(home)
        self.load_kiosks()
        synchronise_all_trees()
        # After the synchronisation: translations replace the aliases it created.
        self.created += translate_demo(home)
        self.log(f"Demo content: {self.created} objects created.")
        return self.created

    # Taxonomies and places -----------------------------------------------------------
    def load_taxonomies(self):
        self.themes = {}
        for order, (slug, name, icon, description) in enumerate(taxonomies.THEMES):
            self.themes[slug], _c = self.get_or_create(
                Theme,
                {"locale": self.locale, "slug": slug},
                {
                    "name": name,
                    "icon": icon,
                    "description": description,
                    "sort_order": order,
                    "is_sensitive": slug in taxonomies.SENSITIVE_THEMES,
                },
            )
        self.audiences = {}
        for order, (slug, name) in enumerate(taxonomies.AUDIENCES):
            self.audiences[slug], _c = self.get_or_create(
                Audience, {"locale": self.locale, "slug": slug}, {"name": name, "sort_order": order}
            )
        self.access_modes = {}
        for order, (slug, name, kind) in enumerate(taxonomies.ACCESS_MODES):
            self.access_modes[slug], _c = self.get_or_create(
                AccessMode,
                {"locale": self.locale, "slug": slug},
                {"name": name, "kind": kind, "sort_order": order},
            )
        self.languages = {}
        for order, (code, name, name_local) in enumerate(taxonomies.SPOKEN_LANGUAGES):
            self.languages[code], _c = self.get_or_create(
                SpokenLanguage,
                {"locale": self.locale, "slug": code},
                {"name": name, "code": code, "name_local": name_local, "sort_order": order},
            )
        self.features = {}
        for order, (slug, name) in enumerate(taxonomies.ACCESSIBILITY_FEATURES):
            self.features[slug], _c = self.get_or_create(
                AccessibilityFeature,
                {"locale": self.locale, "slug": slug},
                {
                    "name": name,
                    "sort_order": order,
                    "is_step_free": slug == taxonomies.STEP_FREE_FEATURE,
                },
            )

    def load_places(self):
        self.organisations = {}
        for key, (name, kind, website, phone, email) in places.ORGANISATIONS.items():
            self.organisations[key], _c = self.get_or_create(
                Organisation,
                {"locale": self.locale, "name": name},
                {"kind": kind, "website": website, "phone": phone, "email": email},
            )
        self.places = {}
        for data in places.PLACES:
            fields = {
                key: data[key]
                for key in (
                    "name",
                    "kind",
                    "street_address",
                    "postcode",
                    "commune",
                    "country",
                    "latitude",
                    "longitude",
                    "transit",
                    "phone",
                    "email",
                )
            }
            fields["organisation"] = self.organisations[data["organisation"]]
            place, created = self.get_or_create(
                Place, {"locale": self.locale, "slug": data["slug"]}, fields
            )
            self.places[data["slug"]] = place
            if created:
                # A parental many-to-many relation is stored when its place is saved.
                place.accessibility_features.set(self.features[s] for s in data["features"])
                place.save()
                for weekdays, periods in data["hours"]:
                    for weekday in weekdays:
                        for opens, closes in periods:
                            PlaceOpeningPeriod.objects.create(
                                place=place, weekday=weekday, **period_times(opens, closes)
                            )
                for kind in data["closures"]:
                    for start, end, reason in closures(kind, self.today):
                        PlaceHoursException.objects.create(
                            place=place, start_date=start, end_date=end, closed=True, reason=reason
                        )

    def load_team(self):
        """Vernier's editors change only Vernier's services and places (places.teams)."""
        group, _c = self.get_or_create(Group, {"name": places.TEAM["name"]}, {})
        team, _c = self.get_or_create(Team, {"group": group}, {})
        team.organisations.add(*(self.organisations[key] for key in places.TEAM["organisations"]))
        member, _created = self.get_or_create(
            get_user_model(), {"username": places.TEAM["member"]}, {"password": "!"}
        )
        member.groups.add(group, Group.objects.get(name="Editors"))

    # Pages ---------------------------------------------------------------------------
    def add_page(self, parent, page):
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.created += 1
        return page

    def load_home(self):
        home = HomePage.objects.filter(locale=self.locale, depth=2, slug=HOME_SLUG).first()
        root = Page.get_first_root_node()
        if home is None:
            # Wagtail's installation page ("Welcome to your new Wagtail site!") goes away.
            for welcome in root.get_children().filter(content_type__model="page"):
                welcome.delete()
            home = self.add_page(root, HomePage(slug=HOME_SLUG, locale=self.locale, **pages.HOME))
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            Site.objects.create(
                hostname="localhost",
                port=80,
                root_page=home,
                is_default_site=True,
                site_name="Proxima",
            )
            self.created += 1
        elif site.root_page_id != home.pk:
            site.root_page = home
            site.site_name = site.site_name or "Proxima"
            site.save()
            self.created += 1
        return home

    def load_directory(self, home):
        directory = ServiceIndexPage.objects.child_of(home).filter(slug="services").first()
        if directory is None:
            directory = self.add_page(
                home,
                ServiceIndexPage(
                    slug="services", locale=self.locale, show_in_menus=True, **pages.DIRECTORY
                ),
            )
        return directory

    def load_theme_pages(self, home):
        existing = set(ThemePage.objects.child_of(home).values_list("slug", flat=True))
        for slug, name, _icon, description in taxonomies.THEMES:
            if slug in existing:
                continue
            self.add_page(
                home,
                ThemePage(
                    title=name,
                    slug=slug,
                    locale=self.locale,
                    theme=self.themes[slug],
                    intro=description,
                ),
            )

    def load_standard_pages(self, home):
        existing = set(StandardPage.objects.child_of(home).values_list("slug", flat=True))
        for data in pages.STANDARD_PAGES:
            if data["slug"] in existing:
                continue
            self.add_page(
                home,
                StandardPage(
                    title=data["title"],
                    slug=data["slug"],
                    intro=data["intro"],
                    body=data["body"],
                    show_in_menus=data["in_menu"],
                    locale=self.locale,
                ),
            )

    def load_services(self, directory):
        existing = set(ServicePage.objects.child_of(directory).values_list("slug", flat=True))
        for entry in services.SERVICES:
            if entry["slug"] not in existing:
                self.add_page(directory, self.build_service({**SERVICE_DEFAULTS, **entry}))

    def build_service(self, data):
        own_hours = [
            ServiceOpeningPeriod(
                place=self.places[place_slug] if place_slug else None,
                weekday=weekday,
                **period_times(opens, closes),
            )
            for place_slug, weekdays, periods in data["hours"]
            for weekday in weekdays
            for opens, closes in periods
        ]
        exceptions = []
        if any(place_slug is None for place_slug, _w, _p in data["hours"]):
            exceptions = [
                ServiceHoursException(
                    start_date=start, end_date=end, closed=True, reason=reason, place=None
                )
                for start, end, reason in closures("christmas", self.today)
            ]
        body = [
            {"type": block_type, "value": value}
            for block_type, value in pages.BODIES.get(data["body"] or "", [])
        ]
        return ServicePage(
            title=data["title"],
            slug=data["slug"],
            locale=self.locale,
            summary=data["summary"],
            easy_read_summary=data["easy_read"],
            body=body,
            cost=data["cost"],
            cost_details=data["cost_details"],
            eligibility=data["eligibility"],
            organisation=self.organisations[data["organisation"]],
            phone=data["phone"],
            email=data["email"],
            contact_person=data["contact_person"],
            contact_role=data["contact_role"],
            last_reviewed=self.today - datetime.timedelta(days=data["reviewed_days_ago"]),
            is_sensitive=data["sensitive"],
            is_suspended=bool(data["suspended"]),
            suspension_message=data["suspended"],
            themes=[self.themes[slug] for slug in data["themes"]],
            audiences=[self.audiences[slug] for slug in data["audiences"]],
            access_modes=[self.access_modes[slug] for slug in data["access"]],
            spoken_languages=[self.languages[code] for code in data["languages"]],
            service_places=[ServicePlace(place=self.places[slug]) for slug in data["places"]],
            opening_periods=own_hours,
            hours_exceptions=exceptions,
            required_documents=[ServiceRequiredDocument(document=d) for d in data["documents"]],
            online_procedures=[
                ServiceOnlineProcedure(title=title, url=url) for title, url in data["procedures"]
            ],
            **service_vocabulary(data["slug"], self.needs),
        )

    # Settings ------------------------------------------------------------------------
    def load_emergency_numbers(self):
        for order, (label, number, description) in enumerate(pages.EMERGENCY_NUMBERS):
            self.get_or_create(
                EmergencyNumber,
                {"locale": self.locale, "number": number},
                {"label": label, "description": description, "sort_order": order},
            )

    def load_contact_settings(self, home):
        site = Site.objects.get(root_page=home)
        contact = ContactSettings.for_site(site)
        if not contact.organisation_name:
            for field, value in pages.CONTACT.items():
                setattr(contact, field, value)
            contact.save()
            self.created += 1
        safety = SafetySettings.for_site(site)
        if safety.safety_page_id is None:
            safety.safety_page = StandardPage.objects.child_of(home).get(slug=pages.SAFETY_PAGE)
            safety.save()
            self.created += 1

    def load_kiosks(self):
        for data in kiosks.KIOSKS:
            self.get_or_create(
                KioskProfile,
                {"slug": data["slug"]},
                {
                    "name": data["name"],
                    "place": self.places[data["place"]],
                    "has_printer": data["has_printer"],
                    "help_message": data["help_message"],
                    "allowed_procedures": "\n".join(data["procedures"]),
                },
            )
