"""Two-factor authentication for staff: an authenticator app (TOTP) and recovery codes.

Built on django-otp's devices: one confirmed ``TOTPDevice`` (the app) and one
``StaticDevice`` whose tokens are the recovery codes, each usable once. Both are
throttled by django-otp (each failure doubles the wait before the next try).
"""

from django.conf import settings
from django.db import transaction
from django_otp import devices_for_user, user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

RECOVERY_CODES = 10
APP_DEVICE_NAME = "authenticator app"
RECOVERY_DEVICE_NAME = "recovery codes"


def is_enrolled(user):
    return user_has_device(user, confirmed=True)


def must_verify(user):
    """Whether this signed-in user still has to give a code (or set up a device first)."""
    if not user.is_authenticated or user.is_verified():
        return False
    return settings.STAFF_TWO_FACTOR_REQUIRED or is_enrolled(user)


def pending_app_device(user):
    """The authenticator app being set up: kept unconfirmed until a first code matches."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)
    return device


def normalise(code):
    """Codes as people type them: spaces and dashes between groups, any case."""
    return "".join(code.split()).replace("-", "").lower()


def verify(user, code):
    """The confirmed device that accepts ``code`` (each recovery code only once), or None."""
    code = normalise(code)
    if not code:
        return None
    with transaction.atomic():
        for device in devices_for_user(user, confirmed=True, for_verify=True):
            if device.verify_token(code):
                return device
    return None


def is_throttled(devices):
    """Whether django-otp makes the person wait after wrong codes (the wait doubles)."""
    return any(not device.verify_is_allowed()[0] for device in devices)


@transaction.atomic
def confirm_app_device(device, code):
    """Confirms the app being set up if ``code`` matches; it replaces any previous app."""
    if not device.verify_token(normalise(code)):
        return False
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save()
    return True


@transaction.atomic
def new_recovery_codes(user):
    """A new set of recovery codes; the previous ones stop working."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY_DEVICE_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _index in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def remaining_recovery_codes(user):
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


@transaction.atomic
def reset(user):
    """Removes every device: the person sets up a new one at their next sign-in."""
    count = 0
    for device in devices_for_user(user, confirmed=None):
        device.delete()
        count += 1
    return count
