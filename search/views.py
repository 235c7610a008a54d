import logging
import unicodedata

from django.core.paginator import EmptyPage, Paginator
from django.template.response import TemplateResponse
from wagtail.models import Locale, Page

from services_directory.directory import parse_page_number

logger = logging.getLogger(__name__)

MAX_QUERY_LENGTH = 200
RESULTS_PER_PAGE = 20
# Control (Cc), format (Cf: bidi overrides, zero-width), surrogate, private-use and
# unassigned characters carry no meaning for a search and break some backends.
DROPPED_CATEGORIES = {"Cc", "Cf", "Cs", "Co", "Cn"}


def clean_query(raw):
    """The query as the backend will see it: printable, one-spaced, capped."""
    text = unicodedata.normalize("NFKC", raw or "")
    text = "".join(
        " " if unicodedata.category(char) in DROPPED_CATEGORIES else char for char in text
    )
    return " ".join(text.split())[:MAX_QUERY_LENGTH].strip()


def search(request):
    query = clean_query(request.GET.get("q", ""))
    results_page = None
    search_failed = False
    if query:
        pages = Page.objects.live().public().filter(locale=Locale.get_active()).specific()
        try:
            results = pages.search(query, operator="and")
            paginator = Paginator(results, RESULTS_PER_PAGE)
            number = parse_page_number(request.GET.get("page", 1))
            try:
                results_page = paginator.page(number)
            except EmptyPage:
                results_page = paginator.page(paginator.num_pages)
        except Exception:
            logger.exception("Search failed for a query of %d characters", len(query))
            search_failed = True
    return TemplateResponse(
        request,
        "pages/search.html",
        {"search_query": query, "results_page": results_page, "search_failed": search_failed},
    )
