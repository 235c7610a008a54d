"""Demo kiosk profiles: one touch screen in the lobby of each demo hub."""

KIOSKS = [
    {
        "slug": "vernier-accueil",
        "name": "Vernier – écran de l’accueil",
        "place": "scs-vernier",
        "has_printer": True,
        "help_message": "Besoin d’aide ? Demandez à l’accueil, guichet 1.",
        "procedures": [
            "https://www.ge.ch/declarer-mes-impots-personne-physique",
            "https://www.ge.ch/prestations-complementaires-familiales",
            "https://www.ge.ch/e-demarches-particuliers",
        ],
    },
    {
        "slug": "asnieres-gennevilliers-hall",
        "name": "Asnières-Gennevilliers – écran du hall",
        "place": "pole-social-asnieres-gennevilliers",
        "has_printer": False,
        "help_message": "Besoin d’aide ? Demandez à l’accueil, bureau 2.",
        "procedures": [
            "https://www.caf.fr/allocataires/",
            "https://www.ameli.fr/assure/adherer-mon-compte-ameli",
        ],
    },
    {
        "slug": "issy-hall",
        "name": "Issy-les-Moulineaux – écran du hall",
        "place": "pole-social-issy",
        "has_printer": True,
        "help_message": "Besoin d’aide ? Demandez à l’accueil, bureau 2.",
        "procedures": [
            "https://www.pour-les-personnes-agees.gouv.fr/",
            "https://www.mdph.fr/",
            "https://www.impots.gouv.fr/",
        ],
    },
]
