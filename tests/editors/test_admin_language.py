"""The admin speaks the editor's language everywhere, Wagtail's own texts included."""

import pytest
from django.urls import reverse
from wagtail.users.models import UserProfile

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "title", "other"), [("en", "Choose", "Choisir"), ("fr", "Choisir", "Choose")]
)
def test_a_chooser_is_titled_in_the_editors_language(
    client, django_user_model, language, title, other
):
    editor = django_user_model.objects.create_superuser("camille", "c@example.org", "x")
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = language
    profile.save()
    client.force_login(editor)
    response = client.get(reverse("wagtailsnippetchoosers_places_organisation:choose"))
    assert response.status_code == 200
    modal = response.json()["html"]
    assert title in modal
    assert other not in modal
