"""HSDS records read as the values of Proxima's fields (``opendata.hsds.importer``).

Each value is judged by the model's own form fields, so an imported record meets the
rules an editor's entry meets; what cannot be read raises ``Invalid`` with the reason.
"""

import datetime
import hashlib
import json

from django import forms
from django.db import models
from django.forms.models import fields_for_model
from django.utils.translation import gettext as _

from places.hours import closes_next_day
from services_directory.models import ServicePage

from .serializers import DAYS


class Invalid(Exception):
    """A record Proxima cannot take; the message says why."""


def digest(record):
    return hashlib.sha256(json.dumps(record, sort_keys=True).encode()).hexdigest()


def form_field(field, **kwargs):
    if isinstance(field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return field.formfield(**kwargs)


def form_class(model, names):
    """A form of ``model``'s own fields: its validators judge imported values."""
    fields = fields_for_model(model, fields=names, formfield_callback=form_field)
    return type("ImportForm", (forms.Form,), fields)


def cleaned(model, data):
    form = form_class(model, list(data))(data)
    if not form.is_valid():
        raise Invalid(
            "; ".join(f"{name}: {' '.join(messages)}" for name, messages in form.errors.items())
        )
    return form.cleaned_data


def opening_time(value):
    """``09:00+01:00`` -> 09:00: the site's wall-clock time, as exported."""
    return datetime.time.fromisoformat(value[:5])


def hours_of(schedules):
    """HSDS schedules as the fields of opening periods (weekly schedules, one per day)
    and of hours exceptions (dated ones: closures and special hours)."""
    periods, exceptions = [], []
    try:
        for schedule in schedules or []:
            if schedule.get("dtstart"):
                exceptions.append(exception_fields(schedule))
            elif schedule.get("freq") == "WEEKLY":
                periods += period_fields(schedule)
    except (KeyError, ValueError) as error:
        raise Invalid(_("Unreadable schedule: %(error)s") % {"error": error}) from error
    return periods, exceptions


def period_fields(schedule):
    opens, closes = opening_time(schedule["opens_at"]), opening_time(schedule["closes_at"])
    return [
        {
            "weekday": DAYS.index(day),
            "opens": opens,
            "closes": closes,
            "ends_next_day": closes_next_day(opens, closes),
            "valid_from": schedule.get("valid_from"),
            "valid_until": schedule.get("valid_to"),
        }
        for day in schedule["byday"].split(",")
    ]


def exception_fields(schedule):
    start, end = schedule["dtstart"], schedule.get("until")
    special = "opens_at" in schedule and "closes_at" in schedule
    return {
        "start_date": start,
        "end_date": end if end and end != start else None,
        "closed": not special,
        "opens": opening_time(schedule["opens_at"]) if special else None,
        "closes": opening_time(schedule["closes_at"]) if special else None,
        "reason": schedule.get("notes", ""),
    }


def free_slug(slug, taken):
    """``slug``, or ``slug-2``, ``slug-3``… when ``taken`` (slugs) holds it."""
    taken = set(taken)
    candidate, number = slug, 1
    while candidate in taken:
        number += 1
        candidate = f"{slug}-{number}"
    return candidate


def first_phone(record):
    return (record.get("phones") or [{}])[0].get("number", "")


def organisation_of(location, service_organisation):
    """A place's organisation: the service's when the ids agree (the only one exported
    in full with the service)."""
    if service_organisation is not None and location.get("organization_id"):
        return service_organisation
    return None


def slug_of(record):
    """The last segment of the service's address on the source site."""
    return (record.get("url") or "").rstrip("/").rpartition("/")[2]


def cost_of(cost):
    """The cost its option names, by label (as exported) or value (``free``, ``paid``)."""
    labels = {str(label): value for value, label in ServicePage.Cost.choices}
    labels |= {value: value for value in ServicePage.Cost.values}
    if cost.get("option") in labels:
        return labels[cost["option"]]
    return ServicePage.Cost.PAID if cost.get("amount") else ServicePage.Cost.FREE
