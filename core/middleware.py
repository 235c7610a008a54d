"""Response headers that keep residents' pages self-contained and private."""

# Everything a resident's page loads comes from the site itself: no CDN, web font,
# map tile or analytics. Inline scripts and styles are refused too, so a page can only
# run the site's own reviewed modules. The Wagtail admin has its own policy below.
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
# The Wagtail admin, as strict as it allows: nothing from another origin (no CDN, no
# Gravatar: WAGTAIL_GRAVATAR_PROVIDER_URL is off), no plug-ins, forms only to the site, and
# framed by no one but itself (the preview panel). Wagtail 8 and wagtail-localize still
# write some inline scripts (inline panels, date pickers, the translation editor) and
# inline styles, hence 'unsafe-inline' for scripts and styles; no eval. Uploads are
# previewed from blob: addresses.
ADMIN_CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self' 'unsafe-inline'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "media-src 'self' blob:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "worker-src 'self' blob:",
        "frame-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'self'",
    ]
)
ADMIN_PREFIXES = ("/admin/", "/django-admin/")
# A page previewed in the admin is rendered through the whole middleware stack at its own
# address first, so it arrives with the residents' policy: it keeps it (editors see the
# page as residents will), except that the admin's preview panel may frame it.
PREVIEW_CONTENT_SECURITY_POLICY = RESIDENT_CONTENT_SECURITY_POLICY.replace(
    "frame-ancestors 'none'", "frame-ancestors 'self'"
)


def content_security_policy(path, policy_set=None):
    """The policy a response at ``path`` leaves with, given the one it already has."""
    if not path.startswith(ADMIN_PREFIXES):
        return policy_set or RESIDENT_CONTENT_SECURITY_POLICY
    if policy_set == RESIDENT_CONTENT_SECURITY_POLICY:
        return PREVIEW_CONTENT_SECURITY_POLICY
    return policy_set or ADMIN_CONTENT_SECURITY_POLICY


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers["Content-Security-Policy"] = content_security_policy(
            request.path, response.headers.get("Content-Security-Policy")
        )
        # Residents' devices must not share location, camera or microphone with the site.
        response.headers.setdefault(
            "Permissions-Policy", "geolocation=(), camera=(), microphone=(), interest-cohort=()"
        )
        return response
