from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from core.cards import attach_cards
from core.forms import SameLocalePageForm
from core.i18n import SOURCE_SLUG
from core.images import PageImage
from core.page_cache import ResidentPage
from core.permissions import ItemRulesPage
from search.documents import VOCABULARY_FIELD, vocabulary_text

from ..blocks import TEXT_FEATURES
from .index import ServiceIndexPage
from .service import ServicePage


class ThemePage(ItemRulesPage, ResidentPage, PageImage, Page):
    """A landing page for one theme (seniors, disability…) presenting its services."""

    theme = models.ForeignKey(
        "taxonomy.Theme",
        verbose_name=_("theme"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Services with this theme are listed on the page automatically."),
    )
    intro = models.TextField(
        _("introduction"),
        max_length=400,
        help_text=_("In plain language: what kind of help residents find here."),
    )
    body = RichTextField(
        _("text"),
        blank=True,
        features=TEXT_FEATURES,
        help_text=_("Optional: context, rights, partners. Keep it short."),
    )

    template = "pages/theme_page.html"
    override_translatable_fields = [SOURCE_SLUG]
    base_form_class = SameLocalePageForm

    content_panels = Page.content_panels + [
        FieldPanel("theme"),
        FieldPanel("intro"),
        *PageImage.image_panels,
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField(VOCABULARY_FIELD, boost=2),
        index.SearchField("intro", boost=1.5),
        index.SearchField("body"),
    ]
    api_fields = [
        APIField("theme"),
        APIField("intro"),
        *PageImage.image_api_fields,
        APIField("body"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("theme page")
        verbose_name_plural = _("theme pages")

    def search_vocabulary_text(self):
        return vocabulary_text(self)

    def search_taxonomy_terms(self):
        return [self.theme]

    @property
    def is_sensitive(self):
        return self.theme.is_sensitive

    def services(self):
        return (
            ServicePage.objects.for_residents(self.locale).with_theme(self.theme).order_by("title")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        services = list(self.services())
        attach_cards(services, request, timezone.now())
        context["services"] = services
        context["directory"] = ServiceIndexPage.objects.live().filter(locale=self.locale).first()
        return context
