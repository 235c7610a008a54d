import datetime

import factory
import wagtail_factories

from search import indexing
from taxonomy.factories import AccessModeFactory, ThemeFactory

from . import models


class ServiceIndexPageFactory(wagtail_factories.PageFactory):
    title = "Services"
    slug = "services"

    class Meta:
        model = models.ServiceIndexPage


class ThemePageFactory(wagtail_factories.PageFactory):
    title = factory.LazyAttribute(lambda page: page.theme.name)
    theme = factory.SubFactory(ThemeFactory)
    intro = "Les services de ce thème."

    class Meta:
        model = models.ThemePage


class ServicePageFactory(wagtail_factories.PageFactory):
    """A valid, live service: one theme and one access mode unless given.

    ``places`` links places (their own hours apply); ``documents`` and ``procedures``
    take lists of strings and (title, url) pairs.
    """

    title = factory.Sequence(lambda n: f"Consultation sociale {n}")
    summary = "Un conseil gratuit pour faire valoir vos droits."
    phone = "+41 22 306 06 60"
    last_reviewed = factory.LazyFunction(datetime.date.today)

    class Meta:
        model = models.ServicePage
        skip_postgeneration_save = True

    @classmethod
    def _generate(cls, strategy, params):
        # Created, linked and published as one edit: indexed once, not after each write.
        with indexing.deferred():
            return super()._generate(strategy, params)

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if create:
            self.themes.set(extracted if extracted is not None else [ThemeFactory()])

    @factory.post_generation
    def access_modes(self, create, extracted, **kwargs):
        if create:
            self.access_modes.set(extracted if extracted is not None else [AccessModeFactory()])

    @factory.post_generation
    def audiences(self, create, extracted, **kwargs):
        if create and extracted:
            self.audiences.set(extracted)

    @factory.post_generation
    def spoken_languages(self, create, extracted, **kwargs):
        if create and extracted:
            self.spoken_languages.set(extracted)

    @factory.post_generation
    def places(self, create, extracted, **kwargs):
        for place in extracted or []:
            models.ServicePlace.objects.create(page=self, place=place)

    @factory.post_generation
    def documents(self, create, extracted, **kwargs):
        for document in extracted or []:
            models.ServiceRequiredDocument.objects.create(page=self, document=document)

    @factory.post_generation
    def procedures(self, create, extracted, **kwargs):
        for title, url in extracted or []:
            models.ServiceOnlineProcedure.objects.create(page=self, title=title, url=url)

    @factory.post_generation
    def publish(self, create, extracted, **kwargs):
        """Saves the M2M and inlines in a live revision, as the admin would."""
        if create and extracted is not False:
            self.save_revision().publish()
