from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

# Services per directory page: enough to scan, few enough for an old phone.
DIRECTORY_PAGE_SIZE = 20


class ServiceIndexPage(Page):
    """The directory root (/fr/services/): every service, filterable."""

    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("One or two sentences above the directory, e.g. how to find help."),
    )

    template = "pages/service_index_page.html"

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
        from .service import ServicePage

        return (
            ServicePage.objects.child_of(self)
            .live()
            .public()
            .filter(locale=self.locale)
            .order_by("title")
        )

    def get_context(self, request, *args, **kwargs):
        from ..directory import directory_context

        context = super().get_context(request, *args, **kwargs)
        context.update(directory_context(self, request))
        return context
