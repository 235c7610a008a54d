from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TaxonomyConfig(AppConfig):
    name = "taxonomy"
    verbose_name = _("Taxonomies")

    def ready(self):
        from core import content_version

        from .models import BaseTaxonomy

        content_version.watch(BaseTaxonomy)
