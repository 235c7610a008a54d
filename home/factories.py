import factory
import wagtail_factories

from . import models


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Accueil"
    intro = "Trouver de l’aide près de chez vous."

    class Meta:
        model = models.HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Page d’information {n}")
    intro = "Ce qu’il faut savoir."
    body = "<p>Texte de la page.</p>"

    class Meta:
        model = models.StandardPage
