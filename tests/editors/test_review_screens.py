"""The editors' screens that keep content true: one row per French service in "Services
to review" with its translations, problem reports handled by whom and when, and the
moderator's comment shown on the editor's form after "Request changes"."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale

from feedback.models import ProblemReport
from services_directory.factories import ServicePageFactory

pytestmark = pytest.mark.django_db


def test_services_to_review_one_row_per_french_service_with_its_translations(
    site_tree, client, member_of
):
    english, _created = Locale.objects.get_or_create(language_code="en")
    arabic, _created = Locale.objects.get_or_create(language_code="ar")
    service = ServicePageFactory(
        parent=site_tree.directory,
        title="Permanence impôts",
        last_reviewed=timezone.localdate() - datetime.timedelta(days=400),
        review_interval_months=6,
    )
    site_tree.home.copy_for_translation(english).save_revision().publish()
    site_tree.directory.copy_for_translation(english).save_revision().publish()
    service.copy_for_translation(english).save_revision().publish()
    # Arabic: an alias of the French page, not a translation.
    site_tree.home.copy_for_translation(arabic, alias=True)
    site_tree.directory.copy_for_translation(arabic, alias=True)
    service.copy_for_translation(arabic, alias=True)

    client.force_login(member_of("Editors"))
    response = client.get(reverse("services_to_review"))
    rows = response.context["object_list"]
    assert [(row.pk, row.translated_into) for row in rows] == [(service.pk, "en")]
    exported = b"".join(client.get(reverse("services_to_review"), {"export": "csv"}))
    assert "Permanence impôts,fr,en," in exported.decode("utf-8-sig")


def test_a_problem_report_marked_handled_says_by_whom_and_when(site_tree, client, member_of):
    report = ProblemReport.objects.create(page_path="/fr/services/", language="fr", message="?")
    editor = member_of("Editors")
    editor.first_name, editor.last_name = "Camille", "Roux"
    editor.save()
    client.force_login(editor)
    edit_url = reverse("problem_reports:edit", args=[report.pk])
    assert client.post(edit_url, {"handled": "on"}).status_code == 302
    report.refresh_from_db()
    assert (report.handled, report.handled_by) == (True, editor)
    assert timezone.now() - report.handled_at < datetime.timedelta(minutes=5)

    listing = client.get(reverse("problem_reports:index")).content.decode()
    assert "Traité par Camille Roux le" in listing
    assert 'href="/fr/services/"' in listing

    client.post(edit_url, {})  # unticked: to handle again
    report.refresh_from_db()
    assert (report.handled, report.handled_by, report.handled_at) == (False, None, None)
    assert "À traiter" in client.get(reverse("problem_reports:index")).content.decode()


def test_the_dashboard_counts_unhandled_reports_below_the_review_tasks(
    site_tree, client, member_of
):
    ProblemReport.objects.create(page_path="/fr/", language="fr", message="?")
    ProblemReport.objects.create(page_path="/fr/", language="fr", message="!")
    ProblemReport.objects.create(page_path="/fr/", language="fr", message=".", handled=True)
    client.force_login(member_of("Editors"))
    html = client.get("/admin/").content.decode()
    panel = html.split('id="to-handle-heading"')[1].split("</section>")[0]
    assert "2 signalements non traités" in panel
    # Wagtail's review tasks first, then what is to check and handle.
    assert html.index("services-to-review-heading") < html.index("to-handle-heading")


def test_the_editor_sees_the_moderators_comment_after_request_changes(site_tree, client, member_of):
    editor, moderator = member_of("Editors"), member_of("Moderators")
    moderator.first_name = "Dominique"
    moderator.save()
    service = ServicePageFactory(parent=site_tree.directory, title="Permanence impôts")
    service.save_revision(user=editor)
    workflow_state = service.get_workflow().start(service, editor)
    task_state = workflow_state.current_task_state
    task_state.task.specific.on_action(
        task_state, moderator, "reject", comment="Les horaires du mardi manquent."
    )

    client.force_login(editor)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[service.pk])).content.decode()
    assert "Modifications demandées par Dominique" in html
    assert "Les horaires du mardi manquent." in html
