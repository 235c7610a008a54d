"""The weekly summary of the hours an editor is typing, as residents will read it.

The admin's hours panels ask for it as the editor types (``static/js/admin/hours-entry.js``);
it is ``places.hours``'s own summary of the rows read so far, so the preview never
disagrees with the page. Rows not valid yet are left out: saving checks them.
"""

from collections import defaultdict

from django.http import HttpResponseBadRequest
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from .forms import PreviewPeriodFormSet
from .hours import OpeningHours, WeeklyPeriod
from .models import Place


@require_GET
def hours_preview(request):
    formset = PreviewPeriodFormSet(request.GET, prefix="period")
    if formset.non_form_errors():  # no management form, or more periods than a preview shows
        return HttpResponseBadRequest(_("These periods cannot be previewed."))
    periods = defaultdict(list)  # place id or None -> periods
    for form in formset:
        if not form.is_valid() or not form.cleaned_data:  # an empty row is valid
            continue
        data = form.cleaned_data
        for day in {data["weekday"], *data["also_on"]}:
            periods[data["place"]].append(WeeklyPeriod(day, data["opens"], data["closes"]))
    names = dict(
        Place.objects.filter(pk__in=[pk for pk in periods if pk]).values_list("pk", "name")
    )
    summaries = [
        {"place": names.get(place, ""), "days": OpeningHours(rows).weekly_summary()}
        for place, rows in sorted(periods.items(), key=lambda item: names.get(item[0], ""))
    ]
    return TemplateResponse(request, "places/hours_preview.html", {"summaries": summaries})
