"""What publishing a page purges from the front cache (``core.frontend_cache``).

When a page is published or unpublished, its address changes in every language it
exists in: its translations and the aliases wagtail-localize keeps in step (a French
publish updates them, and the notice on a translation says the French page changed). A
service is also listed by the directory above it and by the theme pages of its themes,
in each language: those are purged too, with the theme pages of the themes it had before
this publish (a service moved out of a theme leaves that theme's pages).

Nothing here runs, and no query is made, unless a front cache is configured.
"""

import threading

from django.db.models import Q
from django.db.models.signals import pre_save
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished

from core import frontend_cache

from .models.index import ServiceIndexPage
from .models.service import ServicePage
from .models.theme import ThemePage

# Page id -> translation keys of the themes its live row had before a publish saved it.
_themes_before = threading.local()


def theme_keys(pages):
    keys = ServicePage.objects.filter(pk__in=pages).values_list(
        "themes__translation_key", flat=True
    )
    return {key for key in keys if key is not None}


def pages_to_purge(page, former_theme_keys=()):
    """``page`` in every language, and the pages listing it when it is a service."""
    pages = list(
        Page.objects.filter(
            Q(translation_key=page.translation_key)
            | Q(alias_of__translation_key=page.translation_key)
        )
    )
    if issubclass(page.specific_class or Page, ServicePage):
        parents = {each.path[: -Page.steplen] for each in pages}
        pages += ServiceIndexPage.objects.live().filter(path__in=parents)
        keys = theme_keys([each.pk for each in pages]) | set(former_theme_keys)
        pages += ThemePage.objects.live().filter(theme__translation_key__in=keys)
    return pages


def remember_themes(sender, instance, update_fields=None, **kwargs):
    """Before a service's live row is saved (a publish saves all of it), the themes it
    is listed under until then."""
    if (
        frontend_cache.enabled()
        and instance.pk is not None
        and instance.alias_of_id is None
        and update_fields is None
    ):
        remembered = getattr(_themes_before, "pages", None)
        if remembered is None:
            remembered = _themes_before.pages = {}
        remembered[instance.pk] = theme_keys([instance.pk])


def page_changed(sender, instance, **kwargs):
    # An alias is published or unpublished with its source, whose signal purges it.
    if not frontend_cache.enabled() or instance.alias_of_id is not None:
        return
    former = getattr(_themes_before, "pages", {}).pop(instance.pk, ())
    batch = PurgeBatch()
    batch.add_pages(pages_to_purge(instance, former))
    frontend_cache.purge_after_commit(batch.urls)


def connect():
    pre_save.connect(
        remember_themes, sender=ServicePage, dispatch_uid="frontend-cache-remember-themes"
    )
    page_published.connect(page_changed, dispatch_uid="frontend-cache-page-published")
    page_unpublished.connect(page_changed, dispatch_uid="frontend-cache-page-unpublished")
