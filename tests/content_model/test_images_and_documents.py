"""Images on service, theme and content pages; links to documents with their type and size."""

import io
import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils import translation
from PIL import Image as PillowImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from core.documents import document_summary
from home.factories import StandardPageFactory
from services_directory.factories import ServicePageFactory, ThemePageFactory
from services_directory.models import ServicePage

from .service_form import service_form_data
from .test_validation import errors_of, post_new_service

pytestmark = pytest.mark.django_db

ALT = "Dessin : l’entrée de la maison de quartier."


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def image(media):
    data = io.BytesIO()
    PillowImage.new("RGB", (1600, 900), "#dcecf7").save(data, format="PNG")
    file = ImageFile(io.BytesIO(data.getvalue()), name="entree.png")
    return get_image_model().objects.create(title="Entrée", file=file)


@pytest.fixture
def leaflet(media):
    document = get_document_model()(title="Dépliant")
    document.file.save("depliant.pdf", ContentFile(b"%PDF-1.4 " + b"x" * 122_871))
    return document


def picture_of(html):
    match = re.search(r"<picture>.*?</picture>", html, re.S)
    assert match, "the page shows a <picture>"
    return match.group(0)


def test_an_image_needs_its_description(site_tree, image):
    service = ServicePageFactory(parent=site_tree.directory)
    service.image, service.image_alt = image, " "
    with pytest.raises(ValidationError) as error:
        service.full_clean()
    assert "image_alt" in error.value.message_dict
    service.image_alt = ALT
    service.full_clean()
    # No image, no description needed.
    service.image, service.image_alt = None, ""
    service.full_clean()


def test_the_admin_refuses_an_image_without_description(
    admin_client, site_tree, theme, walk_in, image
):
    data = service_form_data(theme, walk_in, image=image.pk, image_alt="")
    response = post_new_service(admin_client, site_tree.directory, data)
    assert response.status_code == 200
    assert "Describe the image" in " ".join(errors_of(response)["image_alt"])
    assert not ServicePage.objects.exists()
    data = service_form_data(theme, walk_in, image=image.pk, image_alt=ALT)
    assert post_new_service(admin_client, site_tree.directory, data).status_code == 302
    assert ServicePage.objects.get(locale__language_code="fr").image_alt == ALT


def test_a_service_shows_its_image_in_modern_formats_bounded_and_below_the_fold(
    client, site_tree, image
):
    service = ServicePageFactory(parent=site_tree.directory, image=image, image_alt=ALT)
    picture = picture_of(client.get(service.url).content.decode())
    assert 'type="image/avif"' in picture and 'type="image/webp"' in picture
    img = re.search(r"<img [^>]+>", picture).group(0)
    assert f'alt="{ALT}"' in img
    assert 'loading="lazy"' in img
    assert re.search(r'width="\d+"', img) and re.search(r'height="\d+"', img)
    widths = {int(w) for w in re.findall(r" (\d+)w", picture)}
    assert widths == {400, 800}, "renditions bounded, never the 1600-pixel original"
    assert "/original_images/" not in picture


def test_theme_and_content_pages_show_their_image_at_once(client, site_tree, image):
    theme_page = ThemePageFactory(parent=site_tree.home, image=image, image_alt=ALT)
    content_page = StandardPageFactory(parent=site_tree.home, image=image, image_alt=ALT)
    for page in (theme_page, content_page):
        img = re.search(r"<img [^>]+>", picture_of(client.get(page.url).content.decode()))
        assert ALT in img.group(0) and 'loading="eager"' in img.group(0), page


def test_a_page_without_image_has_no_figure(client, site_tree):
    service = ServicePageFactory(parent=site_tree.directory)
    assert "page-image" not in client.get(service.url).content.decode()


def test_document_summary_in_the_readers_language(leaflet):
    assert document_summary(leaflet) == "PDF, 120,0\xa0Kio"
    with translation.override("en"):
        assert document_summary(leaflet) == "PDF, 120.0\xa0KB"
    with translation.override("ar"):
        assert document_summary(leaflet) != "PDF, 120.0\xa0KB"


def test_a_rich_text_link_to_a_document_says_its_type_and_size(client, site_tree, leaflet):
    page = StandardPageFactory(
        parent=site_tree.home,
        body=f'<p>Lisez <a linktype="document" id="{leaflet.pk}">le dépliant</a>.</p>',
    )
    html = client.get(page.url).content.decode()
    assert f'<a href="{leaflet.url}" data-document="PDF, 120,0\xa0Kio">le dépliant</a>' in html


def test_the_document_block_links_it_with_its_type_and_size(client, site_tree, leaflet):
    service = ServicePageFactory(
        parent=site_tree.directory,
        body=[
            {"type": "document_link", "value": {"document": leaflet.pk, "text": "Le formulaire"}},
            {"type": "document_link", "value": {"document": leaflet.pk, "text": ""}},
        ],
    )
    html = client.get(service.url).content.decode()
    link = f'<a href="{leaflet.url}" data-document="PDF, 120,0\xa0Kio">'
    assert f"{link}Le formulaire</a>" in html
    assert f"{link}Dépliant</a>" in html, "the document's title when no text is given"
    assert client.get(leaflet.url).status_code == 200, "served by the application"


def test_the_api_gives_a_bounded_copy_and_the_description(client, site_tree, image):
    service = ServicePageFactory(parent=site_tree.directory, image=image, image_alt=ALT)
    data = client.get(f"/api/v2/pages/{service.pk}/").json()
    assert data["image_alt"] == ALT
    assert data["image"]["width"] == 800 and "/original_images/" not in data["image"]["url"]
