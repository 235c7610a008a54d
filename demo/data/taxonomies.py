"""Demo taxonomies, in French (the source language)."""

# (slug, name, icon, description)
THEMES = [
    (
        "seniors",
        "Seniors",
        "seniors",
        "Rester autonome chez soi, rompre l’isolement, être aidé au quotidien.",
    ),
    (
        "handicap",
        "Handicap",
        "disability",
        "Droits, aides, accès aux lieux et aux démarches pour les personnes handicapées.",
    ),
    (
        "droits-des-femmes-violences",
        "Droits des femmes et violences",
        "shield",
        "Écoute, protection et accompagnement des femmes et des victimes de violences.",
    ),
    (
        "acces-au-logement",
        "Accès au logement",
        "home",
        "Trouver un logement, le garder, éviter l’expulsion, payer son loyer.",
    ),
    (
        "dettes-et-budget",
        "Dettes et budget",
        "wallet",
        "Faire le point sur son budget, négocier ses dettes, éviter le surendettement.",
    ),
    (
        "aide-juridique",
        "Aide juridique",
        "scale",
        "Comprendre ses droits et être conseillé gratuitement par des juristes.",
    ),
    (
        "aide-aux-impots",
        "Aide aux impôts",
        "form",
        "Remplir sa déclaration d’impôts et comprendre les courriers du fisc.",
    ),
    (
        "sante-pmi",
        "Santé, PMI et petite enfance",
        "health",
        "Suivi des femmes enceintes et des enfants de moins de 6 ans, santé sexuelle.",
    ),
    (
        "emploi-insertion",
        "Emploi et insertion",
        "briefcase",
        "Chercher un emploi, se former, être accompagné vers l’insertion.",
    ),
    (
        "jeunesse",
        "Jeunesse",
        "youth",
        "Écoute, projets et accompagnement des jeunes et jeunes adultes.",
    ),
    (
        "inclusion-numerique",
        "Inclusion numérique et démarches en ligne",
        "computer",
        "Être aidé pour les démarches en ligne, accéder à un ordinateur, apprendre.",
    ),
    (
        "vie-de-quartier",
        "Vie de quartier",
        "people",
        "Maisons de quartier, activités, bénévolat et médiation entre voisins.",
    ),
]

# Themes whose pages get the "exit this page" button.
SENSITIVE_THEMES = {"droits-des-femmes-violences"}

# (slug, name)
AUDIENCES = [
    ("tout-public", "Tout public"),
    ("seniors", "Personnes âgées"),
    ("personnes-handicapees", "Personnes handicapées"),
    ("familles", "Familles et parents"),
    ("jeunes", "Jeunes de 12 à 25 ans"),
    ("femmes", "Femmes"),
    ("personnes-migrantes", "Personnes migrantes"),
    ("demandeurs-emploi", "Personnes en recherche d’emploi"),
]

# (slug, name, kind)
ACCESS_MODES = [
    ("sans-rendez-vous", "Sans rendez-vous", "walk_in"),
    ("sur-rendez-vous", "Sur rendez-vous", "appointment"),
    ("par-telephone", "Par téléphone", "phone"),
    ("en-ligne", "En ligne", "online"),
    ("a-domicile", "À domicile", "home_visit"),
]

# (BCP 47 code, name in French, name in the language itself); "fsl" is French Sign Language.
SPOKEN_LANGUAGES = [
    ("fr", "Français", "Français"),
    ("en", "Anglais", "English"),
    ("de", "Allemand", "Deutsch"),
    ("it", "Italien", "Italiano"),
    ("pt", "Portugais", "Português"),
    ("es", "Espagnol", "Español"),
    ("ar", "Arabe", "العربية"),
    ("sq", "Albanais", "Shqip"),
    ("uk", "Ukrainien", "Українська"),
    ("tr", "Turc", "Türkçe"),
    ("ta", "Tamoul", "தமிழ்"),
    ("ti", "Tigrinya", "ትግርኛ"),
    ("fa", "Persan", "فارسی"),
    ("so", "Somali", "Soomaali"),
    ("fsl", "Langue des signes française", "LSF"),
]

# (slug, name); the first one means step-free access (a badge on service cards).
STEP_FREE_FEATURE = "acces-de-plain-pied"
ACCESSIBILITY_FEATURES = [
    ("acces-de-plain-pied", "Accès de plain-pied ou ascenseur"),
    ("toilettes-accessibles", "Toilettes accessibles"),
    ("boucle-magnetique", "Boucle magnétique"),
    ("langue-des-signes", "Accueil en langue des signes"),
    ("documents-gros-caracteres", "Documents en gros caractères"),
    ("place-parking-pmr", "Place de stationnement réservée"),
]
