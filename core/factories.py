import factory
from factory.django import DjangoModelFactory
from wagtail.models import Locale

from . import models


class LocaleFactory(DjangoModelFactory):
    language_code = "fr"

    class Meta:
        model = Locale
        django_get_or_create = ("language_code",)


class EmergencyNumberFactory(DjangoModelFactory):
    locale = factory.SubFactory(LocaleFactory)
    label = "Urgences sanitaires"
    number = "144"
    sort_order = factory.Sequence(int)
    # Published, as residents see it; ``live=False`` for a new draft (core.moderation).
    live = True

    class Meta:
        model = models.EmergencyNumber
