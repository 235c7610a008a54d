"""An editor types a place's hours once for several days, watching the weekly summary.

In the real admin: the summary under the periods follows the typing (the server's own
summary), a period is copied to the days ticked in “same hours on” when saved.
"""

import pytest
from django.contrib.auth import get_user_model

from places.models import Place

USERNAME = "hours-editor"
PASSWORD = "a-long-browser-password"


@pytest.fixture(scope="module")
def place(demo_site, django_db_blocker):
    """A superuser and a demo place, committed so that the live server sees them."""
    with django_db_blocker.unblock():
        user, _created = get_user_model().objects.get_or_create(
            username=USERNAME, defaults={"is_superuser": True, "is_staff": True}
        )
        user.set_password(PASSWORD)
        user.save()
        return Place.objects.filter(locale__language_code="fr").order_by("pk").first()


def test_a_period_typed_once_covers_several_days(page, place, docs_screenshot):
    page.goto("/admin/login/")
    page.fill("#id_username", USERNAME)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")
    page.goto(f"/admin/snippets/places/place/edit/{place.pk}/")
    rows = page.locator("[id^='inline_child_opening_periods-']:not([id*='-panel'])")
    index = page.locator("#id_opening_periods-TOTAL_FORMS").input_value()
    # The inline panel's script must be running before "Add" can add a row.
    page.wait_for_load_state("networkidle")
    page.click("#id_opening_periods-ADD")
    page.select_option(f"#id_opening_periods-{index}-weekday", "5")
    page.fill(f"#id_opening_periods-{index}-opens", "9h")
    page.fill(f"#id_opening_periods-{index}-closes", "11:30")
    page.check(f"#id_opening_periods-{index}-also_on_6")
    preview = page.locator(".hours-preview")
    # Saturday and Sunday (the last two days), as residents will read them.
    weekend = preview.locator("tr").filter(has_text="11:30")
    weekend.nth(1).wait_for(timeout=30_000)
    assert weekend.count() == 2
    assert "11:30" in preview.locator("tr").nth(6).inner_text()
    preview.scroll_into_view_if_needed()
    docs_screenshot("admin-hours-same-hours-on")
    assert rows.count() > 0
    # Places are moderated: published by this superuser, the periods are the live ones.
    page.click("footer .w-dropdown__toggle")
    with page.expect_navigation(timeout=120_000):
        page.click("button[name='action-publish']", no_wait_after=True)
    weekdays = set(
        Place.objects.get(pk=place.pk)
        .opening_periods.filter(closes__hour=11, closes__minute=30)
        .values_list("weekday", flat=True)
    )
    assert weekdays == {5, 6}
