"""Lists are joined the way each language does: "A, B et C", "A، B وC"."""

import pytest
from django.template import Context, Template
from django.utils import translation

from core.i18n import join_words
from services_directory.factories import ServicePageFactory
from taxonomy.factories import AudienceFactory

THREE = {
    "fr": "A, B et C",
    "en": "A, B and C",
    "de": "A, B und C",
    "it": "A, B e C",
    "pt": "A, B e C",
    "es": "A, B y C",
    "ar": "A، B وC",
    "sq": "A, B dhe C",
    "uk": "A, B і C",
    "tr": "A, B ve C",
    "ta": "A, B மற்றும் C",
    "ti": "A፣ Bን Cን",
}


@pytest.mark.parametrize(("language", "joined"), THREE.items())
def test_each_language_joins_its_lists(language, joined):
    with translation.override(language):
        assert join_words(["A", "B", "C"]) == joined
        assert join_words(["A"]) == "A"
        assert join_words([]) == ""


def test_two_items_and_a_language_other_than_the_active_one():
    with translation.override("en"):
        assert join_words(["Seniors", "Familles"], "fr") == "Seniors et Familles"
        assert join_words(["Seniors", "Families"]) == "Seniors and Families"
        assert translation.get_language() == "en"


def test_the_template_filter_escapes_each_item():
    template = Template("{% load proxima %}{{ items|join_words }}|{{ items|join_words:'ar' }}")
    with translation.override("fr"):
        rendered = template.render(Context({"items": ["<b>", "Aînés", "Familles"]}))
    assert rendered == "&lt;b&gt;, Aînés et Familles|&lt;b&gt;، Aînés وFamilles"


@pytest.mark.django_db
def test_a_service_page_lists_its_audiences_as_a_sentence(site_tree, client):
    audiences = [
        AudienceFactory(name=name, slug=slug, sort_order=order)
        for order, (name, slug) in enumerate(
            [("Aînés", "aines"), ("Familles", "familles"), ("Jeunes", "jeunes")]
        )
    ]
    service = ServicePageFactory(parent=site_tree.directory, audiences=audiences)
    content = client.get(service.url).content.decode()
    assert ">Aînés, Familles et Jeunes</dd>" in content
