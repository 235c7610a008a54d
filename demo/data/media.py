"""The demo's image and document, both made by ``demo.media`` (no download, no licence).

Keys name them in ``services.SERVICES`` ("image") and in ``pages.BODIES`` (a
``document_link`` block's "document").
"""

IMAGES = {
    "guichet": {
        "title": "Illustration – accueil du guichet social",
        "file_name": "guichet-accueil.png",
        "alt": (
            "Dessin : deux personnes se dirigent vers la porte d’une maison de quartier, "
            "sous le soleil."
        ),
    },
}

DOCUMENTS = {
    "depliant-guichet": {
        "title": "Dépliant du guichet d’information sociale",
        "file_name": "depliant-guichet-information-sociale.pdf",
        "lines": [
            "Guichet d’information sociale",
            "",
            "Vous ne savez pas à qui vous adresser ? Le guichet vous écoute,",
            "vous informe sur vos droits et vous oriente.",
            "",
            "Sans rendez-vous ou par téléphone : +41 22 306 06 70",
            "Gratuit et confidentiel.",
        ],
    },
}
