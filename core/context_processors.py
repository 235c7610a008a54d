"""What every resident page shows around its content: navigation, emergency numbers.

Everything is lazy: a page that doesn't show a piece doesn't query for it, and each
piece costs one query at most.
"""

from functools import cached_property

from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from wagtail.models import Locale, Page, Site

from core.i18n import in_locale_or_source
from core.models import EmergencyNumber


class SiteChrome:
    def __init__(self, request):
        self.request = request

    @cached_property
    def home(self):
        """The home page in the visitor's language, else the site's root page."""
        site = Site.find_for_request(self.request)
        if site is None:
            return None
        root = site.root_page
        locale = Locale.get_active()
        if root.locale_id == locale.pk:
            return root
        return root.get_translation_or_none(locale) or root

    @cached_property
    def navigation(self):
        if self.home is None:
            return []
        return list(Page.objects.child_of(self.home).live().public().in_menu())

    @cached_property
    def emergency_numbers(self):
        """The published ones in the active language; the source language's until they
        are translated."""
        return in_locale_or_source(EmergencyNumber.objects.for_residents(), Locale.get_active())


def site_chrome(request):
    chrome = SiteChrome(request)
    return {
        # One moment for the whole page, so every "open now" on it agrees.
        "now": timezone.now(),
        "home_page": SimpleLazyObject(lambda: chrome.home),
        "main_navigation": SimpleLazyObject(lambda: chrome.navigation),
        "emergency_numbers": SimpleLazyObject(lambda: chrome.emergency_numbers),
    }
