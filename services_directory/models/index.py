from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from core.forms import SameLocalePageForm
from core.i18n import SOURCE_SLUG
from core.page_cache import ResidentPage
from core.permissions import ItemRulesPage

from ..directory.listing import directory_context
from .service import ServicePage


class ServiceIndexPage(ItemRulesPage, ResidentPage, Page):
    """The directory root (/fr/services/): every service, filterable.

    Wagtail serves a page through its model, so this page sits on top of the directory
    package (``services_directory.directory``), which never imports it.
    """

    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("One or two sentences above the directory, e.g. how to find help."),
    )

    template = "pages/service_index_page.html"
    override_translatable_fields = [SOURCE_SLUG]
    base_form_class = SameLocalePageForm

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    api_fields = [APIField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["services_directory.ServicePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("services directory")
        verbose_name_plural = _("services directories")

    def live_services(self):
        return ServicePage.objects.child_of(self).for_residents(self.locale)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(directory_context(self, request))
        return context
