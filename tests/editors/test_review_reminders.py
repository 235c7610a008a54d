"""``manage.py send_review_reminders``: each editor's digest of overdue services and
problem reports, for the pages they may change, once a day, in their admin language."""

import datetime
import socket

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.core.management import CommandError, call_command
from django.utils import timezone
from wagtail.models import GroupPagePermission
from wagtail.users.models import UserProfile

from feedback.models import ProblemReport, ReviewReminder
from services_directory.factories import ServicePageFactory

pytestmark = pytest.mark.django_db

BASE_URL = "https://proxima.example.ch"


@pytest.fixture(autouse=True)
def _base_url(settings):
    settings.WAGTAILADMIN_BASE_URL = BASE_URL + "/"


def overdue(site_tree, title, days_ago=400):
    return ServicePageFactory(
        parent=site_tree.directory,
        title=title,
        last_reviewed=timezone.localdate() - datetime.timedelta(days=days_ago),
        review_interval_months=6,
    )


@pytest.fixture
def services(site_tree):
    return {
        "impots": overdue(site_tree, "Permanence impôts"),
        "logement": overdue(site_tree, "Accès au logement"),
        "recent": overdue(site_tree, "Récent", days_ago=10),
    }


@pytest.fixture
def team_member(services):
    """A member of a team that may change the tax service only (as a per-organisation
    team would), and read problem reports."""
    team = Group.objects.create(name="Équipe impôts")
    team.permissions.add(
        Permission.objects.get(codename="access_admin"),
        *Permission.objects.filter(codename__in=["view_problemreport", "change_problemreport"]),
    )
    GroupPagePermission.objects.create(
        group=team,
        page=services["impots"],
        permission=Permission.objects.get(codename="change_page"),
    )
    user = get_user_model().objects.create_user("camille", "camille@example.ch", "pw")
    user.groups.add(team)
    return user


def digest_of(user):
    (message,) = [message for message in mail.outbox if message.to == [user.email]]
    return message


def test_each_editor_gets_the_overdue_services_they_may_change(
    services, team_member, member_of, django_user_model
):
    editor = member_of("Editors")
    django_user_model.objects.create_superuser("root", "root@example.ch", "pw")
    nobody = member_of("Moderators")
    nobody.email = ""
    nobody.save()

    call_command("send_review_reminders")

    assert sorted(message.to[0] for message in mail.outbox) == [
        "camille@example.ch",
        "editors@example.org",
    ]
    everything = digest_of(editor).body
    assert "Permanence impôts" in everything and "Accès au logement" in everything
    assert "Récent" not in everything
    own = digest_of(team_member).body
    assert "Permanence impôts" in own and "Accès au logement" not in own
    # Absolute links on BASE_URL that open the page's editor.
    assert f"{BASE_URL}/admin/pages/{services['impots'].pk}/edit/" in own
    assert f"{BASE_URL}/admin/reports/services-to-review/" in own


def test_problem_reports_go_to_who_may_change_their_page(services, team_member, member_of):
    editor = member_of("Editors")
    on_tax = ProblemReport.objects.create(
        page_path=services["impots"].url, language="fr", message="Horaires faux"
    )
    on_housing = ProblemReport.objects.create(
        page_path=services["logement"].url, language="fr", message="Lien cassé"
    )
    on_a_deleted_page = ProblemReport.objects.create(
        page_path="/fr/services/disparu/", language="fr", message="?"
    )
    ProblemReport.objects.create(
        page_path=services["impots"].url, language="fr", message="Déjà vu", handled=True
    )

    call_command("send_review_reminders")

    own = digest_of(team_member).body
    assert f"{BASE_URL}/admin/problem_reports/edit/{on_tax.pk}/" in own
    assert f"/edit/{on_housing.pk}/" not in own
    # A report whose page is gone goes to everyone who handles reports.
    assert f"/edit/{on_a_deleted_page.pk}/" in own
    everything = digest_of(editor).body
    for report in (on_tax, on_housing, on_a_deleted_page):
        assert f"{BASE_URL}/admin/problem_reports/edit/{report.pk}/" in everything
    assert "Horaires faux" not in everything  # residents' words stay in the admin
    assert everything.count("/admin/problem_reports/edit/") == 3


def test_at_most_one_digest_a_day(services, member_of):
    editor = member_of("Editors")
    call_command("send_review_reminders")
    call_command("send_review_reminders")
    assert len(mail.outbox) == 1
    ReviewReminder.objects.filter(user=editor).update(
        sent_on=timezone.localdate() - datetime.timedelta(days=1)
    )
    call_command("send_review_reminders")
    assert len(mail.outbox) == 2


def test_nothing_to_do_means_no_mail(site_tree, member_of):
    member_of("Editors")
    overdue(site_tree, "Récent", days_ago=10)
    call_command("send_review_reminders")
    assert mail.outbox == []


def test_digest_in_the_editors_admin_language(services, member_of):
    french, english = member_of("Editors"), member_of("Moderators")
    profile = UserProfile.get_for_user(english)
    profile.preferred_language = "en"
    profile.save()
    call_command("send_review_reminders")
    assert digest_of(french).subject == "Contenu à vérifier : 2 éléments"
    assert digest_of(english).subject == "Content to check: 2 items"
    assert "2 services are past their review date" in digest_of(english).body


def test_a_refusing_mail_server_stops_the_run_and_the_next_run_sends(services, member_of, settings):
    member_of("Editors")
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    with pytest.raises(CommandError, match="after 0 digests"):
        call_command("send_review_reminders")
    assert not ReviewReminder.objects.exists()

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command("send_review_reminders")
    assert len(mail.outbox) == 1
