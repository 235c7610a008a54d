"""Staff give a code from an authenticator app (or a recovery code) after their password."""

import json
import os
import re
import subprocess
import sys
from base64 import b32decode, b32encode
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import two_factor

from .conftest import PASSWORD

pytestmark = pytest.mark.django_db

SET_UP = "/admin/two-factor/set-up/"
VERIFY = "/admin/two-factor/verify/"


def current_code(key_b32):
    return f"{totp(b32decode(key_b32)):06d}"


def enrolled(user):
    """The user with a confirmed app; returns the app's key and the recovery codes."""
    device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    return b32encode(device.bin_key).decode(), two_factor.new_recovery_codes(user)


@override_settings(STAFF_TWO_FACTOR_REQUIRED=True)
def test_without_a_device_staff_set_one_up_before_reaching_the_admin(editor, client):
    response = client.post("/admin/login/", {"username": "camille", "password": PASSWORD})
    assert client.get("/admin/").url == f"{SET_UP}?next=%2Fadmin%2F"
    # Not a way round: previews, the API and the site need the second factor too.
    assert client.get("/api/v2/pages/").url.startswith(SET_UP)

    page = client.get(f"{SET_UP}?next=/admin/pages/")
    assert page.status_code == 200
    assert "<svg" in page.text and "otp-qr-code" in page.text
    key = "".join(
        re.search(r'class="otp-secret" dir="ltr">([A-Z2-7 ]+)<', page.text).group(1).split()
    )
    refused = client.post(SET_UP, {"code": "000000", "next": "/admin/"})
    assert refused.status_code == 200 and 'aria-invalid="true"' in refused.text
    assert client.get("/admin/").status_code == 302, "a wrong code turns nothing on"
    # django-otp makes the next try wait (1 s, then doubling): even the right code.
    throttled = client.post(SET_UP, {"code": current_code(key)})
    assert 'aria-invalid="true"' in throttled.text
    TOTPDevice.objects.filter(user=editor).update(throttling_failure_timestamp=None)

    response = client.post(SET_UP, {"code": current_code(key), "next": "/admin/pages/"})
    codes = re.findall(r"<li><code>([a-z2-7]+)</code></li>", response.text)
    assert len(codes) == two_factor.RECOVERY_CODES
    assert response["Cache-Control"].startswith("max-age=0")
    assert 'href="/admin/pages/"' in response.text
    assert client.get("/admin/").status_code == 200
    assert sorted(StaticToken.objects.values_list("token", flat=True)) == sorted(codes)


@override_settings(STAFF_TWO_FACTOR_REQUIRED=True)
def test_after_the_password_the_app_code_is_asked(editor, client):
    key, _codes = enrolled(editor)
    client.post("/admin/login/", {"username": "camille", "password": PASSWORD})
    assert client.get("/admin/pages/").url == f"{VERIFY}?next=%2Fadmin%2Fpages%2F"
    refused = client.post(VERIFY, {"code": "123456"})
    assert refused.status_code == 200 and 'aria-invalid="true"' in refused.text
    assert "123456" not in refused.text, "the field is emptied for the next code"
    TOTPDevice.objects.filter(user=editor).update(throttling_failure_timestamp=None)
    response = client.post(VERIFY, {"code": current_code(key), "next": "/admin/pages/"})
    assert response.url == "/admin/pages/"
    assert client.get("/admin/").status_code == 200


def test_a_recovery_code_works_once_even_where_two_factor_is_optional(editor, client):
    _key, codes = enrolled(editor)
    client.force_login(editor)
    assert client.get("/admin/").url.startswith(VERIFY), "set up: asked even when optional"
    spaced = f"{codes[0][:4]} {codes[0][4:].upper()}"
    assert client.post(VERIFY, {"code": spaced}).url == "/admin/"
    assert client.get("/admin/").status_code == 200

    client.logout()
    client.force_login(editor)
    client.post(VERIFY, {"code": codes[0]})
    assert client.get("/admin/").url.startswith(VERIFY)


def test_the_password_alone_cannot_add_another_app(editor, client):
    enrolled(editor)
    client.force_login(editor)
    assert client.get(SET_UP).url.startswith(VERIFY)
    assert client.post(SET_UP, {"code": "000000"}).url.startswith(VERIFY)
    assert TOTPDevice.objects.filter(user=editor).count() == 1


def test_where_optional_staff_without_a_device_reach_the_admin(editor, client):
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/two-factor/").status_code == 200


def test_new_recovery_codes_replace_the_old_ones(editor, client):
    key, old_codes = enrolled(editor)
    client.force_login(editor)
    client.post(VERIFY, {"code": current_code(key)})
    response = client.post("/admin/two-factor/")
    new_codes = re.findall(r"<li><code>([a-z2-7]+)</code></li>", response.text)
    assert len(new_codes) == two_factor.RECOVERY_CODES
    assert not set(new_codes) & set(old_codes)
    assert two_factor.verify(editor, old_codes[1]) is None


def test_an_administrator_resets_a_lost_phone(editor, client):
    enrolled(editor)
    out = StringIO()
    call_command("reset_two_factor", "camille", stdout=out)
    assert "2 device(s) removed" in out.getvalue()
    client.force_login(editor)
    with override_settings(STAFF_TWO_FACTOR_REQUIRED=True):
        assert client.get("/admin/").url.startswith(SET_UP)


def test_production_requires_two_factor_and_the_demo_does_not():
    code = (
        "import json, importlib; print(json.dumps({name: importlib.import_module("
        "'config.settings.' + name).STAFF_TWO_FACTOR_REQUIRED for name in ('dev', 'production')}))"
    )
    env = {**os.environ, "SECRET_KEY": "x" * 50}
    env.pop("STAFF_TWO_FACTOR_REQUIRED", None)
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=settings.BASE_DIR, env=env, capture_output=True, text=True
    )
    assert json.loads(result.stdout) == {"dev": False, "production": True}
