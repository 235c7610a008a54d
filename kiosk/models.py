"""Kiosk profiles: one per touch screen standing in a hub's lobby."""

import hashlib
import secrets
from urllib.parse import urlencode, urlsplit

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, URLValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

# Addresses under /kiosk/ that are not profiles.
RESERVED_SLUGS = {"exit"}
# WCAG 2.2.1 (Timing adjustable): the visitor can extend the time limit at least ten times.
MIN_EXTENSIONS = 10
ENROLMENT_KEY_BYTES = 32


def new_enrolment_key():
    return secrets.token_urlsafe(ENROLMENT_KEY_BYTES)


def procedure_lines(value):
    return [line.strip() for line in (value or "").splitlines() if line.strip()]


def validate_procedure_urls(value):
    check = URLValidator(schemes=["https"])
    for line in procedure_lines(value):
        try:
            check(line)
        except ValidationError:
            raise ValidationError(
                _("“%(line)s” is not a full address starting with https://. Put one per line."),
                params={"line": line[:200]},
                code="invalid_procedure_url",
            ) from None


def validate_not_reserved(value):
    if value in RESERVED_SLUGS:
        raise ValidationError(
            _("“%(slug)s” is used by the kiosk itself; choose another short name."),
            params={"slug": value},
            code="reserved_slug",
        )


def same_or_below(url, allowed):
    """Whether ``url`` is ``allowed`` or an address under it (same host, path inside)."""
    target, base = urlsplit(url), urlsplit(allowed)
    if target.scheme != "https" or target.hostname != base.hostname or target.port != base.port:
        return False
    base_path = base.path or "/"
    path = target.path or "/"
    if path == base_path or base_path == "/":
        return True
    return path.startswith(base_path if base_path.endswith("/") else base_path + "/")


class KioskProfile(models.Model):
    name = models.CharField(
        _("name"),
        max_length=100,
        help_text=_("To recognise the screen in this list, e.g. “Issy hub – entrance”."),
    )
    slug = models.SlugField(
        _("short name"),
        max_length=50,
        unique=True,
        validators=[validate_not_reserved],
        help_text=_(
            "Goes in the screen's start address /kiosk/<short name>/: lowercase letters, "
            "digits and hyphens. Changing it means setting the screen up again."
        ),
    )
    place = models.ForeignKey(
        "places.Place",
        verbose_name=_("hub"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="kiosk_profiles",
        help_text=_("The hub the screen stands in: its services are shown first."),
    )
    start_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("start page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Optional: the page shown after the language choice, in the chosen language. "
            "Leave empty to show the hub's services, the themes and the search."
        ),
    )
    idle_timeout_seconds = models.PositiveIntegerField(
        _("idle time before the warning (seconds)"),
        default=120,
        validators=[MinValueValidator(30), MaxValueValidator(1800)],
        help_text=_(
            "After this long without a touch or a key, the screen asks whether someone "
            "is still there. Between 30 and 1800 seconds."
        ),
    )
    warning_seconds = models.PositiveIntegerField(
        _("warning time (seconds)"),
        default=30,
        validators=[MinValueValidator(10), MaxValueValidator(300)],
        help_text=_(
            "How long the question stays before the screen starts over and forgets "
            "everything. Between 10 and 300 seconds."
        ),
    )
    max_extensions = models.PositiveSmallIntegerField(
        _("extensions allowed"),
        default=MIN_EXTENSIONS,
        validators=[MinValueValidator(MIN_EXTENSIONS), MaxValueValidator(100)],
        help_text=_(
            "How many times a visitor may ask for more time in a row. At least 10, so "
            "people who read or type slowly are not cut off."
        ),
    )
    has_printer = models.BooleanField(
        _("printer attached"),
        default=False,
        help_text=_("Tick only if a printer is connected: the “Print” button then appears."),
    )
    help_message = models.CharField(
        _("help message"),
        max_length=300,
        blank=True,
        help_text=_("Shown on every screen, e.g. “Need help? Ask at reception, desk 2.”"),
    )
    allowed_procedures = models.TextField(
        _("online procedures that may open"),
        blank=True,
        validators=[validate_procedure_urls],
        help_text=_(
            "One address per line, starting with https://. Links to these addresses (and "
            "pages under them) open on the screen; every other outside link is shown as a "
            "QR code to open on one's phone. Ask your IT team to allow the same addresses "
            "in the screen's browser."
        ),
    )
    # Only the screen's launcher knows it (``manage.py kiosk_links``): a link to the start
    # address alone must not put a resident's own phone in kiosk mode. Not in the admin.
    enrolment_key = models.CharField(
        _("enrolment key"), max_length=64, default=new_enrolment_key, editable=False
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("name"), FieldPanel("slug"), FieldPanel("place"), FieldPanel("start_page")],
            heading=_("Screen"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("idle_timeout_seconds"), FieldPanel("warning_seconds")]),
                FieldPanel("max_extensions"),
            ],
            heading=_("Starting over when nobody is there"),
        ),
        FieldPanel("help_message"),
        FieldPanel("has_printer"),
        FieldPanel("allowed_procedures"),
    ]

    class Meta:
        verbose_name = _("kiosk profile")
        verbose_name_plural = _("kiosk profiles")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("kiosk:start", kwargs={"slug": self.slug})

    def enrolment_url(self):
        """The start address with the key: the one the screen's launcher opens."""
        return f"{self.get_absolute_url()}?{urlencode({'key': self.enrolment_key})}"

    def enrolment_fingerprint(self):
        """Stands for the key in the screen's cookie, which is signed but readable: it
        changes with the key, and does not give the key away."""
        return hashlib.sha256(self.enrolment_key.encode()).hexdigest()[:16]

    def rotate_enrolment_key(self):
        """A new key: every screen enrolled with the old one leaves kiosk mode."""
        self.enrolment_key = new_enrolment_key()
        self.save(update_fields=["enrolment_key"])

    def procedure_urls(self):
        return procedure_lines(self.allowed_procedures)

    def allows(self, url):
        return any(same_or_below(url, allowed) for allowed in self.procedure_urls())
