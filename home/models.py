from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from core.forms import SameLocalePageForm
from core.i18n import SOURCE_SLUG
from core.images import PageImage
from core.page_cache import ResidentPage
from core.permissions import ItemRulesPage
from services_directory.blocks import TEXT_FEATURES


class HomePage(ItemRulesPage, ResidentPage, Page):
    """The site's front page in each language: search, themes, emergency numbers."""

    intro = models.TextField(
        _("welcome text"),
        max_length=400,
        help_text=_("One or two sentences saying what residents find here, in plain language."),
    )
    search_prompt = models.CharField(
        _("search prompt"),
        max_length=120,
        blank=True,
        help_text=_("Optional label above the search box, e.g. “What do you need help with?”"),
    )

    template = "pages/home_page.html"
    override_translatable_fields = [SOURCE_SLUG]
    base_form_class = SameLocalePageForm

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("search_prompt")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    api_fields = [APIField("intro"), APIField("search_prompt")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "services_directory.ServiceIndexPage",
        "services_directory.ThemePage",
        "home.StandardPage",
    ]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_context(self, request, *args, **kwargs):
        from services_directory.models import ServiceIndexPage, ThemePage

        context = super().get_context(request, *args, **kwargs)
        children = self.get_children().live().public()
        context["theme_pages"] = (
            ThemePage.objects.child_of(self).live().public().select_related("theme")
        )
        context["directory"] = ServiceIndexPage.objects.child_of(self).live().first()
        context["content_pages"] = children.type(StandardPage).specific()
        return context


class StandardPage(ItemRulesPage, ResidentPage, PageImage, Page):
    """A plain content page: about us, accessibility statement, safety advice."""

    intro = models.TextField(
        _("introduction"),
        blank=True,
        max_length=400,
        help_text=_("Optional: a short summary shown under the title."),
    )
    body = RichTextField(
        _("text"),
        features=TEXT_FEATURES,
        help_text=_("The page text. Use headings (H2, then H3) to structure it."),
    )

    template = "pages/standard_page.html"
    override_translatable_fields = [SOURCE_SLUG]
    base_form_class = SameLocalePageForm

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        *PageImage.image_panels,
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    api_fields = [APIField("intro"), *PageImage.image_api_fields, APIField("body")]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("content page")
        verbose_name_plural = _("content pages")


@register_setting(icon="warning")
class SafetySettings(BaseSiteSetting):
    """Where pages on sensitive subjects send residents to read about staying safe."""

    safety_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("staying safe online page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "The page explaining “Exit this page”, browsing history and safe devices. "
            "Linked next to the exit button, in the visitor's language when translated."
        ),
    )

    panels = [PageChooserPanel("safety_page")]

    class Meta:
        verbose_name = _("safety")

    def safety_page_in(self, locale):
        """The safety page in ``locale``, or in the source language until translated."""
        if self.safety_page is None:
            return None
        translated = self.safety_page.get_translation_or_none(locale)
        page = translated if translated is not None and translated.live else self.safety_page
        return page if page.live else None
