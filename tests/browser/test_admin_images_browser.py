"""An editor puts an image on a service page in the real admin; residents see it.

The editor uploads an image from the page's image chooser, describes it, publishes;
the residents' page shows it as a <picture> of modern formats with that description.
The screens are the editors' guide's (docs/editors.md, ``make screenshots``).
"""

import pytest
from django.contrib.auth import get_user_model
from PIL import Image as PillowImage

from services_directory.models import ServicePage

USERNAME = "image-editor"
PASSWORD = "a-long-browser-password"
SLUG = "permanence-desendettement"
ALT = "Photo : le bureau d’accueil de la permanence, une table et deux chaises."


@pytest.fixture(scope="module")
def editor(demo_site, django_db_blocker):
    """A superuser, committed so that the live server's own connection sees it."""
    with django_db_blocker.unblock():
        user, _created = get_user_model().objects.get_or_create(
            username=USERNAME, defaults={"is_superuser": True, "is_staff": True}
        )
        user.set_password(PASSWORD)
        user.save()
        return ServicePage.objects.get(slug=SLUG, locale__language_code="fr")


@pytest.fixture
def photo(tmp_path):
    path = tmp_path / "accueil-permanence.png"
    PillowImage.new("RGB", (1400, 800), "#3a7ca5").save(path, format="PNG")
    return path


def test_an_editor_adds_an_image_residents_see_it_described(page, editor, photo, docs_screenshot):
    service = editor
    page.goto("/admin/login/")
    page.fill("#id_username", USERNAME)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")

    page.goto(f"/admin/pages/{service.pk}/edit/")
    page.click("[data-contentpath='image'] [data-chooser-action-choose]")
    page.click(".modal-dialog #tab-label-upload")
    page.set_input_files(".modal-dialog input[name='image-chooser-upload-file']", str(photo))
    page.fill(".modal-dialog input[name='image-chooser-upload-title']", "Accueil de la permanence")
    docs_screenshot("admin-image-upload")
    page.click(".modal-dialog form[data-chooser-modal-creation-form] [type=submit]")
    page.wait_for_selector(".modal-dialog", state="detached")
    assert page.input_value("#id_image"), "the uploaded image is chosen"

    # Publishing without a description is refused, on the field.
    page.fill("#id_image_alt", "")
    publish(page)
    error = page.locator("[data-contentpath='image_alt'] .error-message")
    error.wait_for()
    assert error.inner_text().strip()
    page.fill("#id_image_alt", ALT)
    page.locator("[data-contentpath='image_alt']").scroll_into_view_if_needed()
    docs_screenshot("admin-image-description")
    publish(page)
    assert "/edit/" not in page.url, "published, back to the pages"

    page.goto(f"/fr/services/{SLUG}/")
    picture = page.locator("figure.page-image picture")
    assert picture.locator("source[type='image/avif']").count() == 1
    assert picture.locator("source[type='image/webp']").count() == 1
    img = picture.locator("img")
    assert img.get_attribute("alt") == ALT
    assert img.get_attribute("loading") == "lazy"
    assert int(img.get_attribute("width")) <= 800 and img.get_attribute("height")
    picture.scroll_into_view_if_needed()
    docs_screenshot("resident-service-image")


def publish(page):
    """The editor's Publish action, from the footer's menu; publishing every language's
    copy of the page may take a while on a busy machine."""
    page.click("footer .w-dropdown__toggle")
    with page.expect_navigation(timeout=120_000):
        page.click("button[name='action-publish']", no_wait_after=True)
