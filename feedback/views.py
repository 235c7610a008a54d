"""The "Report a problem on this page" form: no account, no JavaScript needed."""

from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.http import require_GET, require_http_methods

from . import ratelimit
from .forms import ProblemReportForm, internal_page_path
from .notify import notify_editors


def page_from_query(request):
    """The ?page= the link came from, when it is one of this site's pages."""
    path = request.GET.get("page", "")
    try:
        return internal_page_path(path)
    except ValidationError:
        return ""


def render_form(request, form, status=200):
    # A refused address is neither linked nor sent back: the resident could not correct
    # a hidden field, so the next submission goes without it.
    page_path = "" if "page_path" in form.errors else form["page_path"].value() or ""
    return TemplateResponse(
        request,
        "feedback/report_form.html",
        {"form": form, "reported_page": page_path},
        status=status,
    )


@never_cache
@csrf_protect
@require_http_methods(["GET", "POST"])
def report_problem(request):
    if request.method == "GET":
        initial = {"page_path": page_from_query(request)}
        return render_form(request, ProblemReportForm(initial=initial))
    if ratelimit.is_limited(request):
        return TemplateResponse(request, "feedback/too_many.html", status=429)
    form = ProblemReportForm(request.POST)
    if form.is_spam():
        # Counted but neither stored nor sent; robots get the same answer as people.
        ratelimit.count_report(request)
        return redirect_to_thanks(form.data.get("page_path", ""))
    if not form.is_valid():
        return render_form(request, form, status=400)
    report = form.save(commit=False)
    report.language = get_language()
    report.save()
    ratelimit.count_report(request)
    notify_editors(request, report)
    return redirect_to_thanks(report.page_path)


def redirect_to_thanks(page_path):
    url = reverse("report_problem_thanks")
    try:
        return redirect(f"{url}?{urlencode({'page': internal_page_path(page_path)})}")
    except ValidationError:
        return redirect(url)


@require_GET
def report_thanks(request):
    return TemplateResponse(
        request, "feedback/thanks.html", {"reported_page": page_from_query(request)}
    )
