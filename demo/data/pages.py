"""Demo home page, directory, content pages, emergency numbers and body blocks."""

HOME = {
    "title": "Proxima – aide sociale de proximité",
    "intro": (
        "Trouvez près de chez vous l’aide dont vous avez besoin : logement, budget, papiers, "
        "santé, démarches en ligne. Gratuit, dans votre langue, avec les horaires et les adresses."
    ),
    "search_prompt": "De quelle aide avez-vous besoin ?",
}

DIRECTORY = {
    "title": "Tous les services",
    "intro": (
        "<p>Filtrez par thème, par commune, par langue parlée ou par horaires pour trouver "
        "le bon service.</p>"
    ),
}

# The content page linked next to "Exit this page" (home.SafetySettings).
SAFETY_PAGE = "quitter-rapidement-et-securite"

CONTACT = {
    "organisation_name": "Proxima – information sociale",
    "phone": "+41 22 306 06 70",
    "email": "info@proxima.example",
    "reception_hours": "Du lundi au vendredi, 9 h – 12 h et 13 h – 16 h",
    "postal_address": "Service de la cohésion sociale\nRue du Village 9\n1214 Vernier",
}

# (label, number, description), in the order they are shown.
EMERGENCY_NUMBERS = [
    ("Urgences sanitaires (Suisse)", "144", "Ambulance, 24 h sur 24."),
    ("Police (Suisse)", "117", ""),
    ("Pompiers (Suisse)", "118", ""),
    ("La Main Tendue (Suisse)", "143", "Écoute anonyme, 24 h sur 24."),
    (
        "Jeunes : Pro Juventute (Suisse)",
        "147",
        "Écoute pour les enfants et les jeunes, 24 h sur 24.",
    ),
    ("Urgence européenne", "112", "Depuis n’importe quel téléphone, en Suisse et en France."),
    ("SAMU (France)", "15", ""),
    ("Police secours (France)", "17", ""),
    ("Violences Femmes Info (France)", "3919", "Gratuit, anonyme, 24 h sur 24."),
    ("Enfance en danger (France)", "119", "Gratuit, 24 h sur 24."),
    ("Urgences par SMS pour les personnes sourdes (France)", "114", "Par SMS ou application."),
]

STANDARD_PAGES = [
    {
        "slug": "a-propos",
        "title": "À propos de Proxima",
        "intro": "Qui publie ces informations, et comment elles sont tenues à jour.",
        "body": (
            "<h2>Qui sommes-nous ?</h2><p>Proxima rassemble les services sociaux de proximité "
            "de la commune de Vernier et des pôles sociaux départementaux des Hauts-de-Seine. "
            "Chaque fiche est rédigée par le service concerné et vérifiée régulièrement.</p>"
            "<h2>Vos données</h2><p>Ce site ne dépose aucun cookie de mesure d’audience et "
            "n’utilise aucun service extérieur. Les recherches sont comptées de façon anonyme.</p>"
        ),
        "in_menu": True,
    },
    {
        "slug": "declaration-accessibilite",
        "title": "Déclaration d’accessibilité",
        "intro": "Notre engagement pour un site utilisable par tout le monde.",
        "body": (
            "<h2>État de conformité</h2><p>Ce site vise la conformité au niveau AA des règles "
            "WCAG 2.2, au RGAA 4.1 (France) et à la norme eCH-0059 (Suisse). Chaque type de page "
            "est testé automatiquement avec axe-core, au clavier et à 320 pixels de large.</p>"
            "<h2>Contenus non accessibles</h2><p>Certains documents PDF publiés par nos "
            "partenaires peuvent ne pas être accessibles. Demandez-nous une version adaptée.</p>"
            "<h2>Nous signaler un problème</h2><p>Si vous n’arrivez pas à utiliser une page, "
            "écrivez à info@proxima.example ou appelez le +41 22 306 06 70 : nous vous "
            "répondons sous cinq jours ouvrés et vous donnons l’information par un autre moyen. "
            "Sans compte, vous pouvez aussi remplir le formulaire "
            '<a href="/fr/report-a-problem/?page=/fr/declaration-accessibilite/">signaler un '
            "problème sur une page</a>, présent en bas de chaque page.</p>"
            "<h2>Voies de recours</h2><p>En France, vous pouvez saisir le Défenseur des droits. "
            "En Suisse, adressez-vous au Bureau fédéral de l’égalité pour les personnes "
            "handicapées.</p>"
        ),
        "in_menu": False,
    },
    {
        "slug": "quitter-rapidement-et-securite",
        "title": "Quitter rapidement ce site et naviguer en sécurité",
        "intro": "Si quelqu’un surveille ce que vous faites en ligne, ces conseils peuvent vous protéger.",
        "body": (
            "<h2>Le bouton « Quitter ce site »</h2><p>Sur les pages consacrées aux violences, un "
            "bouton vous fait quitter le site immédiatement pour une page neutre. Vous pouvez aussi "
            "appuyer trois fois sur la touche Maj (Shift).</p>"
            "<h2>Effacer vos traces</h2><ul><li>Utilisez la navigation privée de votre navigateur : "
            "l’historique n’est pas gardé.</li><li>Sinon, effacez l’historique après votre visite, "
            "seulement pour les pages concernées si possible.</li><li>Utilisez un ordinateur en "
            "libre accès, par exemple dans un pôle social ou une bibliothèque.</li></ul>"
            "<h2>En cas de danger</h2><p>Appelez la police : 117 en Suisse, 17 en France, ou le "
            "112. En France, le 3919 répond aux femmes victimes de violences, gratuitement et "
            "sans laisser de trace sur la facture.</p>"
        ),
        "in_menu": False,
    },
]

RICH = "<p>{}</p>"

# Body StreamField content, referenced by key from data/services.py.
BODIES = {
    "guichet": [
        (
            "paragraph",
            RICH.format(
                "Le guichet vous reçoit sans rendez-vous. Vous pouvez aussi nous écrire ou "
                "nous appeler : nous vous rappelons dans la journée."
            ),
        ),
        # A document of demo.data.media, by its key (demo.loader).
        ("document_link", {"document": "depliant-guichet", "text": "Le dépliant du guichet"}),
    ],
    "legal": [
        (
            "questions",
            {
                "heading": "Questions fréquentes",
                "items": [
                    {
                        "question": "Le juriste peut-il me représenter au tribunal ?",
                        "answer": RICH.format(
                            "Non. Il vous explique vos droits et vous oriente vers un avocat ou l’assistance juridique si besoin."
                        ),
                    },
                    {
                        "question": "Est-ce confidentiel ?",
                        "answer": RICH.format("Oui, les juristes sont tenus au secret."),
                    },
                ],
            },
        ),
    ],
    "tax": [
        (
            "callout",
            {
                "kind": "warning",
                "title": "Date limite",
                "text": RICH.format(
                    "La déclaration est à rendre avant le 31 mars. Prenez rendez-vous dès février."
                ),
            },
        ),
        (
            "procedure_guide",
            {
                "heading": "Déclarer en ligne avec GeTax, pas à pas",
                "online_service_name": "GeTax",
                "url": "https://www.ge.ch/declarer-mes-impots-personne-physique",
                "steps": [
                    {
                        "title": "Préparer vos codes",
                        "instructions": RICH.format(
                            "Le numéro de contribuable et le code d’accès figurent sur le courrier reçu en début d’année."
                        ),
                    },
                    {
                        "title": "Télécharger le logiciel",
                        "instructions": RICH.format(
                            "Installez GeTax sur votre ordinateur, ou venez le faire avec nous."
                        ),
                    },
                    {
                        "title": "Remplir et envoyer",
                        "instructions": RICH.format(
                            "Saisissez vos revenus et vos déductions, puis transmettez la déclaration en ligne."
                        ),
                    },
                ],
            },
        ),
    ],
    "debt": [
        (
            "documents_checklist",
            {
                "heading": "À apporter si vous l’avez",
                "documents": [
                    "Budget du mois (loyer, assurance, factures)",
                    "Commandements de payer",
                    "Contrats de crédit ou de leasing",
                ],
            },
        ),
        (
            "callout",
            {
                "kind": "info",
                "title": "",
                "text": RICH.format(
                    "Plus vous venez tôt, plus il est facile de trouver une solution avec vos créanciers."
                ),
            },
        ),
    ],
    "digital": [
        (
            "procedure_guide",
            {
                "heading": "Ouvrir un compte e-démarches",
                "online_service_name": "e-démarches de l’État de Genève",
                "url": "https://www.ge.ch/e-demarches-particuliers",
                "steps": [
                    {
                        "title": "Aller sur le site",
                        "instructions": RICH.format(
                            "Ouvrez la page e-démarches et choisissez « Créer un compte »."
                        ),
                    },
                    {
                        "title": "Donner votre adresse e-mail",
                        "instructions": RICH.format(
                            "Vous recevez un code de confirmation par e-mail."
                        ),
                    },
                    {
                        "title": "Valider avec votre téléphone",
                        "instructions": RICH.format(
                            "Un code arrive par SMS : recopiez-le pour terminer."
                        ),
                    },
                ],
            },
        ),
    ],
    "caf": [
        (
            "procedure_guide",
            {
                "heading": "Déclarer ses ressources trimestrielles à la CAF",
                "online_service_name": "caf.fr",
                "url": "https://www.caf.fr/allocataires/mon-compte",
                "steps": [
                    {
                        "title": "Se connecter",
                        "instructions": RICH.format(
                            "Avec votre numéro allocataire et votre code, ou avec FranceConnect."
                        ),
                    },
                    {
                        "title": "Choisir « Déclarer mes ressources »",
                        "instructions": RICH.format(
                            "Indiquez les revenus de chaque mois du trimestre."
                        ),
                    },
                    {
                        "title": "Valider et garder la preuve",
                        "instructions": RICH.format(
                            "Téléchargez ou photographiez l’accusé de réception."
                        ),
                    },
                ],
            },
        ),
        (
            "questions",
            {
                "heading": "Questions fréquentes",
                "items": [
                    {
                        "question": "Je n’ai pas d’adresse e-mail, que faire ?",
                        "answer": RICH.format(
                            "Le conseiller numérique vous aide à en créer une sur place."
                        ),
                    }
                ],
            },
        ),
    ],
    "mdph": [
        (
            "documents_checklist",
            {
                "heading": "Le dossier MDPH complet",
                "documents": [
                    "Formulaire de demande signé",
                    "Certificat médical de moins d’un an",
                    "Copie de la pièce d’identité",
                    "Justificatif de domicile",
                ],
            },
        ),
    ],
    "violence": [
        (
            "callout",
            {
                "kind": "warning",
                "title": "En danger immédiat ?",
                "text": RICH.format("Appelez la police : 117 en Suisse, 17 en France, ou le 112."),
            },
        ),
        (
            "contact",
            {
                "name": "Ligne d’écoute confidentielle",
                "phone": "+41 22 306 06 70",
                "email": "",
                "note": "Vous pouvez appeler sans donner votre nom.",
            },
        ),
    ],
}
