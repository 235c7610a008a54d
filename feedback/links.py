"""The link checker: every outside address residents can follow from a live page, and
whether it still answers (``manage.py check_links``; never during a request).

Addresses are found in the pages' address fields, rich text and body blocks, in their
inline rows (a service's online procedures) and in the objects they point to (a
service's organisation's website). Each is asked with ``HEAD``, then ``GET`` when the
server refuses ``HEAD`` (many answer 403, 404 or 405 to it and 200 to a browser),
following redirects, each wait bounded by ``LINK_CHECK_TIMEOUT``. Politely: the
addresses of one host are asked one after the other, ``LINK_CHECK_HOST_DELAY`` apart,
and at most ``LINK_CHECK_CONCURRENCY`` hosts at a time, with a User-Agent that says who
asks and where to read about it.
"""

import collections
import html
import re
import socket
import ssl
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlsplit

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from modelcluster.models import get_all_child_relations
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from .models import CheckedLink

URL_MAX_LENGTH = CheckedLink._meta.get_field("url").max_length
HREF = re.compile(r"""href=["']([^"']+)["']""")


def is_outside(address):
    return address.startswith(("http://", "https://"))


def addresses_in(value):
    """Outside addresses in a field's value: an address itself, rich text, or a body's
    raw blocks (nested dictionaries and lists)."""
    if isinstance(value, str):
        text = value.strip()
        if is_outside(text) and not any(character.isspace() for character in text):
            yield text
        elif "href" in text:
            yield from (
                address for address in map(html.unescape, HREF.findall(text)) if is_outside(address)
            )
    elif isinstance(value, dict):
        for item in value.values():
            yield from addresses_in(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from addresses_in(item)


def addresses_of(instance, follow=True):
    """The outside addresses an object shows: its own fields', and with ``follow`` its
    inline rows' and those of the objects it points to (not pages: they are checked
    on their own)."""
    for field in instance._meta.concrete_fields:
        if isinstance(field, StreamField):
            yield from addresses_in(list(getattr(instance, field.attname).raw_data))
        elif isinstance(field, models.URLField | RichTextField):
            yield from addresses_in(getattr(instance, field.attname) or "")
        elif (
            follow
            and isinstance(field, models.ForeignKey)
            and not issubclass(field.related_model, Page)
            and getattr(instance, field.attname) is not None
        ):
            yield from addresses_of(getattr(instance, field.name), follow=False)
    if follow:
        for relation in get_all_child_relations(instance):
            for row in getattr(instance, relation.get_accessor_name()).all():
                yield from addresses_of(row, follow=False)


def pages_by_address():
    """Every outside address on live pages (aliases repeat their source), with the ids of
    the pages showing it."""
    found = collections.defaultdict(set)
    for page in Page.objects.live().filter(alias_of__isnull=True).specific().iterator():
        for address in addresses_of(page):
            if len(address) <= URL_MAX_LENGTH:
                found[address].add(page.pk)
    return found


def user_agent():
    return f"Proxima link checker (+{settings.WAGTAILADMIN_BASE_URL})"


def error_of(reason):
    """The ``CheckedLink.Error`` for why a connection brought no answer."""
    if isinstance(reason, TimeoutError | socket.timeout):
        return CheckedLink.Error.TIMEOUT
    if isinstance(reason, ConnectionRefusedError):
        return CheckedLink.Error.REFUSED
    if isinstance(reason, socket.gaierror):
        return CheckedLink.Error.UNKNOWN_HOST
    if isinstance(reason, ssl.SSLError | ssl.CertificateError):
        return CheckedLink.Error.CERTIFICATE
    return CheckedLink.Error.FAILED


def ask(address, timeout):
    """``(status, error)`` of one address: HEAD, then GET if HEAD was refused."""
    status = None
    for method in ("HEAD", "GET"):
        # http(s) only (is_outside): no file: or custom schemes.
        request = urllib.request.Request(  # noqa: S310
            address, method=method, headers={"User-Agent": user_agent(), "Accept": "*/*"}
        )
        try:
            # The body is never read: the status is all we want.
            with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
                return response.status, ""
        except urllib.error.HTTPError as refusal:
            refusal.close()
            status = refusal.code
        except urllib.error.URLError as failure:
            return None, error_of(failure.reason)
        except (OSError, ValueError) as failure:  # timeouts while reading, bad addresses
            return None, error_of(failure)
    return status, ""


def ask_host(addresses, timeout, delay):
    """Asks one host's addresses in turn, ``delay`` seconds apart."""
    answers = {}
    for position, address in enumerate(addresses):
        if position and delay:
            time.sleep(delay)
        answers[address] = ask(address, timeout)
    return answers


def check(addresses, timeout=None, delay=None, concurrency=None):
    """``{address: (status, error)}``, hosts asked side by side, each host politely."""
    timeout = settings.LINK_CHECK_TIMEOUT if timeout is None else timeout
    delay = settings.LINK_CHECK_HOST_DELAY if delay is None else delay
    concurrency = concurrency or settings.LINK_CHECK_CONCURRENCY
    by_host = collections.defaultdict(list)
    for address in sorted(addresses):
        by_host[urlsplit(address).netloc.lower()].append(address)
    answers = {}
    with ThreadPoolExecutor(max_workers=concurrency, thread_name_prefix="proxima-links-") as pool:
        for host_answers in pool.map(
            lambda host: ask_host(by_host[host], timeout, delay), sorted(by_host)
        ):
            answers.update(host_answers)
    return answers


def check_links(**options):
    """Checks every outside address of the live pages and stores what was found; the
    addresses no page shows any more are forgotten. Returns the number of broken ones."""
    found = pages_by_address()
    answers = check(found, **options)
    now = timezone.now()
    with transaction.atomic():
        CheckedLink.objects.exclude(url__in=list(found)).delete()
        for address, (status, error) in answers.items():
            link, _created = CheckedLink.objects.update_or_create(
                url=address, defaults={"status": status, "error": error, "checked_at": now}
            )
            link.pages.set(found[address])
    return CheckedLink.objects.broken().count()
