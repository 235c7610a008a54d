"""An Elasticsearch 8/9 or OpenSearch 2/3 backend for one language, with its own index.

Wagtail's cluster backends put every locale in one index whose text fields share one
analyser, so French and Portuguese would be stemmed alike. Here production declares one
backend per language (``cluster-fr``, ``cluster-pt``...): each writes only the objects of
its language into its own index (``<SEARCH_INDEX>_<language>_...``), whose default
analyser is that language's stemmer and stop words (accent- and case-folding only where
the cluster has no stemmer: Albanian, Ukrainian, Tamil, Tigrinya). Search in a language
asks that language's backend. See docs/decisions/0002-search-per-language.md.
"""

from contextlib import suppress
from copy import deepcopy

from django.utils.module_loading import import_string

from config.environment import SEARCH_ENGINES
from core import breaker

# Said once in the log when the cluster stops answering.
WHILE_DOWN = (
    "Residents search the database meanwhile; pages published or deleted meanwhile are "
    "not (un)indexed in the cluster: run `manage.py update_index` once it is back."
)

# Language code -> (stemmer language, stop-word list) known to Elasticsearch/OpenSearch.
CLUSTER_LANGUAGES = {
    "fr": ("light_french", "_french_"),
    "en": ("light_english", "_english_"),
    "de": ("light_german", "_german_"),
    "it": ("light_italian", "_italian_"),
    "pt": ("light_portuguese", "_portuguese_"),
    "es": ("light_spanish", "_spanish_"),
    "ar": ("arabic", "_arabic_"),
    "tr": ("turkish", "_turkish_"),
}
FRENCH_ELISION = {
    "type": "elision",
    "articles_case": True,
    "articles": ["l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu"],
}


class ClusterUnavailable(Exception):
    """The cluster failed lately and is left alone for a while (``core.breaker``)."""


def cluster_name(hosts):
    """The cluster's hosts and ports, for the log: never its credentials."""
    where = ", ".join(f"{host['host']}:{host['port']}" for host in hosts)
    return f"Search cluster {where}"


def language_analysis(code):
    """The analysis settings of a language's index: its analyser is the index default."""
    filters = {}
    chain = ["lowercase"]
    if code == "fr":
        filters["elision_fr"] = FRENCH_ELISION
        chain.insert(0, "elision_fr")
    if code in CLUSTER_LANGUAGES:
        stemmer, stopwords = CLUSTER_LANGUAGES[code]
        filters[f"stop_{code}"] = {"type": "stop", "stopwords": stopwords}
        filters[f"stem_{code}"] = {"type": "stemmer", "language": stemmer}
        chain += [f"stop_{code}", f"stem_{code}"]
    chain.append("asciifolding")
    return {
        "analyzer": {"default": {"type": "custom", "tokenizer": "standard", "filter": chain}},
        "filter": filters,
    }


def language_of(obj, languages_by_locale=None):
    """The object's language code, or None for objects that have no locale."""
    locale_id = getattr(obj, "locale_id", None)
    if locale_id is None:
        return None
    if languages_by_locale is None:
        languages_by_locale = {locale_id: obj.locale.language_code}
    return languages_by_locale[locale_id].split("-")[0]


def build_language_backend(engine_class):
    class LanguageIndex(engine_class.index_class):
        """Takes only the objects of its backend's language (and those with no locale)."""

        def belongs(self, obj, languages_by_locale=None):
            return language_of(obj, languages_by_locale) in (None, self.backend.language)

        # Saving and deleting one object (Wagtail's signal handlers, when editors publish)
        # and a block of writes indexed at once (the backend's add_bulk, from
        # search.indexing) skip a cluster that is down: otherwise each publish would wait
        # for a silent cluster once per language and object. ``update_index`` (add_items)
        # still fails loudly.
        def add_item(self, item):
            if self.belongs(item):
                self.backend.unless_down(lambda: super(LanguageIndex, self).add_item(item))

        def add_items(self, model, items):
            from wagtail.models import Locale  # models cannot load while settings import this

            # One query for the whole batch rather than one per object.
            languages = dict(Locale.objects.values_list("pk", "language_code"))
            mine = [item for item in items if self.belongs(item, languages)]
            if mine:
                super().add_items(model, mine)

        def delete_item(self, item):
            if self.belongs(item):
                self.backend.unless_down(lambda: super(LanguageIndex, self).delete_item(item))

    class LanguageSearchBackend(engine_class):
        index_class = LanguageIndex

        def __init__(self, params):
            params = dict(params)
            self.language = params.pop("LANGUAGE")
            index = params.pop("INDEX", "proxima")
            params.setdefault("INDEX_PREFIX", f"{index}_{self.language}_")
            super().__init__(params)
            # One breaker for every language's backend: they share the cluster.
            self.breaker = breaker.breaker(cluster_name(self.hosts), WHILE_DOWN)
            self.settings["settings"]["analysis"]["analyzer"].update(
                language_analysis(self.language)["analyzer"]
            )
            self.settings["settings"]["analysis"]["filter"].update(
                language_analysis(self.language)["filter"]
            )

        def add_bulk(self, model, obj_list):
            self.unless_down(lambda: super(LanguageSearchBackend, self).add_bulk(model, obj_list))

        def guarded(self, call):
            """``call()``, unless the cluster failed lately: then ``ClusterUnavailable``
            at once, without waiting for it."""
            if not self.breaker.allows():
                raise ClusterUnavailable(self.breaker.name)
            try:
                result = call()
            except Exception as error:
                self.breaker.failed(error)
                raise
            self.breaker.succeeded()
            return result

        def unless_down(self, call):
            """``call()``, skipped while the cluster is down (the breaker's log says so,
            once, with what to do)."""
            # Any failure: the breaker logged it when it opened.
            with suppress(Exception):
                self.guarded(call)

    LanguageSearchBackend.__name__ = f"Language{engine_class.__name__}"
    return LanguageSearchBackend


def SearchBackend(params):
    """Backend factory for ``WAGTAILSEARCH_BACKENDS``: ENGINE (one of
    ``config.environment.SEARCH_ENGINES``) and LANGUAGE; see ``cluster_backends`` there."""
    params = deepcopy(params)
    engine_class = import_string(SEARCH_ENGINES[params.pop("ENGINE")])
    return build_language_backend(engine_class)(params)
