"""Response headers that keep residents' pages self-contained and private."""

# Everything a resident's page loads comes from the site itself: no CDN, web font,
# map tile or analytics. Inline scripts and styles are refused too, so a page can only
# run the site's own reviewed modules. The Wagtail admin needs inline code and is
# exempt (editors are authenticated staff).
RESIDENT_CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "manifest-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
EXEMPT_PREFIXES = ("/admin/", "/django-admin/")


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not request.path.startswith(EXEMPT_PREFIXES):
            response.headers.setdefault("Content-Security-Policy", RESIDENT_CONTENT_SECURITY_POLICY)
        # Residents' devices must not share location, camera or microphone with the site.
        response.headers.setdefault(
            "Permissions-Policy", "geolocation=(), camera=(), microphone=(), interest-cohort=()"
        )
        return response
