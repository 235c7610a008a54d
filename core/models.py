from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from .directions import validate_journey_planner_url
from .moderation import ModeratedSnippet, moderation_help
from .validators import normalise_phone, validate_dialable_number, validate_international_phone


@register_setting(icon="site")
class ContactSettings(BaseSiteSetting):
    """The social service's own contact details, shown in every page footer."""

    organisation_name = models.CharField(
        _("service name"),
        max_length=200,
        help_text=_("The name residents know, e.g. “Service de la cohésion sociale”."),
    )
    phone = models.CharField(
        _("phone"),
        max_length=40,
        blank=True,
        validators=[validate_international_phone],
        help_text=_("Main reception number, international format (+41 …, +33 …)."),
    )
    email = models.EmailField(
        _("e-mail"), blank=True, help_text=_("A shared mailbox that someone reads every day.")
    )
    reception_hours = models.CharField(
        _("reception hours"),
        max_length=200,
        blank=True,
        help_text=_(
            "When the phone is answered, e.g. “Monday to Friday, 9:00–12:00 and 13:00–16:00”."
        ),
    )
    postal_address = models.TextField(
        _("address"),
        blank=True,
        help_text=_("Street, postcode and commune, one item per line."),
    )
    contact_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("contact page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Optional page with full contact details and opening hours."),
    )
    journey_planner_url = models.CharField(
        _("journey planner URL"),
        max_length=500,
        blank=True,
        validators=[validate_journey_planner_url],
        help_text=_(
            "Optional. The public-transport planner's address, with {lat} and {lon} (or "
            "{address}) where it expects the destination, e.g. "
            "“https://planner.example.org/?to={lat},{lon}”. Each place's “How to get there” "
            "then links to it, beside OpenStreetMap."
        ),
    )

    panels = [
        FieldPanel("organisation_name"),
        FieldPanel("phone"),
        FieldPanel("reception_hours"),
        FieldPanel("email"),
        FieldPanel("postal_address"),
        PageChooserPanel("contact_page"),
        FieldPanel("journey_planner_url"),
    ]

    class Meta:
        verbose_name = _("contact details")

    def phone_dialable(self):
        return normalise_phone(self.phone)


class EmergencyNumber(TranslatableMixin, ModeratedSnippet, Orderable, index.Indexed):
    """A number residents can call at any time, listed in every page's footer.

    Moderated (``core.moderation``): a change reaches residents once a Moderator
    publishes it.
    """

    label = models.CharField(
        _("label"),
        max_length=80,
        help_text=_("Who answers, e.g. “Police”, “Violence against women (24/7)”."),
    )
    number = models.CharField(
        _("number"),
        max_length=40,
        validators=[validate_dialable_number],
        help_text=_("As dialled: 117, 3919, or +41 … for a full number."),
    )
    description = models.CharField(
        _("description"),
        max_length=200,
        blank=True,
        help_text=_("Optional: when to call, e.g. “free, anonymous, 24 hours a day”."),
    )

    panels = [
        moderation_help(),
        FieldPanel("label"),
        FieldPanel("number"),
        FieldPanel("description"),
    ]
    # The same number in every language: copied, never offered to machine translation.
    override_translatable_fields = [SynchronizedField("number")]
    search_fields = [index.SearchField("label"), index.FilterField("locale_id")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("emergency number")
        verbose_name_plural = _("emergency numbers")
        ordering = ["sort_order"]

    def __str__(self):
        return f"{self.label} – {self.number}"

    def dialable(self):
        return normalise_phone(self.number)
