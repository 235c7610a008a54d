import random

import pytest

from places.factories import PlaceFactory
from services_directory.factories import ServicePageFactory
from taxonomy.factories import (
    AccessibilityFeatureFactory,
    AccessModeFactory,
    AudienceFactory,
    SpokenLanguageFactory,
    ThemeFactory,
)
from tests.conftest import once_per_module, read_again


@pytest.fixture
def catalogue(module_catalogue, site_tree):
    """Twenty services with seeded-random facets, and the objects they use."""
    return read_again(module_catalogue)


@once_per_module
def module_catalogue(site_tree):
    rng = random.Random(7)
    themes = [ThemeFactory(name=n, slug=n) for n in ("seniors", "logement", "dettes")]
    audiences = [AudienceFactory(name=n, slug=n) for n in ("familles", "jeunes")]
    languages = [
        SpokenLanguageFactory(name=name, slug=code, code=code, name_local=name)
        for code, name in (("fr", "Français"), ("ar", "العربية"), ("pt", "Português"))
    ]
    modes = [
        AccessModeFactory(name="Sans rendez-vous", slug="sans-rendez-vous", kind="walk_in"),
        AccessModeFactory(name="Par téléphone", slug="par-telephone", kind="phone"),
    ]
    step_free = AccessibilityFeatureFactory(
        name="Plain-pied", slug="acces-de-plain-pied", is_step_free=True
    )
    vernier = PlaceFactory(commune="Vernier", latitude="46.2171", longitude="6.0849")
    vernier.accessibility_features.add(step_free)
    vernier.save()
    issy = PlaceFactory(
        commune="Issy-les-Moulineaux",
        latitude="48.8244",
        longitude="2.2736",
        country="FR",
        weekdays=[5],
    )
    places = [vernier, issy]
    services = []
    for number in range(20):
        services.append(
            ServicePageFactory(
                parent=site_tree.directory,
                title=f"Service {number:02d}",
                themes=rng.sample(themes, rng.randint(1, 2)),
                audiences=rng.sample(audiences, rng.randint(0, 2)),
                spoken_languages=rng.sample(languages, rng.randint(1, 3)),
                access_modes=rng.sample(modes, rng.randint(1, 2)),
                places=rng.sample(places, rng.randint(0, 2)),
                cost=rng.choice(["free", "free", "paid"]),
                cost_details="10 €",
            )
        )
    return {
        "services": services,
        "themes": themes,
        "audiences": audiences,
        "languages": languages,
        "modes": modes,
        "places": places,
        "step_free": step_free,
    }
