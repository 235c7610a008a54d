"""Kiosk screens: start, language choice, home, offline page, service worker."""

from django.conf import settings
from django.contrib.staticfiles import finders
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.crypto import constant_time_compare
from django.utils.translation import get_language, get_language_info
from django.views.decorators.cache import never_cache
from wagtail.models import Locale

from core.cards import attach_cards
from core.moderation import shown_to_residents
from places.models import Place
from services_directory.models import ServiceIndexPage, ServicePage, ThemePage

from .middleware import forget_profile, remember_profile
from .models import KioskProfile

# Directory pages kept for offline use, beyond the first.
DIRECTORY_PAGES_CACHED = 2
KIOSK_ASSETS = (
    "css/main.css",
    "css/kiosk.css",
    "img/favicon.svg",
    "js/display-early.js",
    "js/i18n.js",
    "js/search-autocomplete.js",
    "js/tools/display-settings.js",
    "js/tools/print.js",
    "js/tools/exit-page.js",
    "js/kiosk/idle.js",
    "js/kiosk/reset.js",
    "js/kiosk/offline.js",
    "js/kiosk/register.js",
    # The language choice names Tamil and Tigrinya in their own scripts on every screen.
    "fonts/noto-sans-tamil-name.woff2",
    "fonts/noto-sans-ethiopic-name.woff2",
)
# Scripts that common systems lack: their stylesheet and font, kept for their language.
LANGUAGE_FONT_ASSETS = {
    "ta": ("css/fonts-ta.css", "fonts/noto-sans-tamil.woff2"),
    "ti": ("css/fonts-ti.css", "fonts/noto-sans-ethiopic.woff2"),
}


def kiosk_profile_or_404(request):
    if request.kiosk_profile is None:
        raise Http404("Not in kiosk mode.")
    return request.kiosk_profile


def may_enrol(request, profile):
    """Whether this browser may start ``profile``'s kiosk mode: it comes with the key (the
    launcher's address), or it is that kiosk already (“Start over”)."""
    if not settings.KIOSK_ENROLMENT_KEY_REQUIRED:
        return True
    key = request.GET.get("key", "")
    if key and constant_time_compare(key, profile.enrolment_key):
        return True
    return request.kiosk_profile is not None and request.kiosk_profile.pk == profile.pk


@never_cache
def start(request, slug):
    """Puts this browser in kiosk mode for the profile and forgets any previous visit."""
    profile = get_object_or_404(KioskProfile, slug=slug)
    if not may_enrol(request, profile):
        # A link to the start address must not turn a resident's phone into a kiosk,
        # which hides "Exit this page" and rewrites links.
        return render(request, "kiosk/not_enrolled.html", status=403)
    # Redirected, so that the key does not stay in the address or the history.
    response = redirect("kiosk:languages")
    remember_profile(response, profile)
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        request.session.flush()
    return response


@never_cache
def leave(request):
    """For staff: back to the ordinary site in this browser."""
    response = redirect("/")
    forget_profile(response)
    # Also drops the kiosk's service worker, its kept pages and anything left in storage.
    response["Clear-Site-Data"] = '"cache", "storage"'
    return response


def languages(request):
    kiosk_profile_or_404(request)
    choices = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            url = reverse("kiosk_home")
        info = get_language_info(code)
        choices.append(
            {"code": code, "name_local": info["name_local"], "bidi": info["bidi"], "url": url}
        )
    return render(request, "kiosk/languages.html", {"choices": choices})


def hub_of(profile, locale):
    """The kiosk's hub as residents see it: its published translation in ``locale``, else
    the published hub; None without a hub, or while the hub is not published."""
    hub = shown_to_residents(profile.place) if profile.place_id else None
    if hub is None:
        return None
    translated = Place.objects.for_residents().filter(
        translation_key=hub.translation_key, locale=locale
    )
    return translated.first() or hub


def hub_services(request, place, locale, now):
    """The hub's own services in ``locale``, as cards showing today's hours there."""
    if place is None:
        return []
    services = list(ServicePage.objects.for_residents(locale).delivered_at(place).order_by("title"))
    attach_cards(services, request, now, heading_level=3, place=place)
    return services


def home(request):
    profile = kiosk_profile_or_404(request)
    locale = Locale.get_active()
    if profile.start_page_id:
        start_page = profile.start_page.get_translation_or_none(locale) or profile.start_page
        return redirect(start_page.get_url(request))
    hub = hub_of(profile, locale)
    context = {
        "hub": hub,
        "hub_services": hub_services(request, hub, locale, timezone.now()),
        "theme_pages": ThemePage.objects.live().public().filter(locale=locale).order_by("path"),
        "directory": ServiceIndexPage.objects.live().filter(locale=locale).first(),
    }
    return render(request, "kiosk/home.html", context)


def offline(request):
    return render(request, "kiosk/offline.html")


def precache(request):
    """What the service worker keeps for the active language, for when the network drops."""
    profile = kiosk_profile_or_404(request)
    locale = Locale.get_active()
    urls = [reverse("kiosk:languages"), reverse("kiosk_home"), reverse("kiosk_offline")]
    hub = hub_of(profile, locale)
    if hub is not None:
        services = ServicePage.objects.for_residents(locale).delivered_at(hub)
        urls += [service.url for service in services.order_by("title")]
    directory = ServiceIndexPage.objects.live().filter(locale=locale).first()
    if directory is not None:
        urls.append(directory.url)
        urls += [f"{directory.url}?page={n}" for n in range(2, DIRECTORY_PAGES_CACHED + 1)]
    if profile.start_page_id:
        start_page = profile.start_page.get_translation_or_none(locale) or profile.start_page
        urls.append(start_page.url)
    urls.append(reverse("javascript-catalog"))
    urls += [static(path) for path in KIOSK_ASSETS + LANGUAGE_FONT_ASSETS.get(get_language(), ())]
    return JsonResponse({"language": get_language(), "urls": list(dict.fromkeys(urls))})


def service_worker(request):
    """The worker's script, served from /kiosk/ but allowed to control the whole site."""
    response = FileResponse(
        open(finders.find("js/kiosk/sw.js"), "rb"),  # noqa: SIM115 - FileResponse closes it
        content_type="text/javascript",
    )
    response["Service-Worker-Allowed"] = "/"
    return response
