"""Staff sign-in pages: the second factor (code, set-up, recovery codes) and the lockout."""

import math
from base64 import b32encode

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.html import escape
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from django_otp import devices_for_user
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice

from accounts import two_factor
from accounts.forms import AppCodeForm, CodeForm

sign_in_required = login_required(login_url="wagtailadmin_login")


def next_url(request):
    """Where to go once done: the page asked for, if it is on this site, or the admin."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("wagtailadmin_home")


def with_next(name, request):
    return f"{reverse(name)}?{urlencode({'next': next_url(request)})}"


def complete_sign_in(request, device):
    otp_login(request, device)
    # A new session key once fully signed in (as Django does after the password).
    request.session.cycle_key()


@never_cache
@sign_in_required
@require_http_methods(["GET", "POST"])
def verify(request):
    user = request.user
    if not two_factor.is_enrolled(user):
        return redirect(with_next("accounts:enrol", request))
    if user.is_verified():
        return redirect(next_url(request))
    form = CodeForm(request.POST or None)
    if form.is_valid():
        device = two_factor.verify(user, form.cleaned_data["code"])
        if device is not None:
            complete_sign_in(request, device)
            if isinstance(device, StaticDevice):
                count = two_factor.remaining_recovery_codes(user)
                messages.warning(
                    request,
                    ngettext(
                        "You signed in with a recovery code; it cannot be used again. "
                        "%(count)s code is left: make new ones in your account's "
                        "“Two-factor authentication”.",
                        "You signed in with a recovery code; it cannot be used again. "
                        "%(count)s codes are left: make new ones in your account's "
                        "“Two-factor authentication”.",
                        count,
                    )
                    % {"count": count},
                )
            return redirect(next_url(request))
        refuse(form, wrong_code_message(devices_for_user(user)))
    return render(request, "accounts/verify.html", {"form": form, "next": next_url(request)})


@never_cache
@sign_in_required
@require_http_methods(["GET", "POST"])
def enrol(request):
    user = request.user
    if two_factor.is_enrolled(user) and not user.is_verified():
        # Whoever only knows the password must not add their own app to the account.
        return redirect(with_next("accounts:verify", request))
    device = two_factor.pending_app_device(user)
    form = AppCodeForm(request.POST or None)
    if form.is_valid():
        if two_factor.confirm_app_device(device, form.cleaned_data["code"]):
            complete_sign_in(request, device)
            return recovery_codes_page(request, two_factor.new_recovery_codes(user))
        refuse(form, wrong_code_message([device]))
    secret = b32encode(device.bin_key).decode()
    return render(
        request,
        "accounts/enrol.html",
        {
            "form": form,
            "next": next_url(request),
            "qr_code": otpauth_qr_svg(device.config_url),
            "secret_groups": [secret[start : start + 4] for start in range(0, len(secret), 4)],
        },
    )


@never_cache
@sign_in_required
@require_http_methods(["GET", "POST"])
def manage(request):
    user = request.user
    enrolled = two_factor.is_enrolled(user)
    if request.method == "POST" and enrolled:
        return recovery_codes_page(request, two_factor.new_recovery_codes(user))
    return render(
        request,
        "accounts/manage.html",
        {
            "enrolled": enrolled,
            "required": settings.STAFF_TWO_FACTOR_REQUIRED,
            "remaining_codes": two_factor.remaining_recovery_codes(user),
        },
    )


def refuse(form, message):
    """The field's error, and an empty field to type the next code in."""
    form.add_error("code", message)
    form.data = form.data.copy()
    form.data["code"] = ""


def wrong_code_message(devices):
    if two_factor.is_throttled(devices):
        return _(
            "Too many wrong codes in a row: wait a minute, then type the code your app "
            "shows at that moment."
        )
    return _(
        "This code does not match. Type the code your app shows now (it changes every 30 "
        "seconds), or a recovery code you have not used yet. Check that your phone's time "
        "is right."
    )


def recovery_codes_page(request, codes):
    """Shown once: the codes are not displayed again (only new ones can be made)."""
    return render(
        request,
        "accounts/recovery_codes.html",
        {"codes": codes, "next": next_url(request)},
    )


def otpauth_qr_svg(url):
    """The set-up address as an inline SVG QR code, drawn here and kept nowhere (it holds
    the secret, so it does not go through core.qr's cache)."""
    image = qrcode.make(
        url,
        image_factory=qrcode.image.svg.SvgPathImage,
        error_correction=qrcode.constants.ERROR_CORRECT_M,
    )
    svg = image.to_string(encoding="unicode")
    label = escape(_("QR code to scan with your authenticator app"))
    svg = svg.replace("<svg ", f'<svg class="otp-qr-code" role="img" aria-label="{label}" ', 1)
    return mark_safe(svg)  # drawn by qrcode from our own data; the label is escaped


def lockout(request, original_response=None, credentials=None):
    """django-axes' answer once a user name has failed too often from one address."""
    minutes = math.ceil(settings.AXES_COOLOFF_TIME.total_seconds() / 60)
    return render(request, "accounts/lockout.html", {"minutes": minutes}, status=429)
