"""Builds a site's frame (``SiteLoader``, for ``setup_site``) and the demo site
(``DemoLoader``) from ``demo.data``. Idempotent: what exists is left untouched.

Everything is looked up by a stable key (slug, code or number) in the French locale;
only missing objects are created, so running the loader twice changes nothing, and
an editor's changes to demo content survive a re-run.
"""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale, Page, Site

from core.i18n import source_language
from core.models import ContactSettings, EmergencyNumber
from core.sites import default_site
from home.models import HomePage, SafetySettings, StandardPage
from kiosk.models import KioskProfile
from localization.sync import synchronise_all_trees
from places.hours import closes_next_day
from places.models import (
    Commune,
    Organisation,
    Place,
    PlaceHoursException,
    PlaceOpeningPeriod,
    Team,
)
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

from .data import kiosks, media, pages, places, services, taxonomies
from .media import load_media
from .translated import translate_demo
from .vocabulary import complete_services, fill_blanks, load_vocabulary, service_vocabulary

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
    "image": None,
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


def communes_by_code(country, codes):
    return list(Commune.objects.filter(country=country, code__in=codes))


class SiteLoader:
    """The frame of a site: taxonomies and needs, home page, directory, theme pages,
    contact settings, the other languages' trees and their translations. ``setup_site``
    builds a commune's empty site with it; ``DemoLoader`` adds the demo's content."""

    def __init__(self, stdout=None, name=None, contact=None):
        self.stdout = stdout
        self.created = 0
        self.today = timezone.localdate()
        self.home_fields = {**pages.HOME, **({"title": name} if name else {})}
        self.site_name = name or settings.WAGTAIL_SITE_NAME
        self.contact = contact if contact is not None else {"organisation_name": name}

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
        self.locale, _created = Locale.objects.get_or_create(language_code=source_language())
        self.load_taxonomies()
        self.needs, created = load_vocabulary(self.locale, self.themes, self.audiences)
        self.created += created
        home = self.load_home()
        directory = self.load_directory(home)
        self.load_theme_pages(home)
        self.load_own_content(home, directory)
        self.load_contact_settings(home)
        # Translations first: the synchronisation then makes aliases of the other pages
        # only (an alias that a translation then replaces is work done for nothing).
        self.created += translate_demo(home)
        synchronise_all_trees()
        self.log(f"Site content: {self.created} objects created.")
        return self.created

    def load_own_content(self, home, directory):
        """What a site holds beyond its frame: nothing until its editors write it."""

    # Taxonomies ----------------------------------------------------------------------
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
            home = self.add_page(
                root, HomePage(slug=HOME_SLUG, locale=self.locale, **self.home_fields)
            )
        if not Site.objects.filter(is_default_site=True, root_page=home).exists():
            default_site(home, self.site_name)
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

    # Settings ------------------------------------------------------------------------
    def load_contact_settings(self, home):
        contact = ContactSettings.for_site(Site.objects.get(root_page=home))
        if not contact.organisation_name:
            for field, value in self.contact.items():
                setattr(contact, field, value)
            contact.save()
            self.created += 1


class DemoLoader(SiteLoader):
    """The demo: a site's frame (``SiteLoader``), then places, an image and a document,
    services, content pages, emergency numbers, safety settings and kiosks."""

    def __init__(self, stdout=None):
        super().__init__(stdout, contact=pages.CONTACT)

    def load_own_content(self, home, directory):
        self.load_places()
        self.load_team()
        self.images, self.documents, created = load_media()
        self.created += created
        self.load_services(directory)
        self.created += complete_services(directory, self.needs, self.log)
        self.load_standard_pages(home)
        self.load_emergency_numbers()
        self.load_safety_settings(home)
        self.load_kiosks()

    # Places and pages ----------------------------------------------------------------

    def load_places(self):
        self.organisations = {}
        for key, (name, kind, website, phone, email) in places.ORGANISATIONS.items():
            organisation, _c = self.get_or_create(
                Organisation,
                {"locale": self.locale, "name": name},
                {"kind": kind, "website": website, "phone": phone, "email": email},
            )
            fill_blanks(organisation, places.ORGANISATION_DETAILS.get(key, {}))
            self.organisations[key] = organisation
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
            fill_blanks(place, {"accessibility_url": places.ACCESSIBILITY_PAGES.get(data["slug"])})
            codes = places.PLACE_CATCHMENTS.get(data["slug"], [])
            if codes and not place.communes_served.exists():
                place.communes_served.set(communes_by_code(place.country, codes))
                place.save()
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
        details = dict(services.SERVICE_DETAILS.get(data["slug"], {}))
        country, codes = details.pop("communes", ("", []))
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
            {"type": block_type, "value": self.block_value(block_type, value)}
            for block_type, value in pages.BODIES.get(data["body"] or "", [])
        ]
        image = self.images[data["image"]] if data["image"] else None
        return ServicePage(
            title=data["title"],
            slug=data["slug"],
            locale=self.locale,
            summary=data["summary"],
            easy_read_summary=data["easy_read"],
            body=body,
            image=image,
            image_alt=media.IMAGES[data["image"]]["alt"] if image else "",
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
            communes_served=communes_by_code(country, codes),
            **details,
            **service_vocabulary(data["slug"], self.needs),
        )

    def block_value(self, block_type, value):
        """A body block's value, the demo's documents given by their key."""
        if block_type == "document_link":
            return {**value, "document": self.documents[value["document"]].pk}
        return value

    # Settings ------------------------------------------------------------------------
    def load_emergency_numbers(self):
        for order, (label, number, description) in enumerate(pages.EMERGENCY_NUMBERS):
            self.get_or_create(
                EmergencyNumber,
                {"locale": self.locale, "number": number},
                {"label": label, "description": description, "sort_order": order},
            )

    def load_safety_settings(self, home):
        safety = SafetySettings.for_site(Site.objects.get(root_page=home))
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
