"""Residents' traffic for Locust (``make load`` runs it; benchmarks/load.py).

Each simulated resident starts one journey per second at most (benchmarks/journeys.py:
home pages, the directory with facets, search, service pages, language switches, first
visits with the static files), chosen by the journeys' weights. Where to go is discovered
on the site when the test starts. A wrong answer (not 2xx/3xx, another language, a page
without what marks its kind) is a failure.

By hand, against a running site (its certificate is not checked, as for a loopback):

    PYTHONPATH=. .venv/bin/locust -f benchmarks/locustfile.py --headless \\
        -H https://127.0.0.1:8443 -u 50 -r 50 -t 30s

``--stock-pages N`` visits a stock Wagtail site instead (its home page and N plain pages).
``--site-file PATH`` keeps what discovery found, for the next runs (``make load``'s steps:
discovery would otherwise take the first seconds of each).
"""

import dataclasses
import json
import random
import ssl
import urllib.request
from pathlib import Path

from locust import FastHttpUser, constant_throughput, events, task

from benchmarks import journeys

# What the test start discovered: the site and the journeys to choose from.
PLAN = {}


@events.init_command_line_parser.add_listener
def _options(parser):
    parser.add_argument(
        "--stock-pages",
        type=int,
        default=0,
        help="Visit a stock Wagtail site with this many plain pages instead of Proxima",
    )
    parser.add_argument(
        "--site-file",
        default="",
        help="Keep what discovery found in this JSON file, and read it from there next time",
    )


def fetcher(host):
    """``get(path) -> (status, text)`` for discovery, outside Locust's statistics."""
    # The stack's certificate is its own, made for the loopback: not checked, as
    # FastHttpUser does not check it either.
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE

    def get(path):
        with urllib.request.urlopen(host + path, context=context, timeout=30) as response:  # noqa: S310 - the host under test
            return response.status, response.read().decode()

    return get


@events.test_start.add_listener
def _discover(environment, **_kwargs):
    options = environment.parsed_options
    kept = Path(options.site_file) if options.site_file else None
    PLAN["journeys"] = (
        journeys.STOCK_JOURNEYS if options.stock_pages else journeys.RESIDENT_JOURNEYS
    )
    if kept and kept.exists():
        PLAN["site"] = journeys.Site(**json.loads(kept.read_text()))
        return
    get = fetcher(environment.host.rstrip("/"))
    if options.stock_pages:
        PLAN["site"] = journeys.stock_site(get, options.stock_pages)
    else:
        PLAN["site"] = journeys.discover(get)
    if kept:
        kept.write_text(json.dumps(dataclasses.asdict(PLAN["site"])))


class Visitor(FastHttpUser):
    wait_time = constant_throughput(1)

    def on_start(self):
        self.rng = random.Random()

    @task
    def journey(self):
        kinds, weights = zip(*PLAN["journeys"], strict=True)
        (chosen,) = self.rng.choices(kinds, weights)
        for request in chosen(self.rng, PLAN["site"]):
            with self.client.get(request.path, name=request.name, catch_response=True) as answer:
                wrong = journeys.problem(request, answer.status_code, answer.text)
                if wrong:
                    answer.failure(wrong)
