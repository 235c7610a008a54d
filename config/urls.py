from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.decorators.cache import cache_control
from django.views.i18n import JavaScriptCatalog
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from .api import api_router

urlpatterns = [
    # Before the admin's own: the second step of signing in (accounts/).
    path("admin/two-factor/", include("accounts.urls")),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path("api/hsds/v3/", include("opendata.hsds.urls")),
    path("kiosk/", include("kiosk.urls")),
    path("", include("opendata.urls")),
]


def media_patterns():
    """Media files for the development server, documents left out: they are served at
    /documents/<id>/<name>, which checks their collection's privacy (docs/privacy.md)."""
    from django.views.static import serve

    prefix = settings.MEDIA_URL.strip("/")
    return [
        re_path(
            rf"^{prefix}/(?!documents/)(?P<path>.+)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]


if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += media_patterns()

urlpatterns += i18n_patterns(
    path("search/", include("search.urls")),
    path("kiosk/", include("kiosk.urls_i18n")),
    # The catalogue changes only with a release: browsers keep it an hour, like the
    # static files whose names carry no hash (docs/deployment.md).
    path(
        "jsi18n/",
        cache_control(public=True, max_age=3600)(JavaScriptCatalog.as_view()),
        name="javascript-catalog",
    ),
    path("report-a-problem/", include("feedback.urls")),
    path("my-list/", include("services_directory.urls")),
    path("open-data/", include("opendata.urls_i18n")),
    path("", include("feedback.urls_pages")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

# The error page reads the emergency numbers from their copy, never from the database.
handler500 = "core.errors.server_error"
