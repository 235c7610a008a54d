"""Realistic random services in bulk, for benchmarks (``manage.py generate_services``).

Pages are created one by one through treebeard (so paths stay right) but without
revisions; relations and inlines are inserted in bulk, and each page is indexed once, in
batches, as the block ends (``search.indexing.deferred``). The result is what a site
would hold after editors had published the pages: live, routable and searchable.
"""

import datetime
import random

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from core import content_version
from places.hours import closes_next_day
from places.models import Place
from search import indexing
from services_directory.models import (
    ServiceIndexPage,
    ServiceOpeningPeriod,
    ServicePage,
    ServicePlace,
    ServiceRequiredDocument,
)
from taxonomy.models import AccessMode, Audience, SpokenLanguage, Theme

ACTIVITIES = [
    "Permanence",
    "Atelier",
    "Consultation",
    "Accompagnement",
    "Point d’accueil",
    "Groupe de parole",
    "Aide",
    "Conseil",
    "Soutien",
    "Information",
    "Cours",
    "Médiation",
]
SUBJECTS = [
    "logement",
    "budget familial",
    "dettes",
    "impôts",
    "assurance maladie",
    "emploi",
    "démarches en ligne",
    "droits des locataires",
    "retraite",
    "parentalité",
    "santé mentale",
    "accès aux droits",
    "numérique",
    "alimentation",
    "énergie",
    "mobilité",
    "papiers d’identité",
    "titre de séjour",
    "bourses d’études",
]
# Words few services use: a benchmark's "rare word".
RARE_SUBJECTS = ["ludothèque", "apiculture urbaine", "calligraphie", "philatélie solidaire"]
AUDIENCE_WORDS = [
    "pour les seniors",
    "pour les familles",
    "pour les jeunes",
    "pour tous",
    "pour les personnes handicapées",
    "pour les femmes",
    "pour les nouveaux arrivants",
]
SUMMARIES = [
    "Un professionnel vous reçoit pour faire le point sur votre situation : {subject}.",
    "Être aidé gratuitement pour vos questions de {subject}, près de chez vous.",
    "Des bénévoles formés vous accompagnent pas à pas ({subject}).",
    "Informations, conseils et orientation sur le thème {subject}.",
]
DOCUMENTS = [
    "Pièce d’identité",
    "Justificatif de domicile",
    "Dernier avis d’imposition",
    "Attestation CAF",
    "Fiches de salaire",
    "Contrat de bail",
    "Carte Vitale",
]
SPLITS = [
    [("09:00", "12:00"), ("13:30", "17:00")],
    [("08:30", "17:30")],
    [("14:00", "18:00")],
    [("09:00", "12:30")],
]


def time_of(value):
    return datetime.time.fromisoformat(value)


class ServiceGenerator:
    def __init__(self, count, seed=None):
        self.count = count
        self.random = random.Random(seed)
        self.today = timezone.localdate()

    def choose(self, items, low, high):
        return self.random.sample(items, k=min(len(items), self.random.randint(low, high)))

    def generate(self):
        directory = ServiceIndexPage.objects.filter(locale__language_code="fr").first()
        if directory is None:
            raise ValueError("No French services directory: run load_demo first.")
        pools = {
            "themes": list(Theme.objects.filter(locale=directory.locale)),
            "audiences": list(Audience.objects.filter(locale=directory.locale)),
            "access_modes": list(AccessMode.objects.filter(locale=directory.locale)),
            "languages": list(SpokenLanguage.objects.filter(locale=directory.locale)),
            "places": list(Place.objects.filter(locale=directory.locale)),
        }
        if not pools["themes"] or not pools["access_modes"]:
            raise ValueError("No themes or access modes: run load_demo first.")
        start = ServicePage.objects.count()
        # Indexed once each as the block ends, after the relations the index reads.
        with transaction.atomic(), indexing.deferred():
            pages = [self.create_page(directory, start + n) for n in range(self.count)]
            self.add_relations(pages, pools)
        # Relations were bulk-created, without the signals that mark directories stale.
        content_version.bump()
        return pages

    def create_page(self, directory, number):
        subject = (
            self.random.choice(RARE_SUBJECTS)
            if self.random.random() < 0.002
            else self.random.choice(SUBJECTS)
        )
        title = (
            f"{self.random.choice(ACTIVITIES)} {subject} "
            f"{self.random.choice(AUDIENCE_WORDS)} n° {number + 1}"
        )
        cost = self.random.choices(["free", "reduced", "paid"], weights=[8, 2, 1])[0]
        page = ServicePage(
            title=title,
            slug=slugify(f"service-genere-{number + 1}"),
            locale=directory.locale,
            summary=self.random.choice(SUMMARIES).format(subject=subject),
            cost=cost,
            cost_details="" if cost == "free" else "Selon vos revenus, de 5 à 20 €.",
            phone=f"+41 22 {self.random.randint(300, 999)} {self.random.randint(10, 99)} "
            f"{self.random.randint(10, 99)}",
            last_reviewed=self.today - datetime.timedelta(days=self.random.randint(0, 400)),
            live=True,
            first_published_at=timezone.now(),
            last_published_at=timezone.now(),
        )
        directory.add_child(instance=page)
        directory.numchild += 1  # add_child updated the row, not this instance
        return page

    def add_relations(self, pages, pools):
        m2m = {
            "themes": (ServicePage.themes.through, "theme", 1, 3),
            "audiences": (ServicePage.audiences.through, "audience", 0, 2),
            "access_modes": (ServicePage.access_modes.through, "accessmode", 1, 2),
            "languages": (ServicePage.spoken_languages.through, "spokenlanguage", 1, 4),
        }
        for pool_name, (through, field, low, high) in m2m.items():
            through.objects.bulk_create(
                through(servicepage_id=page.pk, **{f"{field}_id": item.pk})
                for page in pages
                for item in self.choose(pools[pool_name], low, high)
            )
        links, periods, documents = [], [], []
        for page in pages:
            places = self.choose(pools["places"], 0, 2)
            links += [
                ServicePlace(page=page, place=place, sort_order=i) for i, place in enumerate(places)
            ]
            if self.random.random() < 0.4:
                place = places[0] if places else None
                split = self.random.choice(SPLITS)
                periods += [
                    ServiceOpeningPeriod(
                        page=page,
                        place=place,
                        weekday=weekday,
                        opens=time_of(opens),
                        closes=time_of(closes),
                        ends_next_day=closes_next_day(time_of(opens), time_of(closes)),
                    )
                    for weekday in self.choose(list(range(6)), 1, 5)
                    for opens, closes in split
                ]
            documents += [
                ServiceRequiredDocument(page=page, document=document, sort_order=i)
                for i, document in enumerate(self.choose(DOCUMENTS, 0, 3))
            ]
        ServicePlace.objects.bulk_create(links)
        ServiceOpeningPeriod.objects.bulk_create(periods)
        ServiceRequiredDocument.objects.bulk_create(documents)
        for page in pages:
            page.review_due = page.compute_review_due()
        ServicePage.objects.bulk_update(pages, ["review_due"], batch_size=1000)
