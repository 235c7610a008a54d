import datetime

import pytest
from wagtail.models import Locale

from core.factories import EmergencyNumberFactory
from places.factories import PlaceFactory
from places.models import PlaceHoursException
from services_directory.factories import ServicePageFactory
from taxonomy.factories import AccessibilityFeatureFactory, SpokenLanguageFactory


@pytest.fixture
def service(site_tree):
    place = PlaceFactory(name="Pôle social d’Issy", commune="Issy-les-Moulineaux")
    place.accessibility_features.add(
        AccessibilityFeatureFactory(name="Accès de plain-pied", slug="acces-de-plain-pied")
    )
    place.save()  # a parental many-to-many is saved with its parent
    PlaceHoursException.objects.create(
        place=place,
        start_date=datetime.date.today() + datetime.timedelta(days=3),
        end_date=datetime.date.today() + datetime.timedelta(days=4),
        closed=True,
        reason="Formation du personnel",
    )
    EmergencyNumberFactory(label="Violences Femmes Info", number="3919")
    return ServicePageFactory(
        parent=site_tree.directory,
        title="Aide aux démarches en ligne",
        summary="Un conseiller vous aide pour vos démarches CAF et Ameli.",
        easy_read_summary="On vous aide sur internet.",
        cost="reduced",
        cost_details="2 € la séance",
        places=[place],
        documents=["Carte Vitale"],
        procedures=[("Mon compte CAF", "https://www.caf.fr/")],
        spoken_languages=[SpokenLanguageFactory(code="ar", name_local="العربية", slug="ar")],
        contact_person="Mme Martin",
        contact_role="Conseillère numérique",
    )


@pytest.fixture
def translated(site_tree):
    """Makes ``page`` (and its ancestors) exist and be live in ``language``."""

    def translate(page, language):
        locale, _created = Locale.objects.get_or_create(language_code=language)
        for ancestor in [*page.get_ancestors().filter(depth__gte=2), page]:
            ancestor = ancestor.specific
            if ancestor.get_translation_or_none(locale) is None:
                copy = ancestor.copy_for_translation(locale)
                copy.save_revision().publish()
        return page.get_translation(locale)

    return translate
