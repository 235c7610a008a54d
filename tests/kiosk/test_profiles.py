"""Kiosk profiles: defaults, validation editors see, the allow-list rule, the demo's."""

import pytest
from django.core.exceptions import ValidationError

from kiosk.factories import KioskProfileFactory
from kiosk.models import KioskProfile, same_or_below

pytestmark = pytest.mark.django_db


def errors_of(profile):
    with pytest.raises(ValidationError) as caught:
        profile.full_clean()
    return caught.value.message_dict


def test_defaults_follow_the_issue_and_wcag_2_2_1(hub):
    profile = KioskProfile.objects.create(name="Hall", slug="hall", place=hub)
    assert (profile.idle_timeout_seconds, profile.warning_seconds) == (120, 30)
    assert profile.max_extensions >= 10
    assert profile.has_printer is False
    assert profile.get_absolute_url() == "/kiosk/hall/"


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("idle_timeout_seconds", 5),
        ("idle_timeout_seconds", 100_000),
        ("warning_seconds", 2),
        ("max_extensions", 9),
        ("slug", "exit"),
        ("allowed_procedures", "http://www.ge.ch/e-demarches"),
        ("allowed_procedures", "https://www.ge.ch/ok\nwww.caf.fr"),
    ],
)
def test_out_of_range_or_malformed_values_are_refused(hub, field, value):
    profile = KioskProfileFactory.build(place=hub, **{field: value})
    assert field in errors_of(profile)


def test_one_https_address_per_line_is_accepted(hub):
    profile = KioskProfileFactory.build(
        place=hub, allowed_procedures="https://www.caf.fr/allocataires/\n\n  https://www.mdph.fr/ "
    )
    profile.full_clean()
    assert profile.procedure_urls() == ["https://www.caf.fr/allocataires/", "https://www.mdph.fr/"]


@pytest.mark.parametrize(
    ("url", "allowed"),
    [
        ("https://www.ge.ch/e-demarches", True),
        ("https://www.ge.ch/e-demarches/", True),
        ("https://www.ge.ch/e-demarches/connexion?next=1", True),
        ("https://www.ge.ch/e-demarches-faux", False),
        ("https://www.ge.ch/", False),
        ("http://www.ge.ch/e-demarches", False),
        ("https://ge.ch/e-demarches", False),
        ("https://www.ge.ch.evil.example/e-demarches", False),
    ],
)
def test_allow_list_covers_the_address_and_the_pages_under_it(url, allowed):
    assert same_or_below(url, "https://www.ge.ch/e-demarches") is allowed


def test_a_whole_site_can_be_allowed():
    assert same_or_below("https://www.mdph.fr/demande", "https://www.mdph.fr/")


def test_editors_get_a_form_error_not_a_crash(admin_client, hub):
    response = admin_client.post(
        "/admin/snippets/kiosk/kioskprofile/add/",
        {
            "name": "Hall",
            "slug": "hall",
            "place": hub.pk,
            "idle_timeout_seconds": "120",
            "warning_seconds": "30",
            "max_extensions": "3",
            "allowed_procedures": "ftp://example.org",
        },
    )
    assert response.status_code == 200
    assert not KioskProfile.objects.exists()
    assert "max_extensions" in response.context["form"].errors
    assert "allowed_procedures" in response.context["form"].errors


def test_every_editor_field_has_help_text():
    for field in KioskProfile._meta.get_fields():
        if getattr(field, "editable", False) and not field.auto_created:
            assert field.help_text, field.name
