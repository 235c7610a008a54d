"""An optional image on a page, always with its text alternative.

Service, theme and content pages share these two fields; ``components/page_image.html``
renders them as a ``<picture>`` of width-bounded AVIF and WebP renditions with a JPEG
fallback (the page-weight budget in docs/performance.md counts them).
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.images.api.fields import ImageRenditionField

# The largest copy a page shows (components/page_image.html), the one the API gives.
WIDEST = "width-800"


class PageImage(models.Model):
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Optional: a photo or illustration that helps residents recognise the place or "
            "the help. Residents get a lighter copy, never the original file."
        ),
    )
    image_alt = models.CharField(
        _("image description"),
        max_length=250,
        blank=True,
        help_text=_(
            "Required with an image: what it shows, in one sentence, for residents who cannot "
            "see it (screen readers read it aloud). Translators translate it."
        ),
    )

    image_panels = [
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading=_("Image"))
    ]
    # A bounded copy, never the original file.
    image_api_fields = [
        APIField("image", serializer=ImageRenditionField(WIDEST)),
        APIField("image_alt"),
    ]

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.image_id and not self.image_alt.strip():
            raise ValidationError(
                {"image_alt": _("Describe the image for residents who cannot see it.")}
            )
