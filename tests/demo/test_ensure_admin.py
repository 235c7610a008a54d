import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def run(capsys):
    call_command("ensure_admin")
    return capsys.readouterr().out


def test_random_password_is_printed_and_works(monkeypatch, capsys):
    monkeypatch.delenv("DEMO_ADMIN_PASSWORD", raising=False)
    output = run(capsys)
    password = output.strip().rsplit(" ", 1)[1]
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser
    assert admin.check_password(password)


def test_existing_password_is_kept_without_the_variable(monkeypatch, capsys):
    monkeypatch.setenv("DEMO_ADMIN_PASSWORD", "first-password-123")
    run(capsys)
    monkeypatch.delenv("DEMO_ADMIN_PASSWORD")
    output = run(capsys)
    assert "unchanged" in output
    assert get_user_model().objects.get(username="admin").check_password("first-password-123")


def test_variable_resets_the_password(monkeypatch, capsys):
    monkeypatch.setenv("DEMO_ADMIN_PASSWORD", "first-password-123")
    run(capsys)
    monkeypatch.setenv("DEMO_ADMIN_PASSWORD", "second-password-456")
    run(capsys)
    assert get_user_model().objects.get(username="admin").check_password("second-password-456")
    assert get_user_model().objects.filter(username="admin").count() == 1
