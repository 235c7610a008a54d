"""Directory memberships kept in memory are marked out of date whenever their sources change."""

from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import post_page_move

from places.models import Place, PlaceHoursException, PlaceOpeningPeriod
from taxonomy.models import AccessibilityFeature, AccessMode, Audience, SpokenLanguage, Theme

from .directory.memberships import bump_version
from .models import ServiceHoursException, ServiceOpeningPeriod, ServicePlace

SOURCES = (
    Page,
    PageViewRestriction,
    ServicePlace,
    ServiceOpeningPeriod,
    ServiceHoursException,
    Place,
    PlaceOpeningPeriod,
    PlaceHoursException,
    Theme,
    Audience,
    AccessMode,
    SpokenLanguage,
    AccessibilityFeature,
)


def source_changed(sender, instance, **kwargs):
    if isinstance(instance, SOURCES):
        bump_version()


def connect():
    post_save.connect(source_changed, dispatch_uid="directory-memberships-save")
    post_delete.connect(source_changed, dispatch_uid="directory-memberships-delete")
    m2m_changed.connect(source_changed, dispatch_uid="directory-memberships-m2m")
    post_page_move.connect(bump_version, dispatch_uid="directory-memberships-move")
