"""Page numbers from addresses: whatever they say, a number residents can be shown."""

MAX_PAGE_NUMBER = 10_000


def parse_page_number(raw):
    """A page number from the query string, clamped to 1..MAX_PAGE_NUMBER."""
    try:
        number = int(str(raw).strip()[:8])
    except (TypeError, ValueError):
        return 1
    return min(max(number, 1), MAX_PAGE_NUMBER)
