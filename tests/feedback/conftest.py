import threading

import pytest
from django.core.cache import cache

from feedback.notify import THREAD_PREFIX


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with no rate-limit count and no spent token."""
    cache.clear()
    yield
    cache.clear()


def mail_threads():
    return [thread for thread in threading.enumerate() if thread.name.startswith(THREAD_PREFIX)]


@pytest.fixture
def post_report(client, django_capture_on_commit_callbacks):
    """``client.post``, then what follows the commit: the notification is sent from a
    thread of its own, which this waits for (each test runs in a transaction that never
    commits, so Django's test tools run the commit's callbacks)."""

    def post(*args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(*args, **kwargs)
        for thread in mail_threads():
            thread.join(timeout=10)
            assert not thread.is_alive(), "EMAIL_TIMEOUT bounds the sending thread"
        return response

    return post
