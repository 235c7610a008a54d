from django import template
from django.utils import timezone

from ..structured_data import json_ld, service_graph

register = template.Library()


@register.simple_tag(takes_context=True)
def service_json_ld(context, page):
    """The service page's schema.org graph (its hours as the page shows them)."""
    hours = [(entry["place"], entry["hours"]) for entry in context.get("hours_by_place", [])]
    url = page.get_full_url(context.get("request"))
    return json_ld(service_graph(page, url, hours, timezone.localdate()))
