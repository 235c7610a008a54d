"""What ``import_hsds`` and ``import_data_inclusion`` brought in: which record of which
source became which object."""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportedRecord(models.Model):
    """A record of another directory's open data and the page or snippet made from it:
    importing the same file again updates that object instead of making a twin."""

    source = models.CharField(
        _("source"), max_length=100, help_text=_("Name of the directory the record came from.")
    )
    source_id = models.CharField(
        _("identifier at the source"),
        max_length=200,
        help_text=_("The record's id in the source's data, e.g. its HSDS id."),
    )
    content_type = models.ForeignKey(
        ContentType,
        verbose_name=_("kind of object"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Service page, organisation or place made from the record."),
    )
    object_id = models.PositiveIntegerField(
        _("object"), help_text=_("Primary key of the page or snippet made from the record.")
    )
    digest = models.CharField(
        _("digest"),
        max_length=64,
        help_text=_("Fingerprint of the record last imported: the same, nothing to update."),
    )
    imported_at = models.DateTimeField(
        _("imported at"), auto_now=True, help_text=_("When the record was last imported.")
    )

    class Meta:
        verbose_name = _("imported record")
        verbose_name_plural = _("imported records")
        constraints = [
            models.UniqueConstraint(
                fields=["source", "content_type", "source_id"],
                name="opendata_importedrecord_unique_source_id",
            )
        ]

    def __str__(self):
        return f"{self.source}:{self.source_id}"
