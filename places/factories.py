import datetime

import factory
from factory.django import DjangoModelFactory

from core.factories import LocaleFactory

from . import models
from .hours import closes_next_day

# A weekday split day: 9:00–12:00 and 13:30–17:00.
SPLIT_DAY = ((datetime.time(9), datetime.time(12)), (datetime.time(13, 30), datetime.time(17)))


class OrganisationFactory(DjangoModelFactory):
    locale = factory.SubFactory(LocaleFactory)
    name = factory.Sequence(lambda n: f"Service social {n}")
    kind = models.Organisation.Kind.COMMUNE
    description = "Accueil social et accompagnement des habitantes et habitants."
    # Published, as residents see it; ``live=False`` for a new draft (core.moderation).
    live = True

    class Meta:
        model = models.Organisation


class PlaceFactory(DjangoModelFactory):
    """A hub in Vernier; ``weekdays`` (default Monday–Friday) get split-day hours."""

    locale = factory.SubFactory(LocaleFactory)
    name = factory.Sequence(lambda n: f"Antenne sociale {n}")
    slug = factory.Sequence(lambda n: f"antenne-sociale-{n}")
    kind = models.Place.Kind.HUB
    street_address = "Rue du Village 20"
    postcode = "1214"
    commune = "Vernier"
    country = "CH"
    latitude = factory.LazyFunction(lambda: "46.2170")
    longitude = factory.LazyFunction(lambda: "6.0850")
    transit = "Tram 14, arrêt Vernier-Village"
    phone = "+41 22 306 06 60"
    # Published, as residents see it; ``live=False`` for a new draft (core.moderation).
    live = True

    class Meta:
        model = models.Place
        skip_postgeneration_save = True

    @factory.post_generation
    def weekdays(self, create, extracted, **kwargs):
        if not create:
            return
        weekdays = range(5) if extracted is None else extracted
        for weekday in weekdays:
            for opens, closes in SPLIT_DAY:
                models.PlaceOpeningPeriod.objects.create(
                    place=self,
                    weekday=weekday,
                    opens=opens,
                    closes=closes,
                    ends_next_day=closes_next_day(opens, closes),
                )
