import datetime

from dateutil.relativedelta import relativedelta
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    PageChooserPanel,
    TabbedInterface,
)
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.forms import SameLocalePageForm
from core.i18n import SOURCE_SLUG
from core.images import PageImage
from core.moderation import shown_to_residents
from core.page_cache import ResidentPage
from core.permissions import ItemRulesPage
from core.validators import (
    international_phone,
    normalise_phone,
    validate_https,
    validate_international_phone,
)
from places.forms import OpeningPeriodsPanel
from places.hours import Source, sources_by_place
from places.models import catchment_field, opening_hours_from_rows
from places.teams import BY_ORGANISATION, limit_to_team
from search.documents import VOCABULARY_FIELD, vocabulary_text

from ..blocks import ServiceBodyBlock
from ..serializers import OrganisationField, PlacesField, TermsField
from .querysets import CARD_PREFETCH, ServicePageManager


def default_review_interval():
    return settings.PROXIMA_DEFAULT_REVIEW_INTERVAL_MONTHS


class ServicePageForm(SameLocalePageForm):
    """Checks an editor can only make across several fields; choices in the page's language."""

    REQUIRED_MESSAGES = {
        "themes": _("Choose at least one theme, so residents can find it."),
        "access_modes": _("Choose at least one way to access the service (walk-in, phone…)."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, message in self.REQUIRED_MESSAGES.items():
            if name in self.fields:
                self.fields[name].required = True
                self.fields[name].error_messages["required"] = message
        limit_to_team(self)

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("phone"):
            # A number typed as dialled locally gets the country of its places.
            cleaned_data["phone"] = international_phone(
                cleaned_data["phone"], self.delivery_country()
            )
        if cleaned_data.get("is_suspended") and not cleaned_data.get("suspension_message"):
            self.add_error(
                "suspension_message",
                _("Tell residents why the service is suspended and what to do meanwhile."),
            )
        if cleaned_data.get("cost") in {ServicePage.Cost.REDUCED, ServicePage.Cost.PAID} and not (
            cleaned_data.get("cost_details")
        ):
            self.add_error("cost_details", _("Say how much it costs and who pays less."))
        if cleaned_data.get("fee_amount") is not None and not cleaned_data.get("fee_currency"):
            self.add_error("fee_currency", _("Choose the currency of the amount."))
        return cleaned_data

    def delivery_country(self):
        """The country of the places of delivery chosen, when they are all in one."""
        countries = {
            row.cleaned_data["place"].country
            for row in self.formsets["service_places"].forms
            if row.is_valid() and row.cleaned_data.get("place")
        }
        return countries.pop() if len(countries) == 1 else None


class ServicePage(ItemRulesPage, ResidentPage, PageImage, Page):
    """One form of help: what it is, for whom, how to get it, where and when."""

    # A team changes only its organisations' services (places.teams).
    page_scope = BY_ORGANISATION

    class Cost(models.TextChoices):
        FREE = "free", _("Free of charge")
        REDUCED = "reduced", _("Reduced rate possible")
        PAID = "paid", _("Paid")

    summary = models.TextField(
        _("summary"),
        max_length=300,
        help_text=_(
            "In plain language, one or two sentences: what help, for whom. Shown in search "
            "results and on the directory (300 characters at most)."
        ),
    )
    easy_read_summary = models.TextField(
        _("easy-to-read summary"),
        blank=True,
        help_text=_(
            "Optional: the same in easy-to-read language (short sentences, everyday words, "
            "one idea per line)."
        ),
    )
    keywords = models.TextField(
        _("residents' words"),
        blank=True,
        help_text=_(
            "One word or phrase per line: what residents say or type when they need this "
            "service, its usual nicknames and abbreviations included, e.g. “free lawyer”, "
            "“my husband hits me”. Search uses them; they are not shown on the page."
        ),
    )
    body = StreamField(
        ServiceBodyBlock(),
        verbose_name=_("details"),
        blank=True,
        help_text=_("Everything else: how it works, step-by-step guides, questions…"),
    )
    themes = ParentalManyToManyField(
        "taxonomy.Theme",
        verbose_name=_("themes"),
        related_name="services",
        help_text=_("At least one; residents browse the directory by theme."),
    )
    needs = ParentalManyToManyField(
        "taxonomy.Need",
        verbose_name=_("needs"),
        blank=True,
        related_name="services",
        help_text=_("The situations it helps with, finer than themes, e.g. “Facing eviction”."),
    )
    audiences = ParentalManyToManyField(
        "taxonomy.Audience",
        verbose_name=_("for whom"),
        blank=True,
        related_name="services",
        help_text=_("Leave empty if the service is open to everyone."),
    )
    access_modes = ParentalManyToManyField(
        "taxonomy.AccessMode",
        verbose_name=_("how to access"),
        related_name="services",
        help_text=_("At least one: walk-in, appointment, phone, online, home visit."),
    )
    spoken_languages = ParentalManyToManyField(
        "taxonomy.SpokenLanguage",
        verbose_name=_("languages spoken at the desk"),
        blank=True,
        related_name="services",
        help_text=_("Languages staff or interpreters can use with residents."),
    )
    cost = models.CharField(
        _("cost"),
        max_length=10,
        choices=Cost.choices,
        default=Cost.FREE,
        help_text=_("What residents pay."),
    )
    cost_details = models.CharField(
        _("cost details"),
        max_length=300,
        blank=True,
        help_text=_("Required when not free, e.g. “CHF 20, free for people on social aid”."),
    )
    fee_amount = models.DecimalField(
        _("amount"),
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("Optional: the usual price, e.g. 20 (the cost details explain the rest)."),
    )
    fee_currency = models.CharField(
        _("currency"),
        max_length=3,
        blank=True,
        choices=[("CHF", _("Swiss francs (CHF)")), ("EUR", _("Euros (EUR)"))],
        help_text=_("Currency of the amount."),
    )
    minimum_age = models.PositiveSmallIntegerField(
        _("minimum age"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(120)],
        help_text=_("Optional: the youngest age served, in years, e.g. 18."),
    )
    maximum_age = models.PositiveSmallIntegerField(
        _("maximum age"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(120)],
        help_text=_("Optional: the oldest age served, in years, e.g. 25."),
    )
    communes_served = catchment_field(
        _(
            "The communes whose residents the service is for (its catchment area). Leave "
            "empty to use those of its places; empty there too, it is open to everyone."
        )
    )
    eligibility = RichTextField(
        _("who can use it"),
        blank=True,
        features=["bold", "italic", "link", "ul"],
        help_text=_("Conditions: where one lives, age, income… Say clearly if there are none."),
    )
    organisation = models.ForeignKey(
        "places.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="services",
        help_text=_("Who delivers the service."),
    )
    phone = models.CharField(
        _("phone"),
        max_length=40,
        blank=True,
        validators=[validate_international_phone],
        help_text=_("Number residents call for this service, international format."),
    )
    email = models.EmailField(
        _("e-mail"), blank=True, help_text=_("Address residents write to for this service.")
    )
    booking_url = models.URLField(
        _("appointment booking"),
        blank=True,
        validators=[validate_https],
        help_text=_(
            "Optional: the page where residents book an appointment, starting with https://. "
            "Online procedures (applications, forms) go in “Online procedures”."
        ),
    )
    contact_person = models.CharField(
        _("person in charge"),
        max_length=120,
        blank=True,
        help_text=_("Optional: name of the head of service or contact person."),
    )
    contact_role = models.CharField(
        _("their role"),
        max_length=120,
        blank=True,
        help_text=_("e.g. “Head of service”."),
    )
    last_reviewed = models.DateField(
        _("last checked"),
        default=datetime.date.today,
        help_text=_("Date someone last checked this page with the service. Shown to residents."),
    )
    review_interval_months = models.PositiveSmallIntegerField(
        _("check every (months)"),
        default=default_review_interval,
        validators=[MinValueValidator(1), MaxValueValidator(24)],
        help_text=_("After this many months the page appears in “Services to review”."),
    )
    review_due = models.DateField(
        _("review due"),
        editable=False,
        null=True,
        db_index=True,
        help_text=_("Computed from the last check and the interval."),
    )
    is_sensitive = models.BooleanField(
        _("sensitive subject"),
        default=False,
        help_text=_(
            "Tick for violence and abuse: the page gets an “exit this page” button and a "
            "discreet display."
        ),
    )
    is_suspended = models.BooleanField(
        _("temporarily suspended"),
        default=False,
        help_text=_("Tick when the service is paused; the page stays visible with your message."),
    )
    suspension_message = models.TextField(
        _("suspension message"),
        blank=True,
        help_text=_("Why, until when, and where to go meanwhile."),
    )

    objects = ServicePageManager()

    # Services are what resident search lists first (search.views).
    primary_search_result = True

    template = "pages/service_page.html"
    # How lists show it (core.cards), and what that card reads.
    card_template = "components/service_card.html"
    card_prefetch = CARD_PREFETCH

    base_form_class = ServicePageForm

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("easy_read_summary"),
        FieldPanel("keywords"),
        *PageImage.image_panels,
        FieldPanel("body"),
    ]
    access_panels = [
        MultiFieldPanel(
            [
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
                FieldPanel("needs", widget=forms.CheckboxSelectMultiple),
                FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
                FieldPanel("access_modes", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Classification"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("cost"),
                FieldPanel("cost_details"),
                FieldRowPanel([FieldPanel("fee_amount"), FieldPanel("fee_currency")]),
                FieldPanel("eligibility"),
                FieldRowPanel([FieldPanel("minimum_age"), FieldPanel("maximum_age")]),
            ],
            heading=_("Cost and conditions"),
        ),
        InlinePanel("required_documents", heading=_("Documents to bring"), label=_("document")),
        InlinePanel(
            "online_procedures", heading=_("Online procedures"), label=_("online procedure")
        ),
        FieldPanel("spoken_languages", widget=forms.CheckboxSelectMultiple),
    ]
    where_when_panels = [
        InlinePanel("service_places", heading=_("Where"), label=_("place")),
        FieldPanel("communes_served", widget=forms.CheckboxSelectMultiple),
        OpeningPeriodsPanel(
            "opening_periods",
            heading=_("Hours of this service"),
            label=_("period"),
            help_text=_(
                "Only when they differ from the place's own hours. Choose the place the "
                "period applies to, or none for phone lines and online help."
            ),
        ),
        InlinePanel("hours_exceptions", heading=_("Closures and exceptions"), label=_("exception")),
    ]
    contact_panels = [
        FieldPanel("organisation"),
        FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
        FieldPanel("booking_url"),
        FieldRowPanel([FieldPanel("contact_person"), FieldPanel("contact_role")]),
        InlinePanel("related_services", heading=_("Related services"), label=_("service")),
    ]
    status_panels = [
        FieldRowPanel([FieldPanel("last_reviewed"), FieldPanel("review_interval_months")]),
        FieldPanel("is_sensitive"),
        MultiFieldPanel(
            [FieldPanel("is_suspended"), FieldPanel("suspension_message")],
            heading=_("Suspension"),
        ),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(access_panels, heading=_("Who and how")),
            ObjectList(where_when_panels, heading=_("Where and when")),
            ObjectList(contact_panels, heading=_("Contacts")),
            ObjectList(status_panels, heading=_("Status and review")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )

    # A phone number is the same in every language: wagtail-localize copies it to the
    # translations instead of offering it to translators (or machine translation).
    # So are an amount, its currency and the booking address.
    override_translatable_fields = [
        SOURCE_SLUG,
        *(SynchronizedField(name) for name in ("phone", "fee_currency", "booking_url")),
    ]

    # Boosts sort fields for resident search (search.documents): 2 and more are residents'
    # words, above 1 the summary, the rest the body; the title counts most.
    search_fields = Page.search_fields + [
        index.SearchField("keywords", boost=2),
        index.SearchField(VOCABULARY_FIELD, boost=2),
        index.SearchField("summary", boost=1.5),
        index.SearchField("easy_read_summary", boost=1.5),
        index.SearchField("search_where_text", boost=1.5),
        index.SearchField("body"),
        index.SearchField("eligibility"),
        index.SearchField("required_documents_text"),
        index.AutocompleteField("title"),
        index.FilterField("cost"),
        index.FilterField("is_suspended"),
    ]
    api_fields = [
        APIField("summary"),
        APIField("easy_read_summary"),
        APIField("keywords"),
        *PageImage.image_api_fields,
        APIField("body"),
        APIField("themes", serializer=TermsField()),
        APIField("needs", serializer=TermsField()),
        APIField("audiences", serializer=TermsField()),
        APIField("access_modes", serializer=TermsField()),
        APIField("spoken_languages", serializer=TermsField()),
        APIField("cost"),
        APIField("cost_details"),
        APIField("fee_amount"),
        APIField("fee_currency"),
        APIField("eligibility"),
        APIField("minimum_age"),
        APIField("maximum_age"),
        APIField("organisation", serializer=OrganisationField(source="provider")),
        APIField("phone"),
        APIField("email"),
        APIField("booking_url"),
        APIField("service_places", serializer=PlacesField(source="place_links")),
        APIField("opening_periods"),
        APIField("hours_exceptions"),
        APIField("required_documents"),
        APIField("online_procedures"),
        APIField("last_reviewed"),
        APIField("is_suspended"),
        APIField("suspension_message"),
    ]

    parent_page_types = ["services_directory.ServiceIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("service page")
        verbose_name_plural = _("service pages")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(minimum_age__isnull=True)
                | models.Q(maximum_age__isnull=True)
                | models.Q(minimum_age__lte=models.F("maximum_age")),
                name="services_directory_servicepage_ages_in_order",
            )
        ]

    def save(self, *args, **kwargs):
        self.review_due = self.compute_review_due()
        return super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        errors = {}
        if self.last_reviewed and self.last_reviewed > timezone.localdate():
            errors["last_reviewed"] = _("The last check cannot be in the future.")
        if (
            self.minimum_age is not None
            and self.maximum_age is not None
            and self.minimum_age > self.maximum_age
        ):
            errors["maximum_age"] = _("The maximum age cannot be below the minimum age.")
        if self.cost == self.Cost.FREE and self.fee_amount:
            errors["fee_amount"] = _("A free service has no amount: change the cost or clear it.")
        if errors:
            raise ValidationError(errors)

    def catchment(self):
        """The communes it is competent for: its own, else those of its places residents
        see; empty when it is open to everyone."""
        own = list(self.communes_served.all())
        if own:
            return own
        communes = {}
        for place in self.places():
            for commune in place.communes_served.all():
                communes.setdefault(commune.pk, commune)
        return sorted(communes.values(), key=lambda commune: commune.name)

    def compute_review_due(self):
        if not self.last_reviewed:
            return None
        return self.last_reviewed + relativedelta(months=self.review_interval_months or 1)

    def is_review_overdue(self, today=None):
        return self.review_due is not None and self.review_due < (today or timezone.localdate())

    def phone_dialable(self):
        return normalise_phone(self.phone)

    @classmethod
    def get_indexed_objects(cls):
        return super().get_indexed_objects().with_search_data()

    def search_vocabulary_text(self):
        return vocabulary_text(self)

    def search_taxonomy_terms(self):
        return [*self.themes.all(), *self.audiences.all(), *self.needs.all()]

    def search_where_text(self):
        """Who delivers it and where: residents add a commune or an organisation's name."""
        provider = self.provider()
        names = [provider.name] if provider else []
        names += [f"{place.name} {place.commune}" for place in self.places()]
        return "\n".join(names)

    def required_documents_text(self):
        return "\n".join(
            f"{document.document} {document.details}" for document in self.required_documents.all()
        )

    def provider(self):
        """The organisation residents see: None while it is not published."""
        return shown_to_residents(self.organisation) if self.organisation_id else None

    def place_links(self):
        """The places of delivery residents see (published places only), in order."""
        return [
            link
            for link in self.service_places.all()
            if link.place_id and shown_to_residents(link.place)
        ]

    def places(self):
        return [link.place for link in self.place_links()]

    def opening_hours_for(self, place):
        """The hours that apply at ``place`` (None: hours not tied to a place)."""
        return dict(self.hours_by_place()).get(place)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        today = timezone.localdate()
        context["today_weekday"] = today.weekday()
        context["easy_first"] = bool(self.easy_read_summary) and request.GET.get("easy") == "1"
        context["hours_by_place"] = [
            {
                "place": place,
                "hours": hours,
                "status": hours.status(now),
                "weekly_summary": hours.weekly_summary(),
                "upcoming_exceptions": hours.upcoming_exceptions(today),
            }
            for place, hours in self.hours_by_place()
        ]
        return context

    def overall_status(self, moment):
        """Open now anywhere, else the earliest next opening among its places."""
        statuses = [hours.status(moment) for _place, hours in self.hours_by_place() if hours]
        if not statuses:
            return None
        open_statuses = [status for status in statuses if status.is_open]
        if open_statuses:
            return max(open_statuses, key=lambda status: status.closes_at)
        upcoming = [status for status in statuses if status.next_opening is not None]
        return min(upcoming, key=lambda status: status.next_opening) if upcoming else statuses[0]

    def has_step_free_access(self):
        return any(
            feature.is_step_free
            for place in self.places()
            for feature in place.accessibility_features.all()
        )

    def hours_by_place(self):
        """(place, OpeningHours) at each place of delivery, then (None, hours) for hours
        not tied to a place; whose hours apply is ``places.hours.sources_by_place``."""
        places = {place.pk: place for place in self.places()}
        own_periods = {}
        for period in self.opening_periods.all():
            own_periods.setdefault(period.place_id, []).append(period)
        exceptions = list(self.hours_exceptions.all())
        pairs = []
        for place_id, source in sources_by_place(list(places), own_periods.keys()):
            own_exceptions = [e for e in exceptions if e.place_id in (place_id, None)]
            if source is Source.SERVICE:
                hours = opening_hours_from_rows(own_periods[place_id], own_exceptions)
            else:
                place = places[place_id]
                hours = opening_hours_from_rows(
                    place.opening_periods.all(), [*place.hours_exceptions.all(), *own_exceptions]
                )
            pairs.append((places.get(place_id), hours))
        return pairs


class ServiceRequiredDocument(Orderable):
    page = ParentalKey(ServicePage, on_delete=models.CASCADE, related_name="required_documents")
    document = models.CharField(
        _("document"),
        max_length=200,
        help_text=_("As residents know it, e.g. “Identity card or residence permit”."),
    )
    details = models.CharField(
        _("details"),
        max_length=300,
        blank=True,
        help_text=_("Optional: e.g. “the last three months”."),
    )

    panels = [FieldPanel("document"), FieldPanel("details")]
    api_fields = [APIField("document"), APIField("details")]

    class Meta(Orderable.Meta):
        verbose_name = _("document to bring")
        verbose_name_plural = _("documents to bring")


class ServiceOnlineProcedure(Orderable):
    page = ParentalKey(ServicePage, on_delete=models.CASCADE, related_name="online_procedures")
    title = models.CharField(
        _("title"),
        max_length=160,
        help_text=_("What the resident does there, e.g. “Apply online”."),
    )
    url = models.URLField(
        _("address"),
        validators=[validate_https],
        help_text=_("Official address, starting with https://."),
    )
    description = models.CharField(
        _("description"),
        max_length=300,
        blank=True,
        help_text=_("Optional: what to have ready, e.g. “your AVS number”."),
    )

    panels = [FieldPanel("title"), FieldPanel("url"), FieldPanel("description")]
    api_fields = [APIField("title"), APIField("url"), APIField("description")]

    class Meta(Orderable.Meta):
        verbose_name = _("online procedure")
        verbose_name_plural = _("online procedures")


class RelatedService(Orderable):
    page = ParentalKey(ServicePage, on_delete=models.CASCADE, related_name="related_services")
    service = models.ForeignKey(
        ServicePage,
        verbose_name=_("service"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Another service residents in this situation often need."),
    )

    panels = [PageChooserPanel("service", "services_directory.ServicePage")]

    class Meta(Orderable.Meta):
        verbose_name = _("related service")
        verbose_name_plural = _("related services")
