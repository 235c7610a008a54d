from django.apps import AppConfig


class LocalizationConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "localization"

    def ready(self):
        from wagtail.signals import page_published

        from .taxonomies import on_page_published

        page_published.connect(on_page_published, dispatch_uid="localise_taxonomies")
