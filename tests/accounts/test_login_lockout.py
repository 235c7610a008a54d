"""Failed sign-ins lock a user name out from one address (django-axes)."""

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import translation
from django.utils.translation import gettext
from wagtail.admin.forms.collections import CollectionViewRestrictionForm
from wagtail.admin.forms.pages import PageViewRestrictionForm

from .conftest import PASSWORD

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"


def sign_in(client, password, address="192.0.2.10", **headers):
    return client.post(
        LOGIN, {"username": "camille", "password": password}, REMOTE_ADDR=address, **headers
    )


def fail(client, times, **kwargs):
    return [sign_in(client, "wrong", **kwargs).status_code for _try in range(times)]


def test_the_fifth_failure_pauses_signing_in_even_with_the_right_password(editor, client):
    assert fail(client, 5) == [200, 200, 200, 200, 429]
    response = sign_in(client, PASSWORD)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_the_lockout_page_says_what_to_do_in_the_visitors_language(editor, client):
    fail(client, 4)
    response = sign_in(client, "wrong", HTTP_ACCEPT_LANGUAGE="de")
    assert response.status_code == 429
    with translation.override("de"):
        heading = gettext("Signing in is paused")
    assert heading != "Signing in is paused", "the German catalogue translates it"
    assert heading in response.text
    assert "15" in response.text  # the cool-off, in minutes


def test_below_the_limit_the_right_password_still_signs_in(editor, client):
    fail(client, 4)
    assert sign_in(client, PASSWORD).status_code == 302
    client.logout()
    # A success clears the count: four more failures do not lock.
    assert fail(client, 4) == [200] * 4


def test_another_address_can_still_sign_in(editor, client):
    fail(client, 5)
    assert sign_in(client, PASSWORD, address="198.51.100.7").status_code == 302


def test_a_forwarded_address_is_believed_only_from_the_configured_header(editor, client):
    # Without CLIENT_IP_HEADER, a header the visitor sends does not change their address.
    fail(client, 5, HTTP_X_REAL_IP="203.0.113.1")
    assert sign_in(client, PASSWORD, HTTP_X_REAL_IP="203.0.113.2").status_code == 429
    with override_settings(CLIENT_IP_HEADER="HTTP_X_REAL_IP", TRUSTED_PROXIES=["10.0.0.1"]):
        # Behind the proxy, every request comes from it: the header tells residents apart.
        response = sign_in(client, PASSWORD, address="10.0.0.1", HTTP_X_REAL_IP="203.0.113.2")
        assert response.status_code == 302


def test_an_administrator_lifts_the_pause(editor, client):
    fail(client, 5)
    call_command("axes_reset_username", "camille", verbosity=0)
    assert sign_in(client, PASSWORD).status_code == 302


def test_private_pages_and_documents_offer_no_shared_password_form():
    # The only sign-in form is the admin's, which the lockout and the second factor guard.
    every_option = ["password", "groups", "login"]  # what a page type allows by default
    page_form = PageViewRestrictionForm(private_page_options=every_option)
    page_choices = page_form.fields["restriction_type"].choices
    collection_choices = CollectionViewRestrictionForm().fields["restriction_type"].choices
    for choices in (page_choices, collection_choices):
        assert "password" not in [value for value, _label in choices]
        assert "login" in [value for value, _label in choices]
