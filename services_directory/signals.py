"""Search documents follow the taxonomies, places and organisations of services.

A service's document holds the names and residents' words of its themes, audiences and
needs in its own language (``search.documents``): when editors change a term or one of
its translations, the pages it describes are indexed again. It also holds the names and
communes of its published places and organisation (``ServicePage.search_where_text``):
their row is written when a Moderator publishes or unpublishes them (a draft is kept in a
revision), and the services they serve are indexed again.
"""

from django.db.models import Q
from django.db.models.signals import post_save
from wagtail.models import Page

from places.models import Organisation, Place
from search.documents import index_pages
from taxonomy.models import BaseTaxonomy

from .models.service import ServicePage
from .models.theme import ThemePage


def described_pages(term):
    key = term.translation_key
    services = ServicePage.objects.filter(
        Q(themes__translation_key=key)
        | Q(audiences__translation_key=key)
        | Q(needs__translation_key=key)
    ).values("pk")
    themes = ThemePage.objects.filter(theme__translation_key=key).values("pk")
    return Page.objects.filter(Q(pk__in=services) | Q(pk__in=themes))


def term_changed(sender, instance, created, **kwargs):
    if isinstance(instance, BaseTaxonomy) and not created:
        index_pages(described_pages(instance))


def served_pages(instance):
    if isinstance(instance, Place):
        return ServicePage.objects.filter(service_places__place=instance)
    return ServicePage.objects.filter(organisation=instance)


def place_or_organisation_changed(sender, instance, created, **kwargs):
    if isinstance(instance, Place | Organisation) and not created:
        index_pages(Page.objects.filter(pk__in=served_pages(instance).values("pk")))


def connect():
    post_save.connect(term_changed, dispatch_uid="search-documents-term-changed")
    post_save.connect(place_or_organisation_changed, dispatch_uid="search-documents-place-changed")
