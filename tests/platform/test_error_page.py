"""The 500 page: the emergency numbers from their copy, even with the database down,
and the administrators told by e-mail when ERROR_EMAIL is set."""

import threading

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import OperationalError
from django.db.backends.base.base import BaseDatabaseWrapper

from core import emergency_copy
from core.errors import BackgroundAdminEmailHandler
from core.factories import EmergencyNumberFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def copy_file(settings, tmp_path):
    settings.EMERGENCY_NUMBERS_COPY = tmp_path / "media" / "emergency-numbers.json"
    return settings.EMERGENCY_NUMBERS_COPY


@pytest.fixture
def numbers(site_tree, translated_number):
    french = EmergencyNumberFactory(
        label="Violences Femmes Info", number="3919", description="Gratuit, 24 h sur 24"
    )
    translated_number(french, "en", label="Violence against women", description="Free, 24/7")
    return french


@pytest.fixture
def translated_number():
    from wagtail.models import Locale

    def translate(number, language, **fields):
        locale, _created = Locale.objects.get_or_create(language_code=language)
        copy = number.copy_for_translation(locale)
        for name, value in fields.items():
            setattr(copy, name, value)
        copy.save()
        return copy

    return translate


def refuse(*args, **kwargs):
    raise OperationalError("connection refused (the test's broken database)")


@pytest.fixture
def break_database(monkeypatch):
    """Makes every query from then on fail, as when PostgreSQL is down."""
    return lambda: monkeypatch.setattr(BaseDatabaseWrapper, "cursor", refuse)


@pytest.fixture
def broken_database(break_database):
    break_database()


def error_page(client):
    client.raise_request_exception = False
    response = client.get("/fr/")
    assert response.status_code == 500
    return response.content.decode()


def test_saving_a_number_writes_the_copy_once_committed(
    copy_file, site_tree, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        number = EmergencyNumberFactory(label="Police", number="117")
    assert [entry["number"] for entry in emergency_copy.read()] == ["117"]
    with django_capture_on_commit_callbacks(execute=True):
        number.delete()
    assert emergency_copy.read() == []


def test_the_500_page_shows_the_numbers_in_french_and_english_without_the_database(
    copy_file, numbers, client, break_database
):
    emergency_copy.write()
    break_database()
    content = error_page(client)
    assert '<a href="tel:3919"><strong dir="ltr">3919</strong></a> Violences Femmes Info' in (
        content
    )
    assert '<span lang="en">– Violence against women</span>' in content
    assert "Gratuit, 24 h sur 24" in content
    assert '<span lang="en">– Free, 24/7</span>' in content


def test_without_a_copy_the_500_page_still_gives_the_european_number(
    copy_file, client, broken_database
):
    content = error_page(client)
    assert '<a href="tel:112">' in content


def test_the_command_writes_the_copy_at_deploy(copy_file, numbers, capsys):
    call_command("write_emergency_copy")
    assert "1 emergency numbers written" in capsys.readouterr().out
    [entry] = emergency_copy.read()
    assert entry["label"] == {"fr": "Violences Femmes Info", "en": "Violence against women"}
    assert entry["dialable"] == "3919"


def test_errors_are_mailed_to_error_email_in_the_background(
    settings, copy_file, client, broken_database, monkeypatch
):
    settings.ADMINS = [("ops@commune.example", "ops@commune.example")]
    senders = []
    send_now = BackgroundAdminEmailHandler.send_now

    def recorded(self, *args, **kwargs):
        senders.append(threading.current_thread().name)
        send_now(self, *args, **kwargs)

    monkeypatch.setattr(BackgroundAdminEmailHandler, "send_now", recorded)
    error_page(client)
    for thread in threading.enumerate():
        if thread.name.startswith(BackgroundAdminEmailHandler.thread_prefix):
            thread.join(timeout=10)
    [message] = mail.outbox
    assert message.to == ["ops@commune.example"]
    # Sent by a thread of its own, not by the one answering the resident.
    assert senders[0].startswith(BackgroundAdminEmailHandler.thread_prefix)
    assert "/fr/" in message.subject


def test_without_error_email_nobody_is_mailed(settings, copy_file, client, broken_database):
    settings.ADMINS = []
    error_page(client)
    assert mail.outbox == []


def test_the_copy_comes_with_the_page_the_proxy_shows_when_the_app_is_down(copy_file, numbers):
    call_command("write_emergency_copy")
    page = emergency_copy.page_path()
    assert page == copy_file.with_suffix(".html")
    content = page.read_text(encoding="utf-8")
    assert 'href="tel:3919"' in content
    assert "Violence against women" in content
