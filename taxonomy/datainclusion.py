"""data·inclusion's vocabularies (France's hub of social and inclusion services, which
feeds DORA and others), as choices for the terms that map to them: a need to one of its
thematics (« logement-hebergement--se-maintenir-dans-le-logement »), an audience to one
of its publics. The open-data export (``opendata.datainclusion``) describes services with
them."""

from data_inclusion.schema.v1 import Categorie, Public, Thematique

_CATEGORIES = {category.value: category.label for category in Categorie}

NEED_CODES = [
    (theme.value, f"{_CATEGORIES[theme.value.split('--')[0]]} › {theme.label}")
    for theme in Thematique
]
AUDIENCE_CODES = [(public.value, public.label) for public in Public]
