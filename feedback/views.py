"""What residents tell or ask from a page, without an account or JavaScript: report a
problem, send a service to their phone, say whether the page helped."""

from urllib.parse import urlencode

from django.core import signing
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import get_language
from django.views.csrf import csrf_failure
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from services_directory.models import ServicePage

from . import ratelimit, sms
from .essentials import send_essentials
from .forms import (
    HelpfulForm,
    HelpfulReasonForm,
    ProblemReportForm,
    SendToPhoneForm,
    internal_page_path,
)
from .models import HelpfulAnswer, ProblemReport
from .notify import notify_editors
from .origin import is_same_origin


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
        ratelimit.count(request)
        return redirect_to_thanks(form.data.get("page_path", ""))
    if not form.is_valid():
        return render_form(request, form, status=400)
    report = form.save(commit=False)
    report.language = get_language()
    report.save()
    ratelimit.count(request)
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


# Send to my phone -------------------------------------------------------------------


# Page ids are 32-bit integers (AutoField); the address's digits may be anything.
LARGEST_PAGE_ID = 2**31 - 1


def service_page_or_404(page_id):
    """A live service page anyone may read; nothing else can be sent or rated."""
    if page_id > LARGEST_PAGE_ID:  # an address typed or tampered with; no database holds it
        raise Http404
    page = ServicePage.objects.live().public().filter(pk=page_id).first()
    if page is None:
        raise Http404
    return page


def delivery_country(page):
    """The country of the service's places when they are all in one: local mobile
    numbers (079…, 06…) are read as that country's."""
    countries = {place.country for place in page.places()}
    return countries.pop() if len(countries) == 1 else None


def render_send_form(request, page, form=None, status=200):
    return TemplateResponse(
        request,
        "feedback/send_to_phone.html",
        {"page": page, "form": form},
        status=status,
    )


@never_cache
@csrf_protect
@require_http_methods(["GET", "POST"])
def send_to_phone(request, page_id):
    """A service's essentials by e-mail, or text message, to the address the resident
    gives. The address is used for this one message and kept nowhere."""
    page = service_page_or_404(page_id)
    if getattr(request, "kiosk_profile", None) is not None:
        # A public screen must not collect addresses: the QR code takes the page away.
        return render_send_form(request, page, status=200 if request.method == "GET" else 403)
    options = {"sms": sms.is_configured(), "country": delivery_country(page)}
    if request.method == "GET":
        return render_send_form(request, page, SendToPhoneForm(**options))
    if ratelimit.is_limited(request, ratelimit.SEND_TO_PHONE):
        return TemplateResponse(request, "feedback/too_many_answers.html", status=429)
    form = SendToPhoneForm(request.POST, **options)
    if form.is_spam():
        ratelimit.count(request, ratelimit.SEND_TO_PHONE)
        return redirect("send_to_phone_sent", page_id=page.pk)
    if not form.is_valid():
        return render_send_form(request, page, form, status=400)
    recipients = [form.cleaned_data["email"], form.cleaned_data.get("phone", "")]
    keys = [ratelimit.recipient_key(recipient) for recipient in recipients if recipient]
    if any(ratelimit.key_is_limited(key, ratelimit.SEND_TO_ONE_RECIPIENT) for key in keys):
        return TemplateResponse(request, "feedback/too_many_answers.html", status=429)
    ratelimit.count(request, ratelimit.SEND_TO_PHONE)
    for key in keys:
        ratelimit.count_key(key, ratelimit.SEND_TO_ONE_RECIPIENT)
    send_essentials(page, request, email=recipients[0], phone=recipients[1])
    return redirect("send_to_phone_sent", page_id=page.pk)


@require_GET
def send_to_phone_sent(request, page_id):
    return TemplateResponse(
        request, "feedback/send_to_phone_sent.html", {"page": service_page_or_404(page_id)}
    )


# Was this page helpful? -------------------------------------------------------------

TOKEN_SALT = "feedback.helpful"  # noqa: S105 - a namespace, not a secret
# The reason is given right after the answer, or not at all.
TOKEN_MAX_AGE = 60 * 60


def refused_cross_site(request):
    return csrf_failure(request, reason="Origin checking failed: not a form of this site.")


@csrf_exempt  # protected by is_same_origin: the service page is cached and has no token
@require_POST
def page_helpful(request, page_id):
    if not is_same_origin(request):
        return refused_cross_site(request)
    page = service_page_or_404(page_id)
    if ratelimit.is_limited(request, ratelimit.HELPFUL_ANSWERS):
        return TemplateResponse(request, "feedback/too_many_answers.html", status=429)
    form = HelpfulForm(request.POST)
    if not form.is_valid():
        return TemplateResponse(
            request, "feedback/helpful_thanks.html", {"page": page, "unreadable": True}, status=400
        )
    answer = form.cleaned_data["answer"]
    HelpfulAnswer.objects.record(page, answer)
    ratelimit.count(request, ratelimit.HELPFUL_ANSWERS)
    url = reverse("page_helpful_thanks", args=[page.pk])
    if answer == HelpfulAnswer.Answer.NO:
        token = signing.dumps(page.pk, salt=TOKEN_SALT)
        return redirect(f"{url}?{urlencode({'token': token})}")
    return redirect(url)


def render_helpful_thanks(request, page, form=None, token="", status=200):
    return TemplateResponse(
        request,
        "feedback/helpful_thanks.html",
        {"page": page, "form": form, "token": token},
        status=status,
    )


def valid_token(token, page):
    try:
        return signing.loads(token, salt=TOKEN_SALT, max_age=TOKEN_MAX_AGE) == page.pk
    except signing.BadSignature:
        return False


@never_cache
@require_GET
def page_helpful_thanks(request, page_id):
    page = service_page_or_404(page_id)
    token = request.GET.get("token", "")
    if token and valid_token(token, page):
        return render_helpful_thanks(request, page, HelpfulReasonForm(), token)
    return render_helpful_thanks(request, page)


@csrf_exempt  # protected by is_same_origin, as the answer itself: no cookie on these pages
@never_cache
@require_POST
def page_helpful_reason(request, page_id):
    if not is_same_origin(request):
        return refused_cross_site(request)
    page = service_page_or_404(page_id)
    token = request.POST.get("token", "")
    if not valid_token(token, page):
        # Too late, or not after an answer: the thank-you stands, without the question.
        return render_helpful_thanks(request, page, status=400)
    if ratelimit.is_limited(request, ratelimit.HELPFUL_ANSWERS):
        return TemplateResponse(request, "feedback/too_many_answers.html", status=429)
    form = HelpfulReasonForm(request.POST)
    if form.is_spam():
        return redirect("page_helpful_thanks", page_id=page.pk)
    if not form.is_valid():
        return render_helpful_thanks(request, page, form, token, status=400)
    # One reason per answer: the token is spent.
    if not cache.add(f"helpful-token:{ratelimit.hashed(token)}", 1, TOKEN_MAX_AGE):
        return redirect("page_helpful_thanks", page_id=page.pk)
    ratelimit.count(request, ratelimit.HELPFUL_ANSWERS)
    if form.cleaned_data["reason"]:
        HelpfulAnswer.objects.record(page, HelpfulAnswer.Answer.NO, form.cleaned_data["reason"])
    comment = form.cleaned_data["comment"].strip()
    if comment:
        # The resident's words are read with the problem reports, kept and purged as they are.
        ProblemReport.objects.create(
            page_path=page.get_url(request), language=get_language(), message=comment
        )
    return redirect("page_helpful_thanks", page_id=page.pk)
