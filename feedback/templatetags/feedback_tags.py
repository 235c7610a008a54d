from django import template

from feedback import sms

register = template.Library()


@register.simple_tag
def sms_enabled():
    """Whether "Send to my phone" can send a text message (``SMS_URL`` is set)."""
    return sms.is_configured()
