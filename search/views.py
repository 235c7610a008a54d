"""Site search: every live public page of the active language, never an error page.

Services come first, as cards; other pages that match (themes, advice pages) follow in a
short list. A question that finds nothing because of a misspelt word is searched
corrected, and the page says so with a link to search exactly what was typed.
"""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import get_language
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Locale, Page

from core.cards import attach_cards
from core.pagination import parse_page_number

from .engine import SearchUnavailable, autocomplete, find
from .models import SearchSynonym, ZeroResultSearch
from .query import Question

RESULTS_PER_PAGE = 20
# The most relevant results shown; beyond, residents are asked to add a word.
MAX_RESULTS = 500
OTHER_PAGES_SHOWN = 5
SUGGESTIONS = 8


def searchable_pages(locale):
    return Page.objects.live().public().filter(locale=locale)


def found_ids(pages, locale, question, correct=True):
    """Ids for the question and its synonyms, the question's own results first, and the
    question searched (a correction of it, maybe)."""
    found = find(pages, question, locale.pk, correct=correct)
    ids, primary = list(found.ids), set(found.primary)
    for alternative in SearchSynonym.expansions(found.question, locale):
        more = find(pages, alternative, locale.pk)
        seen = set(ids)
        ids += [pk for pk in more.ids if pk not in seen]
        primary |= more.primary
    ids = ids[:MAX_RESULTS]
    services = [pk for pk in ids if pk in primary]
    return ids, services, [pk for pk in ids if pk not in primary], found.question


def promoted_pages(question, locale):
    picks = Query.objects.filter(query_string=question.normalised).first()
    if picks is None:
        return []
    return [
        promotion
        for promotion in picks.editors_picks.select_related("page").order_by("sort_order")
        if promotion.page is None or (promotion.page.live and promotion.page.locale_id == locale.pk)
    ]


def search(request):
    question = Question.parse(request.GET.get("q", ""), get_language())
    locale = Locale.get_active()
    context = {"search_query": question.text, "results_page": None, "search_failed": False}
    if question.text:
        exact = request.GET.get("exact") == "1"
        try:
            ids, services, others, searched = found_ids(
                searchable_pages(locale), locale, question, not exact
            )
        except SearchUnavailable:
            ids, services, others, searched = [], [], [], question
            context["search_failed"] = True
        paginator = Paginator(services, RESULTS_PER_PAGE)
        number = min(parse_page_number(request.GET.get("page", 1)), paginator.num_pages)
        results_page = paginator.page(number)
        results_page.object_list = load_results(list(results_page.object_list), request)
        context.update(
            results_page=results_page,
            other_pages=load_results(others[:OTHER_PAGES_SHOWN], request) if number == 1 else [],
            too_many=len(ids) >= MAX_RESULTS,
            promotions=promoted_pages(searched, locale),
            query_string=urlencode({"q": question.text, **({"exact": "1"} if exact else {})}),
            searched=searched,
            exact_url="?" + urlencode({"q": question.text, "exact": "1"}),
        )
        if not ids and not context["search_failed"] and not getattr(request, "kiosk_profile", None):
            ZeroResultSearch.record(locale, question)
    response = TemplateResponse(request, "pages/search.html", context)
    # What a resident searched for is theirs: kept by no cache, nor in the browser's.
    add_never_cache_headers(response)
    return response


def load_results(ids, request):
    """Specific pages for the ids, in order, each with its card (``card``)."""
    pages = Page.objects.filter(pk__in=ids).specific().in_bulk()
    results = [pages[pk] for pk in ids if pk in pages]
    attach_cards(results, request, timezone.now())
    return results


def suggest(request):
    """Up to eight page titles for the autocomplete combobox, as JSON."""
    question = Question.parse(request.GET.get("q", ""), get_language())
    suggestions = []
    if question.typed:
        try:
            suggestions = [
                {"title": page.title, "url": page.url}
                for page in autocomplete(
                    searchable_pages(Locale.get_active()), question, SUGGESTIONS
                )
            ]
        except Exception:  # noqa: BLE001 - suggestions are a nicety; never fail for them
            suggestions = []
    response = JsonResponse({"query": question.text, "suggestions": suggestions})
    add_never_cache_headers(response)
    return response
