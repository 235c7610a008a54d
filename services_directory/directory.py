"""What the directory page shows for a request: the services, paginated.

Facets, counts and sorting arrive with the faceted directory; this module is the one
place that turns the query string into a list of services.
"""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator

from .models.index import DIRECTORY_PAGE_SIZE
from .models.service import CARD_PREFETCH

MAX_PAGE_NUMBER = 10_000


def parse_page_number(raw):
    """A page number from the query string, clamped to 1..MAX_PAGE_NUMBER."""
    try:
        number = int(str(raw)[:8])
    except (TypeError, ValueError):
        return 1
    return min(max(number, 1), MAX_PAGE_NUMBER)


def directory_context(index_page, request):
    services = index_page.live_services().prefetch_related(*CARD_PREFETCH)
    paginator = Paginator(services, DIRECTORY_PAGE_SIZE)
    number = parse_page_number(request.GET.get("page", 1))
    try:
        page = paginator.page(number)
    except (EmptyPage, PageNotAnInteger):
        page = paginator.page(paginator.num_pages)
    return {"services_page": page, "paginator": paginator}
