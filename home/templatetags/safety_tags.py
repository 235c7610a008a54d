from django import template
from wagtail.models import Locale

from home.models import SafetySettings

register = template.Library()


@register.simple_tag(takes_context=True)
def safety_page(context):
    """The page about staying safe online, in the visitor's language (``SafetySettings``)."""
    request = context.get("request")
    if request is None:
        return None
    return SafetySettings.for_request(request).safety_page_in(Locale.get_active())
