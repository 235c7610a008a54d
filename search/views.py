"""Site search: every live public page of the active language, never an error page."""

import difflib
from urllib.parse import urlencode

from django.core.cache import cache
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Locale, Page

from core import content_version
from core.cards import attach_cards
from core.pagination import parse_page_number

from .engine import SearchUnavailable, autocomplete, matching_ids
from .models import SearchSynonym, ZeroResultSearch
from .query import clean_query, search_terms

RESULTS_PER_PAGE = 20
# The most relevant results shown; beyond, residents are asked to add a word.
MAX_RESULTS = 500
SUGGESTIONS = 8
VOCABULARY_CACHE_SECONDS = 600


def searchable_pages(locale):
    return Page.objects.live().public().filter(locale=locale)


def find_page_ids(pages, locale, query):
    """Ids for the query and for its synonyms, the query's own results first."""
    ids = matching_ids(pages, query, limit=MAX_RESULTS) or []
    for alternative in SearchSynonym.expansions(locale, query):
        seen = set(ids)
        ids += [
            pk for pk in (matching_ids(pages, alternative, MAX_RESULTS) or []) if pk not in seen
        ]
    return ids[:MAX_RESULTS]


def promoted_pages(query, locale):
    normalised = " ".join(search_terms(query))
    picks = Query.objects.filter(query_string=normalised).first()
    if picks is None:
        return []
    return [
        promotion
        for promotion in picks.editors_picks.select_related("page").order_by("sort_order")
        if promotion.page is None or (promotion.page.live and promotion.page.locale_id == locale.pk)
    ]


def vocabulary(locale):
    # Keyed on the content version, so a page published a moment ago is suggested too.
    key = f"search-vocabulary:{content_version.current()}:{locale.pk}"
    words = cache.get(key)
    if words is None:
        titles = searchable_pages(locale).values_list("title", flat=True)
        words = sorted({word for title in titles for word in search_terms(title) if len(word) > 3})
        cache.set(key, words, VOCABULARY_CACHE_SECONDS)
    return words


def spelling_suggestion(query, locale):
    words = vocabulary(locale)
    corrected, changed = [], False
    for term in search_terms(query):
        match = difflib.get_close_matches(term, words, n=1, cutoff=0.75)
        if match and match[0] != term:
            corrected.append(match[0])
            changed = True
        else:
            corrected.append(term)
    return " ".join(corrected) if changed else ""


def search(request):
    query = clean_query(request.GET.get("q", ""))
    locale = Locale.get_active()
    context = {"search_query": query, "results_page": None, "search_failed": False}
    if query:
        pages = searchable_pages(locale)
        try:
            ids = find_page_ids(pages, locale, query)
        except SearchUnavailable:
            ids = []
            context["search_failed"] = True
        paginator = Paginator(ids, RESULTS_PER_PAGE)
        number = min(parse_page_number(request.GET.get("page", 1)), paginator.num_pages)
        results_page = paginator.page(number)
        results_page.object_list = load_results(list(results_page.object_list), request)
        context.update(
            results_page=results_page,
            too_many=len(ids) >= MAX_RESULTS,
            promotions=promoted_pages(query, locale),
            query_string=urlencode({"q": query}),
        )
        if not ids and not context["search_failed"]:
            context["suggestion"] = spelling_suggestion(query, locale)
            if not getattr(request, "kiosk_profile", None):
                ZeroResultSearch.record(locale, query)
    return TemplateResponse(request, "pages/search.html", context)


def load_results(ids, request):
    """Specific pages for the ids, in order, each with its card (``card``)."""
    pages = Page.objects.filter(pk__in=ids).specific().in_bulk()
    results = [pages[pk] for pk in ids if pk in pages]
    attach_cards(results, request, timezone.now())
    return results


def suggest(request):
    """Up to eight page titles for the autocomplete combobox, as JSON."""
    query = clean_query(request.GET.get("q", ""))
    suggestions = []
    if search_terms(query):
        pages = searchable_pages(Locale.get_active())
        try:
            suggestions = [
                {"title": page.title, "url": page.url}
                for page in autocomplete(pages, query, SUGGESTIONS)
            ]
        except Exception:  # noqa: BLE001 - suggestions are a nicety; never fail for them
            suggestions = []
    response = JsonResponse({"query": query, "suggestions": suggestions})
    response["Cache-Control"] = "private, max-age=60"
    return response
