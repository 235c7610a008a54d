"""Documents in a private collection reach only the people allowed, whatever the address."""

import pytest
from django.core.files.base import ContentFile
from django.test import override_settings
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

pytestmark = pytest.mark.django_db

SECRET = b"%PDF-1.4 liste nominative des personnes hebergees"


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def document_in(collection, name):
    document = get_document_model()(title=name, collection=collection)
    document.file.save(name, ContentFile(SECRET))
    return document


@pytest.fixture
def private_collection():
    collection = Collection.get_first_root_node().add_child(name="Interne")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    return collection


def test_a_private_document_needs_a_login(client, media, private_collection):
    document = document_in(private_collection, "hebergement.pdf")
    response = client.get(document.url)
    assert response.status_code == 302
    assert "/login/" in response["Location"]
    assert SECRET not in response.content


def test_a_public_document_is_served_by_the_application(client, media):
    document = document_in(Collection.get_first_root_node(), "horaires.pdf")
    response = client.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == SECRET
    assert document.url.startswith("/documents/"), "not the file's media address"


@override_settings(ROOT_URLCONF="tests.platform.urls_media")
def test_the_development_server_serves_media_but_not_documents(client, media, private_collection):
    document = document_in(private_collection, "hebergement.pdf")
    (media / "images").mkdir()
    (media / "images" / "logo.svg").write_text("<svg/>")
    assert client.get("/media/images/logo.svg").status_code == 200
    response = client.get(f"/media/{document.file.name}")
    assert document.file.name.startswith("documents/")
    assert response.status_code == 404
