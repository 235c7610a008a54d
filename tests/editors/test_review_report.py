"""“Services to review” lists exactly the live services whose review date has passed."""

import csv
import datetime
import io

import pytest
from django.utils import timezone

from services_directory.factories import ServicePageFactory

pytestmark = pytest.mark.django_db


def reviewed(site_tree, title, days_ago, interval=6, **kwargs):
    return ServicePageFactory(
        parent=site_tree.directory,
        title=title,
        last_reviewed=timezone.localdate() - datetime.timedelta(days=days_ago),
        review_interval_months=interval,
        **kwargs,
    )


@pytest.fixture
def services(site_tree):
    today = timezone.localdate()
    return {
        "recent": reviewed(site_tree, "Recent", 10),
        "overdue": reviewed(site_tree, "Overdue", 400),
        "older": reviewed(site_tree, "Older", 800),
        "short interval": reviewed(site_tree, "Monthly", 40, interval=1),
        "draft": reviewed(site_tree, "Draft", 400, live=False, publish=False),
        # Due today exactly: not overdue yet.
        "due today": ServicePageFactory(
            parent=site_tree.directory,
            title="Due today",
            last_reviewed=today.replace(year=today.year - 1)
            if not (today.month == 2 and today.day == 29)
            else today - datetime.timedelta(days=366),
            review_interval_months=12,
        ),
    }


def test_report_lists_exactly_the_overdue_live_services_oldest_first(services, client, member_of):
    client.force_login(member_of("Editors"))
    response = client.get("/admin/reports/services-to-review/")
    assert response.status_code == 200
    titles = [page.title for page in response.context["object_list"]]
    assert titles == ["Older", "Overdue", "Monthly"]


def test_report_exports_csv(services, client, member_of):
    client.force_login(member_of("Moderators"))
    response = client.get("/admin/reports/services-to-review/?export=csv")
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(content)))
    assert [row[0] for row in rows[1:]] == ["Older", "Overdue", "Monthly"]


def test_report_is_refused_to_users_without_page_permissions(client, django_user_model):
    user = django_user_model.objects.create_user("visitor", "v@example.org", "pw")
    client.force_login(user)
    response = client.get("/admin/reports/services-to-review/")
    assert response.status_code in (302, 403)


def test_dashboard_counts_overdue_services(services, client, member_of):
    client.force_login(member_of("Editors"))
    response = client.get("/admin/")
    panel = response.content.decode().split('id="services-to-review-heading"')[1]
    assert "3 services" in panel.split("</section>")[0]
