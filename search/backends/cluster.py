"""Index settings for an Elasticsearch 8/9 or OpenSearch 2/3 cluster.

Pure data (imported by the production settings). Each language gets an analyser built
from the cluster's own stemmer and stop-word filters; the index's default analyser
folds accents and case, which suits every script the site uses when a field has no
language-specific analyser. See docs/decisions/0002-search-per-language.md.
"""

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


def language_analyser(code):
    stemmer, stopwords = CLUSTER_LANGUAGES[code]
    return {
        "type": "custom",
        "tokenizer": "standard",
        "filter": [
            *(["elision_fr"] if code == "fr" else []),
            "lowercase",
            f"stop_{code}",
            f"stem_{code}",
            "asciifolding",
        ],
    }, {
        f"stop_{code}": {"type": "stop", "stopwords": stopwords},
        f"stem_{code}": {"type": "stemmer", "language": stemmer},
    }


def search_index_settings():
    analysers, filters = (
        {},
        {
            "elision_fr": {
                "type": "elision",
                "articles_case": True,
                "articles": [
                    "l",
                    "d",
                    "j",
                    "m",
                    "n",
                    "s",
                    "t",
                    "c",
                    "qu",
                    "jusqu",
                    "lorsqu",
                    "puisqu",
                ],
            }
        },
    )
    for code in CLUSTER_LANGUAGES:
        analyser, language_filters = language_analyser(code)
        analysers[f"proxima_{code}"] = analyser
        filters.update(language_filters)
    analysers["default"] = {
        "type": "custom",
        "tokenizer": "standard",
        "filter": ["lowercase", "asciifolding"],
    }
    return {"settings": {"index": {"analysis": {"analyzer": analysers, "filter": filters}}}}
