"""The shared vocabularies residents filter the directory by, and find help with.

One concrete model per facet on an abstract base (name, slug, description, residents'
words, order), all translatable snippets: each locale has its own copy, and slugs are
unique per locale. Needs are finer than themes: the situations residents are in.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.forms import SameLocaleModelForm
from core.i18n import SOURCE_SLUG

from . import datainclusion

DATAINCLUSION_SYNCHRONISED = SynchronizedField("datainclusion_code")


def datainclusion_field(choices):
    """The term's code in data·inclusion's vocabulary: the same in every language."""
    return models.CharField(
        _("data·inclusion code"),
        max_length=150,
        blank=True,
        choices=choices,
        help_text=_(
            "What France's data·inclusion hub (which feeds DORA and other directories) calls "
            "this: the open-data export describes services with it. Leave empty when "
            "nothing fits."
        ),
    )


class BaseTaxonomy(TranslatableMixin, index.Indexed, models.Model):
    name = models.CharField(
        _("name"),
        max_length=120,
        help_text=_("As residents will read it, e.g. “Seniors”. Keep it short."),
    )
    slug = models.SlugField(
        _("slug"),
        max_length=120,
        help_text=_(
            "Used in shareable directory addresses. Lowercase letters, digits and hyphens; "
            "keep the same slug in every language if you can."
        ),
    )
    description = models.TextField(
        _("description"),
        blank=True,
        help_text=_("Optional: one or two sentences shown where the term is explained."),
    )
    # One word or phrase per line, in the item's language: translated with the rest
    # (wagtail-localize offers the whole list as one text to translate).
    keywords = models.TextField(
        _("residents' words"),
        blank=True,
        help_text=_(
            "One word or phrase per line: what residents say or type when they look for "
            "this, everyday words, abbreviations and common misspellings included, e.g. "
            "“unpaid rent”, “bailiff”, “my landlord wants me out”. Search uses them to "
            "lead residents here."
        ),
    )
    sort_order = models.PositiveIntegerField(
        _("order"),
        default=0,
        help_text=_("Lower numbers are listed first in filters and menus."),
    )

    override_translatable_fields = [SOURCE_SLUG]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("locale_id"),
    ]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name


def unique_slug_per_locale(model_name):
    return [
        models.UniqueConstraint(
            fields=["slug", "locale"], name=f"taxonomy_{model_name}_unique_slug_per_locale"
        )
    ]


class Theme(BaseTaxonomy):
    icon = models.CharField(
        _("icon"),
        max_length=40,
        blank=True,
        help_text=_("Name of the pictogram shown on theme tiles (see the design guide)."),
    )
    is_sensitive = models.BooleanField(
        _("sensitive theme"),
        default=False,
        help_text=_("Tick for violence and abuse: the theme page gets an “exit this page” button."),
    )

    # The same pictogram in every language: copied to translations, never offered to
    # translators or machine translation (which would turn "home" into another word).
    override_translatable_fields = [SOURCE_SLUG, SynchronizedField("icon")]

    class Meta(BaseTaxonomy.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        constraints = unique_slug_per_locale("theme")


class Audience(BaseTaxonomy):
    datainclusion_code = datainclusion_field(datainclusion.AUDIENCE_CODES)

    override_translatable_fields = [SOURCE_SLUG, DATAINCLUSION_SYNCHRONISED]

    class Meta(BaseTaxonomy.Meta):
        verbose_name = _("audience")
        verbose_name_plural = _("audiences")
        constraints = unique_slug_per_locale("audience")


class AccessMode(BaseTaxonomy):
    class Kind(models.TextChoices):
        WALK_IN = "walk_in", _("Walk-in")
        APPOINTMENT = "appointment", _("By appointment")
        PHONE = "phone", _("By phone")
        ONLINE = "online", _("Online")
        HOME_VISIT = "home_visit", _("Home visit")

    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=Kind.choices,
        help_text=_("What this way of access is, whatever its wording in each language."),
    )

    class Meta(BaseTaxonomy.Meta):
        verbose_name = _("access mode")
        verbose_name_plural = _("access modes")
        constraints = unique_slug_per_locale("accessmode")


class SpokenLanguage(BaseTaxonomy):
    code = models.CharField(
        _("ISO 639 code"),
        max_length=12,
        help_text=_("The language's ISO 639 code, e.g. “fr”, “ar”, “ti”."),
    )
    name_local = models.CharField(
        _("name in the language itself"),
        max_length=80,
        help_text=_("How speakers write it, e.g. “Español”, “العربية”, “ትግርኛ”."),
    )

    # A code and a self-name are the same in every language.
    override_translatable_fields = [
        SOURCE_SLUG,
        SynchronizedField("code"),
        SynchronizedField("name_local"),
    ]

    class Meta(BaseTaxonomy.Meta):
        verbose_name = _("language spoken")
        verbose_name_plural = _("languages spoken")
        constraints = unique_slug_per_locale("spokenlanguage")


class AccessibilityFeature(BaseTaxonomy):
    is_step_free = models.BooleanField(
        _("step-free access"),
        default=False,
        help_text=_(
            "Tick when this feature lets a wheelchair user get in (level entrance, ramp or "
            "lift): services at places with it get a “Step-free access” badge."
        ),
    )

    class Meta(BaseTaxonomy.Meta):
        verbose_name = _("accessibility feature")
        verbose_name_plural = _("accessibility features")
        constraints = unique_slug_per_locale("accessibilityfeature")


class Need(BaseTaxonomy):
    """A situation a resident is in, finer than a theme (data·inclusion's « besoins »):
    « Menace d’expulsion » rather than « Logement »."""

    theme = models.ForeignKey(
        "taxonomy.Theme",
        verbose_name=_("theme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="needs",
        help_text=_(
            "Where residents would look for this situation, e.g. “Housing” for “Facing eviction”."
        ),
    )
    datainclusion_code = datainclusion_field(datainclusion.NEED_CODES)

    base_form_class = SameLocaleModelForm
    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("theme"),
        FieldPanel("description"),
        FieldPanel("keywords"),
        FieldPanel("datainclusion_code"),
        FieldPanel("sort_order"),
    ]
    override_translatable_fields = [SOURCE_SLUG, DATAINCLUSION_SYNCHRONISED]

    class Meta(BaseTaxonomy.Meta):
        verbose_name = _("need")
        verbose_name_plural = _("needs")
        constraints = unique_slug_per_locale("need")
