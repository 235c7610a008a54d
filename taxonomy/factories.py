import factory
from factory.django import DjangoModelFactory

from core.factories import LocaleFactory

from . import models


class TaxonomyFactory(DjangoModelFactory):
    locale = factory.SubFactory(LocaleFactory)
    name = factory.Sequence(lambda n: f"Catégorie {n}")
    slug = factory.Sequence(lambda n: f"categorie-{n}")


class ThemeFactory(TaxonomyFactory):
    icon = "help"

    class Meta:
        model = models.Theme
        django_get_or_create = ("locale", "slug")


class NeedFactory(TaxonomyFactory):
    class Meta:
        model = models.Need
        django_get_or_create = ("locale", "slug")


class AudienceFactory(TaxonomyFactory):
    class Meta:
        model = models.Audience
        django_get_or_create = ("locale", "slug")


class AccessModeFactory(TaxonomyFactory):
    kind = models.AccessMode.Kind.WALK_IN

    class Meta:
        model = models.AccessMode
        django_get_or_create = ("locale", "slug")


class SpokenLanguageFactory(TaxonomyFactory):
    code = "fr"
    name_local = "Français"

    class Meta:
        model = models.SpokenLanguage
        django_get_or_create = ("locale", "slug")


class AccessibilityFeatureFactory(TaxonomyFactory):
    class Meta:
        model = models.AccessibilityFeature
        django_get_or_create = ("locale", "slug")
