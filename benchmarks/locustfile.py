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
``--site-file PATH`` reads where to go from a file ``make load`` wrote (it discovers the
site once, before its timed runs) instead of discovering it at the start.
"""

import random
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
        help="Where to go, from this JSON file (benchmarks/load.py writes it), not discovered",
    )


@events.test_start.add_listener
def _discover(environment, **_kwargs):
    options = environment.parsed_options
    PLAN["journeys"] = (
        journeys.STOCK_JOURNEYS if options.stock_pages else journeys.RESIDENT_JOURNEYS
    )
    if options.site_file:
        PLAN["site"] = journeys.Site.from_json(Path(options.site_file).read_text())
    else:
        PLAN["site"] = journeys.discovered(environment.host, options.stock_pages)


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
