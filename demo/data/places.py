"""Demo organisations and places: Vernier (Geneva) and two Hauts-de-Seine social hubs.

Hours are (weekdays, [(opens, closes), ...]) with weekdays 0 = Monday; exceptions are
computed relative to the year the demo is loaded (see demo.loader).
"""

WEEKDAYS = (0, 1, 2, 3, 4)

# A team (places.teams): its group's name, its organisations and its one member, an Editor
# with no password until an administrator sets one (docs/editors.md).
TEAM = {
    "name": "Équipe Vernier – cohésion sociale",
    "organisations": ["vernier-scs"],
    "member": "editeur-vernier",
}

# key: (name, kind, website, phone, email)
ORGANISATIONS = {
    "vernier-scs": (
        "Ville de Vernier – Service de la cohésion sociale",
        "commune",
        "https://www.vernier.ch/",
        "+41 22 306 06 70",
        "cohesion.sociale@vernier.ch",
    ),
    "cd92": (
        "Département des Hauts-de-Seine – Solidarités",
        "department",
        "https://www.hauts-de-seine.fr/",
        "+33 1 41 37 11 00",
        "solidarites@hauts-de-seine.fr",
    ),
    "hospice-general": (
        "Hospice général",
        "public_body",
        "https://www.hospicegeneral.ch/",
        "+41 22 420 52 00",
        "",
    ),
    "caritas-geneve": (
        "Caritas Genève",
        "association",
        "https://www.caritas-geneve.ch/",
        "+41 22 708 04 44",
        "",
    ),
    "pro-senectute": (
        "Pro Senectute Genève",
        "association",
        "https://www.prosenectute.ch/",
        "+41 22 807 05 65",
        "",
    ),
    "cidff92": (
        "CIDFF des Hauts-de-Seine",
        "association",
        "https://www.cidff92.fr/",
        "+33 1 47 81 59 80",
        "",
    ),
}

PLACES = [
    {
        "slug": "scs-vernier",
        "name": "Service de la cohésion sociale de Vernier",
        "kind": "hub",
        "organisation": "vernier-scs",
        "street_address": "Rue du Village 9",
        "postcode": "1214",
        "commune": "Vernier",
        "country": "CH",
        "latitude": "46.2171",
        "longitude": "6.0849",
        "transit": "Bus 51 et 53, arrêt Vernier-Village. Tram 14 à 10 minutes à pied.",
        "features": ["acces-de-plain-pied", "toilettes-accessibles", "boucle-magnetique"],
        "phone": "+41 22 306 06 70",
        "email": "cohesion.sociale@vernier.ch",
        "hours": [(WEEKDAYS, [("09:00", "12:00"), ("13:00", "16:00")])],
        "closures": ["christmas"],
    },
    {
        "slug": "maison-quartier-avanchets",
        "name": "Maison de quartier des Avanchets",
        "kind": "neighbourhood_house",
        "organisation": "vernier-scs",
        "street_address": "Rue du Grand-Bay 12",
        "postcode": "1220",
        "commune": "Vernier",
        "country": "CH",
        "latitude": "46.2213",
        "longitude": "6.1107",
        "transit": "Tram 14 et 18, arrêt Avanchet.",
        "features": ["acces-de-plain-pied", "toilettes-accessibles"],
        "phone": "+41 22 797 12 50",
        "email": "",
        "hours": [
            ((1, 3, 4), [("14:00", "18:30")]),
            ((2,), [("10:00", "18:30")]),
            ((5,), [("10:00", "16:00")]),
        ],
        "closures": ["summer", "christmas"],
    },
    {
        "slug": "maison-quartier-lignon",
        "name": "Maison de quartier du Lignon",
        "kind": "neighbourhood_house",
        "organisation": "vernier-scs",
        "street_address": "Place du Lignon 1",
        "postcode": "1219",
        "commune": "Vernier",
        "country": "CH",
        "latitude": "46.2047",
        "longitude": "6.0963",
        "transit": "Bus 7, 23 et 51, arrêt Lignon-Cité.",
        "features": ["acces-de-plain-pied"],
        "phone": "+41 22 796 74 10",
        "email": "",
        "hours": [((1, 2, 3, 4), [("14:00", "19:00")]), ((5,), [("14:00", "18:00")])],
        "closures": ["summer"],
    },
    {
        "slug": "antenne-chatelaine",
        "name": "Antenne sociale de Châtelaine",
        "kind": "antenna",
        "organisation": "vernier-scs",
        "street_address": "Avenue de Châtelaine 81",
        "postcode": "1219",
        "commune": "Vernier",
        "country": "CH",
        "latitude": "46.2106",
        "longitude": "6.1103",
        "transit": "Tram 14, arrêt Bouchet ; bus 6, arrêt Châtelaine.",
        "features": ["acces-de-plain-pied", "documents-gros-caracteres"],
        "phone": "+41 22 306 06 80",
        "email": "",
        "hours": [((0, 2, 3), [("09:00", "12:00"), ("13:30", "17:00")])],
        "closures": ["christmas"],
    },
    {
        "slug": "pole-social-asnieres-gennevilliers",
        "name": "Pôle social d’Asnières-Gennevilliers",
        "kind": "hub",
        "organisation": "cd92",
        "street_address": "4 rue Teddy Riner",
        "postcode": "92600",
        "commune": "Asnières-sur-Seine",
        "country": "FR",
        "latitude": "48.9266",
        "longitude": "2.2874",
        "transit": "Tramway T1, arrêt « Les Courtilles ». Métro 13, station Les Courtilles.",
        "features": [
            "acces-de-plain-pied",
            "toilettes-accessibles",
            "boucle-magnetique",
            "place-parking-pmr",
        ],
        "phone": "+33 1 41 11 32 00",
        "email": "pole.asnieres@hauts-de-seine.fr",
        "hours": [(WEEKDAYS, [("08:30", "17:30")])],
        "closures": ["public_holidays_fr"],
    },
    {
        "slug": "antenne-gennevilliers",
        "name": "Antenne départementale de Gennevilliers",
        "kind": "antenna",
        "organisation": "cd92",
        "street_address": "177 avenue Gabriel Péri",
        "postcode": "92230",
        "commune": "Gennevilliers",
        "country": "FR",
        "latitude": "48.9333",
        "longitude": "2.3006",
        "transit": "Métro 13, station Gabriel Péri ; bus 238.",
        "features": ["acces-de-plain-pied"],
        "phone": "+33 1 41 11 32 40",
        "email": "",
        "hours": [((0, 1, 3, 4), [("09:00", "12:30"), ("13:30", "17:00")])],
        "closures": ["public_holidays_fr"],
    },
    {
        "slug": "pole-social-issy",
        "name": "Pôle social départemental d’Issy-les-Moulineaux",
        "kind": "hub",
        "organisation": "cd92",
        "street_address": "2 rue Rouget de Lisle",
        "postcode": "92130",
        "commune": "Issy-les-Moulineaux",
        "country": "FR",
        "latitude": "48.8244",
        "longitude": "2.2736",
        "transit": "Tramway T2, arrêt Issy-Val de Seine ; RER C, gare Issy. Bus 123 et 126.",
        "features": [
            "acces-de-plain-pied",
            "toilettes-accessibles",
            "boucle-magnetique",
            "langue-des-signes",
        ],
        "phone": "+33 1 41 23 81 00",
        "email": "pole.issy@hauts-de-seine.fr",
        "hours": [(WEEKDAYS, [("08:30", "17:30")])],
        "closures": ["public_holidays_fr"],
    },
    {
        "slug": "antenne-pmi-vanves",
        "name": "Antenne PMI Mary Besseyre (Vanves)",
        "kind": "antenna",
        "organisation": "cd92",
        "street_address": "15 rue Mary Besseyre",
        "postcode": "92170",
        "commune": "Vanves",
        "country": "FR",
        "latitude": "48.8213",
        "longitude": "2.2898",
        "transit": "Métro 13, station Malakoff-Plateau de Vanves ; bus 58.",
        "features": ["acces-de-plain-pied", "toilettes-accessibles"],
        "phone": "+33 1 41 23 81 30",
        "email": "",
        "hours": [
            ((0, 1, 3, 4), [("09:00", "12:30"), ("13:30", "17:00")]),
            ((2,), [("09:00", "12:30")]),
        ],
        "closures": ["public_holidays_fr"],
    },
    {
        "slug": "antenne-clamart",
        "name": "Antenne départementale de Clamart",
        "kind": "antenna",
        "organisation": "cd92",
        "street_address": "8 rue Paul Vaillant-Couturier",
        "postcode": "92140",
        "commune": "Clamart",
        "country": "FR",
        "latitude": "48.8003",
        "longitude": "2.2664",
        "transit": "Tramway T6, arrêt Hôpital Béclère ; bus 189.",
        "features": ["documents-gros-caracteres"],
        "phone": "+33 1 41 23 81 50",
        "email": "",
        "hours": [((0, 1, 2, 3), [("09:00", "12:00"), ("13:30", "17:00")])],
        "closures": ["public_holidays_fr"],
    },
    {
        "slug": "antenne-meudon",
        "name": "Antenne départementale de Meudon",
        "kind": "antenna",
        "organisation": "cd92",
        "street_address": "3 rue de la République",
        "postcode": "92190",
        "commune": "Meudon",
        "country": "FR",
        "latitude": "48.8127",
        "longitude": "2.2381",
        "transit": "RER C, gare Meudon-Val-Fleury ; bus 169 et 289.",
        "features": ["acces-de-plain-pied", "toilettes-accessibles"],
        "phone": "+33 1 41 23 81 70",
        "email": "",
        "hours": [((1, 3), [("09:00", "12:00"), ("13:30", "17:00")])],
        "closures": ["public_holidays_fr"],
    },
]

# key: description and official identifiers. The numbers are illustrative (their check
# digits are right, they are not the organisations' real ones): a real site uses its own.
ORGANISATION_DETAILS = {
    "vernier-scs": {
        "description": "Le service social de la Ville de Vernier : accueil, information, "
        "accompagnement et actions de quartier pour les habitantes et habitants.",
        "swiss_uid": "CHE-216.543.218",
    },
    "cd92": {
        "description": "Les solidarités du Département des Hauts-de-Seine : pôles sociaux, "
        "protection maternelle et infantile, autonomie des personnes âgées et handicapées.",
        "siret": "22920050600017",
    },
    "hospice-general": {
        "description": "L’institution genevoise d’action sociale : aide financière, "
        "accompagnement social et hébergement.",
        "swiss_uid": "CHE-108.765.437",
    },
    "caritas-geneve": {
        "description": "Association d’entraide : conseil social, désendettement, épiceries "
        "solidaires.",
        "swiss_uid": "CHE-109.123.454",
    },
    "pro-senectute": {
        "description": "Fondation au service des personnes âgées et de leurs proches : "
        "conseil social, activités, aide à domicile.",
        "swiss_uid": "CHE-112.345.676",
    },
    "cidff92": {
        "description": "Centre d’information sur les droits des femmes et des familles : "
        "informations juridiques gratuites et accompagnement des victimes de violences.",
        "siret": "78501234500027",
        "rna": "W922000123",
    },
}

# slug: official codes of the communes a place receives residents from (its country's).
PLACE_CATCHMENTS = {
    "scs-vernier": ["6643"],
    "maison-quartier-avanchets": ["6643"],
    "maison-quartier-lignon": ["6643"],
    "antenne-chatelaine": ["6643"],
    "pole-social-asnieres-gennevilliers": ["92004", "92036", "92078"],
    "antenne-gennevilliers": ["92036"],
    "pole-social-issy": ["92040", "92075", "92023", "92048"],
    "antenne-pmi-vanves": ["92075"],
    "antenne-clamart": ["92023"],
    "antenne-meudon": ["92048"],
}

# slug: the place's page on Acceslibre (France's accessibility register).
ACCESSIBILITY_PAGES = {
    "pole-social-asnieres-gennevilliers": "https://acceslibre.beta.gouv.fr/recherche/?what=p%C3%B4le+social&where=Asni%C3%A8res-sur-Seine",
    "pole-social-issy": "https://acceslibre.beta.gouv.fr/recherche/?what=p%C3%B4le+social&where=Issy-les-Moulineaux",
}
