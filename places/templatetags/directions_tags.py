"""``{% directions_to place planner_template as way %}``: how to get to a place."""

from django import template

from places.directions import directions_to as directions_for

register = template.Library()


@register.simple_tag
def directions_to(place, planner_template=""):
    return directions_for(place, planner_template or "")
