import factory
from factory.django import DjangoModelFactory

from places.factories import PlaceFactory

from . import models


class KioskProfileFactory(DjangoModelFactory):
    """A lobby screen at a new hub; allow-lists one procedure at www.ge.ch."""

    name = factory.Sequence(lambda n: f"Écran d’accueil {n}")
    slug = factory.Sequence(lambda n: f"ecran-{n}")
    place = factory.SubFactory(PlaceFactory)
    help_message = "Besoin d’aide ? Demandez à l’accueil, guichet 2."
    allowed_procedures = "https://www.ge.ch/e-demarches-particuliers"

    class Meta:
        model = models.KioskProfile
