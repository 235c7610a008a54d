"""A copy of the emergency numbers in a file, for the error page.

The 500 page is shown when something failed, often the database itself: it must not
query it. So each save or deletion of an emergency number writes the numbers, in French
and English, to ``settings.EMERGENCY_NUMBERS_COPY`` (under ``MEDIA_ROOT`` by default,
which every app server shares); ``manage.py write_emergency_copy`` writes it at deploy.
``core.errors.server_error`` reads it.

Beside it, the error page itself is written, rendered with those numbers (the copy's
name with ``.html``): the reverse proxy shows it when the application does not answer at
all (nginx's ``error_page 502 503 504``, deploy/nginx/proxima.conf).
"""

import json
import logging
import os
import tempfile
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.template import loader
from django.utils import timezone

logger = logging.getLogger(__name__)

# The 500 page has no language of its own: it speaks French and English.
LANGUAGES = ("fr", "en")


def copy_path():
    return Path(settings.EMERGENCY_NUMBERS_COPY)


def page_path():
    """The error page for the proxy, beside the copy (deploy/stack.py names it alike)."""
    return copy_path().with_suffix(".html")


def render_page(entries):
    """The error page (templates/500.html) with these numbers."""
    return loader.get_template("500.html").render({"emergency_numbers": entries})


def numbers():
    """The numbers in the site's language, each with its French and English wording."""
    from .models import EmergencyNumber

    published = EmergencyNumber.objects.select_related("locale")
    if hasattr(EmergencyNumber, "live"):  # when numbers go through drafts and moderation
        published = published.filter(live=True)
    by_key = {}
    for number in published:
        by_key.setdefault(number.translation_key, {})[number.locale.language_code] = number
    entries = []
    for versions in by_key.values():
        source = versions.get(settings.LANGUAGE_CODE)
        if source is None:
            continue
        entries.append(
            {
                "number": source.number,
                "dialable": source.dialable(),
                "sort_order": source.sort_order or 0,
                **{
                    field: {
                        code: getattr(versions[code], field)
                        for code in LANGUAGES
                        if code in versions and getattr(versions[code], field)
                    }
                    for field in ("label", "description")
                },
            }
        )
    return sorted(entries, key=lambda entry: entry["sort_order"])


def write():
    """Writes the copy, then the proxy's error page, each at once (a whole new file, so
    a reader never sees half of it)."""
    entries = numbers()
    path = copy_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    replace(
        path,
        json.dumps({"written": timezone.now().isoformat(), "numbers": entries}, ensure_ascii=False),
    )
    replace(page_path(), render_page(entries))
    return path


def replace(path, content):
    with tempfile.NamedTemporaryFile(
        "w", dir=path.parent, delete=False, suffix=".tmp", encoding="utf-8"
    ) as f:
        f.write(content)
    os.chmod(f.name, 0o644)
    os.replace(f.name, path)


def write_after_commit(**_signal_kwargs):
    """Signal receiver: the copy follows each committed change of an emergency number."""
    transaction.on_commit(write_quietly)


def write_quietly():
    # An editor's save must not fail because the copy could not be written: the log
    # says so, and the previous copy stays.
    try:
        write()
    except Exception:
        logger.exception("The emergency numbers' copy for the error page was not written")


def read():
    """The numbers of the last copy; an empty list when there is none or it is unreadable."""
    try:
        return json.loads(copy_path().read_text(encoding="utf-8"))["numbers"]
    except (OSError, ValueError, KeyError, TypeError):
        return []
