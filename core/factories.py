import factory
from factory.django import DjangoModelFactory

from taxonomy.factories import LocaleFactory

from . import models


class EmergencyNumberFactory(DjangoModelFactory):
    locale = factory.SubFactory(LocaleFactory)
    label = "Urgences sanitaires"
    number = "144"
    sort_order = factory.Sequence(int)

    class Meta:
        model = models.EmergencyNumber
