"""Who delivers help and where: organisations, places and their opening hours.

Opening hours are relational rows (weekly periods and dated exceptions) so the
directory can filter on them in SQL; ``places.hours`` turns them into answers
("open now?", "next opening", a weekly summary).
"""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.i18n import SOURCE_SLUG
from core.moderation import ModeratedQuerySet, ModeratedSnippet, moderation_help
from core.validators import normalise_phone, validate_https, validate_international_phone

from .forms import OpeningPeriodsPanel, OrganisationForm, PlaceForm
from .geo import communes, distance_km, region_of
from .hours import DatedException, OpeningHours, WeeklyPeriod
from .identifiers import IDENTIFIER_FIELDS, validate_rna, validate_siret, validate_swiss_uid


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


class OpeningPeriod(models.Model):
    """One opening on one weekday, e.g. Monday 9:00–12:00. A split day has two rows."""

    weekday = models.PositiveSmallIntegerField(
        _("day"), choices=Weekday.choices, help_text=_("Day of the week this period applies to.")
    )
    opens = models.TimeField(_("opens at"), help_text=_("Time the doors or lines open."))
    closes = models.TimeField(_("closes at"), help_text=_("Time they close."))
    ends_next_day = models.BooleanField(
        _("ends the next day"),
        default=False,
        help_text=_("Tick for a period past midnight, e.g. night mediators 20:00–02:00."),
    )
    valid_from = models.DateField(
        _("valid from"),
        null=True,
        blank=True,
        help_text=_("Optional: first day these hours apply (e.g. summer timetable)."),
    )
    valid_until = models.DateField(
        _("valid until"),
        null=True,
        blank=True,
        help_text=_("Optional: last day these hours apply."),
    )

    panels = [
        FieldRowPanel([FieldPanel("weekday"), FieldPanel("opens"), FieldPanel("closes")]),
        FieldPanel("ends_next_day"),
        FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_until")]),
    ]

    class Meta:
        abstract = True
        constraints = [
            # The flag and the times agree, so every reader can trust the flag.
            models.CheckConstraint(
                condition=models.Q(ends_next_day=True, closes__lte=models.F("opens"))
                | models.Q(ends_next_day=False, closes__gt=models.F("opens")),
                name="%(app_label)s_%(class)s_ends_next_day_matches_times",
            )
        ]

    def __str__(self):
        return f"{self.get_weekday_display()} {self.opens:%H:%M}–{self.closes:%H:%M}"

    def clean(self):
        super().clean()
        errors = {}
        if self.opens is not None and self.closes is not None:
            if self.ends_next_day and self.closes > self.opens:
                errors["closes"] = _(
                    "A period that ends the next day must close earlier in the clock than "
                    "it opens (e.g. 20:00 to 02:00)."
                )
            elif not self.ends_next_day and self.closes <= self.opens:
                errors["closes"] = _(
                    "The closing time must be after the opening time. For a period past "
                    "midnight, tick “ends the next day”."
                )
        if self.valid_from and self.valid_until and self.valid_until < self.valid_from:
            errors["valid_until"] = _("The last day cannot be before the first day.")
        if errors:
            raise ValidationError(errors)

    def as_weekly_period(self):
        return WeeklyPeriod(
            weekday=self.weekday,
            opens=self.opens,
            closes=self.closes,
            valid_from=self.valid_from,
            valid_until=self.valid_until,
            ends_next_day=self.ends_next_day,
        )


class HoursException(models.Model):
    """Dates when the usual hours do not apply: a closure or special hours."""

    start_date = models.DateField(_("from"), help_text=_("First day of the exception."))
    end_date = models.DateField(
        _("to"),
        null=True,
        blank=True,
        help_text=_("Last day of the exception; leave empty for a single day."),
    )
    closed = models.BooleanField(
        _("closed"),
        default=True,
        help_text=_("Untick to give special opening hours for these dates instead."),
    )
    opens = models.TimeField(
        _("opens at"), null=True, blank=True, help_text=_("Only for special hours.")
    )
    closes = models.TimeField(
        _("closes at"), null=True, blank=True, help_text=_("Only for special hours.")
    )
    reason = models.CharField(
        _("reason"),
        max_length=120,
        blank=True,
        help_text=_("Shown to residents, e.g. “Public holiday”, “Summer closure”."),
    )

    panels = [
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
        FieldPanel("closed"),
        FieldRowPanel([FieldPanel("opens"), FieldPanel("closes")]),
        FieldPanel("reason"),
    ]

    class Meta:
        abstract = True

    def __str__(self):
        return f"{self.start_date}–{self.end_date or self.start_date} {self.reason}".strip()

    def clean(self):
        super().clean()
        errors = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("The last day cannot be before the first day.")
        if not self.closed:
            if self.opens is None:
                errors["opens"] = _("Give the special opening time, or tick “closed”.")
            if self.closes is None:
                errors["closes"] = _("Give the special closing time, or tick “closed”.")
            if self.opens and self.closes and self.closes <= self.opens:
                errors["closes"] = _("The closing time must be after the opening time.")
        if errors:
            raise ValidationError(errors)

    def as_dated_exception(self):
        return DatedException(
            start=self.start_date,
            end=self.end_date or self.start_date,
            closed=self.closed,
            opens=self.opens,
            closes=self.closes,
            reason=self.reason,
        )


def opening_hours_from_rows(periods, exceptions):
    return OpeningHours(
        periods=[period.as_weekly_period() for period in periods],
        exceptions=[exception.as_dated_exception() for exception in exceptions],
    )


COUNTRIES = [("CH", _("Switzerland")), ("FR", _("France"))]


class Commune(models.Model):
    """A commune that services and places can serve, known by its official code: the OFS
    number in Switzerland, the INSEE code in France.

    The same in every language (a proper name and a code), so not translatable. The rows
    come from ``places/data/communes.json`` (loaded by a data migration), which also
    gives each commune's centre and postcodes (``places.geo``).
    """

    country = models.CharField(
        _("country"), max_length=2, choices=COUNTRIES, help_text=_("Country of the commune.")
    )
    code = models.CharField(
        _("official code"),
        max_length=5,
        help_text=_("OFS number in Switzerland (e.g. 6643), INSEE code in France (e.g. 92004)."),
    )
    name = models.CharField(_("name"), max_length=120, help_text=_("Official name."))
    region = models.CharField(
        _("canton or département"),
        max_length=120,
        blank=True,
        help_text=_("e.g. Genève, Hauts-de-Seine."),
    )

    class Meta:
        verbose_name = _("commune")
        verbose_name_plural = _("communes")
        ordering = ["country", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["country", "code"], name="places_commune_unique_code_per_country"
            )
        ]

    def __str__(self):
        return f"{self.name} ({self.code_label})"

    @property
    def code_label(self):
        """``OFS 6643`` or ``INSEE 92004``: the code with the register it belongs to."""
        return f"{'INSEE' if self.country == 'FR' else 'OFS'} {self.code}"

    @property
    def uri(self):
        """The commune in the statistical office's linked data."""
        if self.country == "FR":
            return f"https://id.insee.fr/geo/commune/{self.code}"
        return f"https://ld.admin.ch/municipality/{self.code}"

    def centre(self):
        """Its centre and postcodes (``places.geo.Commune``), None when not shipped."""
        return next(
            (c for c in communes().values() if (c.country, c.code) == (self.country, self.code)),
            None,
        )


def catchment_field(help_text):
    """Which communes a service or place is competent for."""
    return ParentalManyToManyField(
        Commune,
        verbose_name=_("communes served"),
        blank=True,
        related_name="+",
        help_text=help_text,
    )


class Organisation(TranslatableMixin, ModeratedSnippet, index.Indexed, models.Model):
    """Who runs services and places; moderated (``core.moderation``)."""

    class Kind(models.TextChoices):
        COMMUNE = "commune", _("Commune or city service")
        DEPARTMENT = "department", _("Department or canton")
        ASSOCIATION = "association", _("Association or foundation")
        PUBLIC_BODY = "public_body", _("Other public body")

    name = models.CharField(
        _("name"), max_length=200, help_text=_("Full name, e.g. “Ville de Vernier”.")
    )
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=Kind.choices,
        help_text=_("What sort of body runs the services."),
    )
    description = models.TextField(
        _("description"),
        help_text=_(
            "One or two sentences on what it does, for residents and partners' directories."
        ),
    )
    website = models.URLField(
        _("website"),
        blank=True,
        validators=[validate_https],
        help_text=_("Its own website, starting with https://."),
    )
    phone = models.CharField(
        _("phone"),
        max_length=40,
        blank=True,
        validators=[validate_international_phone],
        help_text=_("International format, e.g. +41 22 306 06 60."),
    )
    email = models.EmailField(_("e-mail"), blank=True, help_text=_("A general address."))
    siret = models.CharField(
        _("SIRET number"),
        max_length=20,  # room for the spaces editors type; stored without them
        blank=True,
        validators=[validate_siret],
        help_text=_("France: the 14-digit number of the establishment, e.g. 123 456 789 00012."),
    )
    rna = models.CharField(
        _("RNA number"),
        max_length=12,
        blank=True,
        validators=[validate_rna],
        help_text=_("France, associations: W followed by 9 digits, e.g. W922000123."),
    )
    swiss_uid = models.CharField(
        _("Swiss business identification number (UID)"),
        max_length=20,
        blank=True,
        validators=[validate_swiss_uid],
        help_text=_("Switzerland: CHE-123.456.789, as in the UID register."),
    )

    # Copied to the translations, never offered to translators or machine translation.
    override_translatable_fields = [
        SynchronizedField(name) for name in ("phone", "siret", "rna", "swiss_uid")
    ]
    base_form_class = OrganisationForm

    panels = [
        moderation_help(),
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldPanel("website"), FieldPanel("phone"), FieldPanel("email")],
            heading=_("Contacts"),
        ),
        MultiFieldPanel(
            [FieldPanel("siret"), FieldPanel("rna"), FieldPanel("swiss_uid")],
            heading=_("Official identifiers"),
            help_text=_(
                "Optional: the numbers partners' directories use to recognise the organisation."
            ),
        ),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("kind"),
        index.FilterField("locale_id"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def identifiers(self):
        """``[(kind, value)]``: its official identifiers that are filled in."""
        return [
            (kind, getattr(self, name)) for name, kind in IDENTIFIER_FIELDS if getattr(self, name)
        ]


class PlaceQuerySet(ModeratedQuerySet):
    def reception_points(self):
        """Hubs and antennas: where residents are first received."""
        return self.filter(kind__in=[Place.Kind.HUB, Place.Kind.ANTENNA])

    def serving(self, commune):
        """Places whose catchment area holds ``commune`` (``places.geo.Commune``)."""
        return self.filter(
            communes_served__country=commune.country, communes_served__code=commune.code
        )

    def nearest_to(self, latitude, longitude, limit):
        """``[(place, km)]``: the ``limit`` places closest to the point, as the crow flies."""
        located = self.filter(latitude__isnull=False, longitude__isnull=False)
        ranked = sorted(
            (
                (distance_km(latitude, longitude, float(p.latitude), float(p.longitude)), p)
                for p in located
            ),
            key=lambda pair: pair[0],
        )
        return [(place, km) for km, place in ranked[:limit]]


class Place(TranslatableMixin, ModeratedSnippet, index.Indexed, ClusterableModel):
    """A building residents go to: a social hub, an antenna, a neighbourhood house.

    Moderated (``core.moderation``): its address and hours reach residents once a
    Moderator publishes them.
    """

    class Kind(models.TextChoices):
        HUB = "hub", _("Social hub")
        ANTENNA = "antenna", _("Local antenna")
        NEIGHBOURHOOD_HOUSE = "neighbourhood_house", _("Neighbourhood house")
        TOWN_HALL = "town_hall", _("Town hall or service office")
        PARTNER = "partner", _("Partner premises")

    name = models.CharField(
        _("name"), max_length=200, help_text=_("As on the door, e.g. “Pôle social d’Issy”.")
    )
    slug = models.SlugField(
        _("slug"),
        max_length=120,
        help_text=_("Used in directory addresses; lowercase letters, digits and hyphens."),
    )
    kind = models.CharField(
        _("kind"),
        max_length=30,
        choices=Kind.choices,
        help_text=_("Hubs and antennas are offered first when residents look for the nearest."),
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="places",
        help_text=_("Who runs these premises."),
    )
    street_address = models.CharField(
        _("street and number"), max_length=200, help_text=_("e.g. “4 rue Teddy Riner”.")
    )
    postcode = models.CharField(_("postcode"), max_length=12, help_text=_("e.g. 1214 or 92600."))
    commune = models.CharField(
        _("commune"), max_length=120, help_text=_("e.g. Vernier, Asnières-sur-Seine.")
    )
    country = models.CharField(
        _("country"),
        max_length=2,
        choices=COUNTRIES,
        default="CH",
        help_text=_("Country of the address."),
    )
    region = models.CharField(
        _("canton or département"),
        max_length=120,
        blank=True,
        help_text=_("e.g. Genève, Hauts-de-Seine. Left empty, it is filled in from the postcode."),
    )
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text=_("Decimal degrees, e.g. 46.2171. Used to find the nearest place."),
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        help_text=_("Decimal degrees, e.g. 6.0857."),
    )
    transit = models.TextField(
        _("public transport"),
        blank=True,
        help_text=_("Lines and stops, e.g. “Tram T1, stop Les Courtilles”. One per line."),
    )
    accessibility_features = ParentalManyToManyField(
        "taxonomy.AccessibilityFeature",
        verbose_name=_("accessibility features"),
        blank=True,
        related_name="places",
        help_text=_("Only what is really there and working."),
    )
    accessibility_notes = models.TextField(
        _("accessibility notes"),
        blank=True,
        help_text=_("Anything else a wheelchair user or a blind visitor should know."),
    )
    accessibility_url = models.URLField(
        _("accessibility page"),
        blank=True,
        validators=[validate_https],
        help_text=_(
            "Optional: its page on Acceslibre (France) or an equivalent accessibility "
            "register, starting with https://."
        ),
    )
    communes_served = catchment_field(
        _(
            "The communes whose residents this place receives (its catchment area). "
            "Leave empty if it receives everyone."
        )
    )
    phone = models.CharField(
        _("phone"),
        max_length=40,
        blank=True,
        validators=[validate_international_phone],
        help_text=_("Reception number, international format."),
    )
    email = models.EmailField(_("e-mail"), blank=True, help_text=_("Reception address."))

    objects = PlaceQuerySet.as_manager()

    base_form_class = PlaceForm
    override_translatable_fields = [
        SOURCE_SLUG,
        *(SynchronizedField(name) for name in ("phone", "region", "accessibility_url")),
    ]
    panels = [
        moderation_help(),
        MultiFieldPanel(
            [
                FieldPanel("name"),
                FieldPanel("slug"),
                FieldPanel("kind"),
                FieldPanel("organisation"),
            ],
            heading=_("Place"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("street_address"),
                FieldRowPanel([FieldPanel("postcode"), FieldPanel("commune")]),
                FieldRowPanel([FieldPanel("region"), FieldPanel("country")]),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
                FieldPanel("transit"),
            ],
            heading=_("Address and access"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("accessibility_features", widget=forms.CheckboxSelectMultiple),
                FieldPanel("accessibility_notes"),
                FieldPanel("accessibility_url"),
            ],
            heading=_("Premises accessibility"),
        ),
        FieldPanel("communes_served", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel([FieldPanel("phone"), FieldPanel("email")], heading=_("Contacts")),
        OpeningPeriodsPanel("opening_periods", heading=_("Opening hours"), label=_("period")),
        InlinePanel("hours_exceptions", heading=_("Closures and exceptions"), label=_("exception")),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("commune"),
        index.AutocompleteField("name"),
        index.FilterField("kind"),
        index.FilterField("locale_id"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("place")
        verbose_name_plural = _("places")
        ordering = ["commune", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["slug", "locale"], name="places_place_unique_slug_per_locale"
            )
        ]

    def __str__(self):
        return f"{self.name} ({self.commune})"

    def save(self, *args, **kwargs):
        if not self.region:
            self.region = region_of(self.postcode, self.country)
        return super().save(*args, **kwargs)

    def phone_dialable(self):
        return normalise_phone(self.phone)

    def has_coordinates(self):
        return self.latitude is not None and self.longitude is not None

    def opening_hours(self):
        return opening_hours_from_rows(self.opening_periods.all(), self.hours_exceptions.all())


class PlaceOpeningPeriod(Orderable, OpeningPeriod):
    place = ParentalKey(Place, on_delete=models.CASCADE, related_name="opening_periods")

    class Meta(Orderable.Meta):
        verbose_name = _("opening period")
        verbose_name_plural = _("opening periods")
        constraints = OpeningPeriod.Meta.constraints


class PlaceHoursException(Orderable, HoursException):
    place = ParentalKey(Place, on_delete=models.CASCADE, related_name="hours_exceptions")

    class Meta(Orderable.Meta):
        verbose_name = _("hours exception")
        verbose_name_plural = _("hours exceptions")


class Team(models.Model):
    """The editors of one hub or organisation: they change only its services and places.

    A team is a group of users (Settings → Groups) linked to organisations. Its members'
    rights come from their role's group (Editors, Translators); the team narrows them
    to its organisations' items, in every language (``places.teams``).
    """

    group = models.OneToOneField(
        "auth.Group",
        verbose_name=_("group"),
        on_delete=models.CASCADE,
        related_name="team",
        help_text=_(
            "The group of the team's members (Settings → Groups); give them a role too, "
            "such as Editors."
        ),
    )
    organisations = models.ManyToManyField(
        Organisation,
        verbose_name=_("organisations"),
        related_name="teams",
        help_text=_(
            "Its members see and change only these organisations, their places and their "
            "services, in every language."
        ),
    )

    panels = [
        FieldPanel("group"),
        FieldPanel("organisations", widget=forms.CheckboxSelectMultiple),
    ]

    class Meta:
        verbose_name = _("team")
        verbose_name_plural = _("teams")
        ordering = ["group__name"]

    def __str__(self):
        return self.group.name
