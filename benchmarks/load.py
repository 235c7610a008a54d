"""``make load``: the highest request rate the production stack sustains on this machine.

Proxima runs as deployed (deploy/stack.py: ``config.settings.production`` under gunicorn
behind Debian's nginx, HTTPS, PostgreSQL and Redis), on a fresh PostgreSQL database with
the demo. Where residents go is discovered once on the site (benchmarks/journeys.py);
then Locust (benchmarks/locustfile.py, headless, one process) sends their journeys in
steps of simulated residents, each starting at most one journey a second. After a
warm-up run, steps start at LOAD_FIRST_USERS residents, doubled while a step keeps p95
within LOAD_P95_MS with no error, halved while it does not (down to MIN_USERS), then one
step between the highest that passed and the lowest that failed. The highest rate of a
passing step is the result. Then a spike: five times the residents of that step for
LOAD_SPIKE_SECONDS, then that step's residents again for as long ("after"), each
measured from its start.

A stock Wagtail site (``wagtail start`` with this virtualenv's Wagtail, its home page and
LOAD_STOCK_PAGES plain pages, as ``make bench`` builds it) is served by the same stack
(the same gunicorn settings and workers, the same nginx configuration), on its own
database of the same server, and measured the same way with its home and plain pages.
The table is printed and written to docs/performance.md between markers.

Locust runs on the same machine as the server, in one process (it uses one core at
most); its processor time is measured and reported with each step.

Environment: LOAD_NAME (default proxima_load: the PostgreSQL databases LOAD_NAME and
LOAD_NAME_stock, the work folder /tmp/LOAD_NAME), LOAD_REDIS_URL (default
redis://127.0.0.1:6379/12, a Redis database of its own, emptied first), LOAD_PORT (the
first of three ports per stack; free ports by default), LOAD_STEP_SECONDS (30),
LOAD_SPIKE_SECONDS (20), LOAD_FIRST_USERS (25), LOAD_P95_MS (300), LOAD_STOCK_PAGES
(500), LOAD_REUSE=1 to measure again on the databases of the previous run,
GUNICORN_WORKERS (2 × cores + 1, gunicorn's deployed default), POSTGRES_* for the server.
"""

import csv
import os
import platform
import resource
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path

from benchmarks.journeys import discovered
from benchmarks.run import analyse, database_url, prepare_demo, prepare_stock, stock_project
from deploy.stack import App, running

ROOT = Path(__file__).resolve().parent.parent
REPORT = ROOT / "docs" / "performance.md"
START_MARKER = "<!-- load:start -->"
END_MARKER = "<!-- load:end -->"
LOCUSTFILE = Path(__file__).resolve().parent / "locustfile.py"

NAME = os.environ.get("LOAD_NAME", "proxima_load")
WORK = Path("/tmp") / NAME
STOCK = WORK / "stock"
REDIS_URL = os.environ.get("LOAD_REDIS_URL", "redis://127.0.0.1:6379/12")
FIRST_PORT = int(os.environ["LOAD_PORT"]) if os.environ.get("LOAD_PORT") else None
STEP_SECONDS = int(os.environ.get("LOAD_STEP_SECONDS", "30"))
SPIKE_SECONDS = int(os.environ.get("LOAD_SPIKE_SECONDS", "20"))
FIRST_USERS = int(os.environ.get("LOAD_FIRST_USERS", "25"))
MIN_USERS = 2
MAX_USERS = 1600
WARM_UP_SECONDS = 20
STOP_SECONDS = 30
READY_SECONDS = 60
# Locust's share of its one core above which it may be what limits a step.
LOCUST_SATURATED = 80
SPIKE_FACTOR = 5
P95_LIMIT_MS = int(os.environ.get("LOAD_P95_MS", "300"))
STOCK_PAGES = int(os.environ.get("LOAD_STOCK_PAGES", "500"))
# Measure again on the databases a previous run prepared (migrated first).
REUSE = os.environ.get("LOAD_REUSE") == "1"
WORKERS = int(os.environ.get("GUNICORN_WORKERS") or 2 * os.cpu_count() + 1)

# The stock project's production settings, given what deploy/stack.py gives Proxima's
# through the environment (secret key, hosts, database, static folder).
STOCK_LOAD_SETTINGS = """# Written by Proxima's benchmarks/load.py.
import os

import dj_database_url

from .production import *  # noqa: F403

SECRET_KEY = os.environ["SECRET_KEY"]
ALLOWED_HOSTS = os.environ["ALLOWED_HOSTS"].split(",")
DATABASES = {
    "default": dj_database_url.parse(
        os.environ["DATABASE_URL"],
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
STATIC_ROOT = os.environ["STATIC_ROOT"]
"""


@dataclass
class Step:
    """One Locust run: its residents, length and figures (times in ms)."""

    users: int
    seconds: int
    requests: int = 0
    failures: int = 0
    rate: float = 0.0
    p50: float = 0.0
    p95: float = 0.0
    locust_cpu: float = 0.0  # Locust's processor time over the step, in % of one core
    machine_cpu: float = 0.0  # every process's, in % of all cores
    errors: list = field(default_factory=list)  # (what, how many)
    pages: dict = field(default_factory=dict)  # name -> (requests, p95)

    @property
    def passed(self):
        return self.requests > 0 and self.failures == 0 and self.p95 <= P95_LIMIT_MS


def machine_times():
    """(busy, total) processor ticks of the whole machine since boot (/proc/stat)."""
    values = [int(value) for value in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = values[3] + values[4]  # idle and iowait
    return sum(values) - idle, sum(values)


def locust(url, users, seconds, label, site, *, stock_pages=0, reset=True):
    """Runs Locust headless against ``url`` and reads its CSV summary."""
    prefix = WORK / "locust" / label
    prefix.parent.mkdir(parents=True, exist_ok=True)
    command = [
        str(Path(sys.executable).parent / "locust"),
        "-f",
        str(LOCUSTFILE),
        "--headless",
        "--host",
        url,
        "--users",
        str(users),
        "--spawn-rate",
        str(users),
        "--run-time",
        f"{seconds}s",
        "--csv",
        str(prefix),
        "--only-summary",
        "--loglevel",
        "WARNING",
        # At the end, requests under way are waited for and counted (the slowest, when
        # the server is overwhelmed), not dropped.
        "--stop-timeout",
        str(STOP_SECONDS),
        "--site-file",
        str(WORK / f"{site}-site.json"),
    ]
    if reset:  # figures from when every resident has arrived (within a second)
        command.append("--reset-stats")
    if stock_pages:
        command += ["--stock-pages", str(stock_pages)]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    before, machine_before, started = (
        resource.getrusage(resource.RUSAGE_CHILDREN),
        machine_times(),
        time.monotonic(),
    )
    # Locust exits with 1 when a request failed: the figures say so.
    subprocess.run(
        command, cwd=ROOT, env=env, check=False, capture_output=True, timeout=seconds + 120
    )
    after, machine_after, elapsed = (
        resource.getrusage(resource.RUSAGE_CHILDREN),
        machine_times(),
        time.monotonic() - started,
    )
    step = read_step(prefix, users, seconds)
    used = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    step.locust_cpu = 100 * used / elapsed
    busy, total = (b - a for a, b in zip(machine_before, machine_after, strict=True))
    step.machine_cpu = 100 * busy / total if total else 0.0
    print(
        f"   {label}: {users} residents, {step.rate:.0f} req/s, p50 {step.p50:.0f} ms, "
        f"p95 {step.p95:.0f} ms, {step.failures} errors, Locust {step.locust_cpu:.0f} % of a core",
        flush=True,
    )
    return step


def read_step(prefix, users, seconds):
    step = Step(users, seconds)
    stats = Path(f"{prefix}_stats.csv")
    if not stats.exists():
        step.errors = [("Locust did not run (see its output)", 1)]
        step.failures = 1
        return step
    with stats.open() as rows:
        for row in csv.DictReader(rows):
            if row["Name"] == "Aggregated" and int(row["Request Count"]):
                step.requests = int(row["Request Count"])
                step.failures = int(row["Failure Count"])
                step.rate = float(row["Requests/s"])
                step.p50 = float(row["50%"])
                step.p95 = float(row["95%"])
            elif row["Name"] != "Aggregated" and int(row["Request Count"]):
                step.pages[row["Name"]] = (int(row["Request Count"]), float(row["95%"]))
    failures = Path(f"{prefix}_failures.csv")
    if failures.exists():
        with failures.open() as rows:
            step.errors = [
                (f"{row['Name']}: {row['Error']}", int(row["Occurrences"]))
                for row in csv.DictReader(rows)
            ]
    # A journey that raised (Locust counts it apart from failed requests) is an error too.
    exceptions = Path(f"{prefix}_exceptions.csv")
    if exceptions.exists():
        with exceptions.open() as rows:
            for row in csv.DictReader(rows):
                step.errors.append((f"exception: {row['Message']}", int(row["Count"])))
                step.failures += int(row["Count"])
    return step


@dataclass
class Result:
    steps: list
    best: Step | None
    spike: Step | None = None
    after: Step | None = None


def measure(url, site, stock_pages=0):
    """A warm-up, the steps, the highest passing one, then the spike and after it."""
    # Where to go, discovered once (the first requests to a cold server are slow). The
    # launcher waits for an answer other than 502-504, but the stock site has no emergency
    # page for nginx's 502: nginx answers 404 until gunicorn is up, so wait for a page.
    deadline = time.monotonic() + READY_SECONDS
    while True:
        try:
            found = discovered(url, stock_pages)
            break
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(1)
    kept = WORK / f"{site}-site.json"
    kept.write_text(found.to_json())

    def run(users, seconds, label, reset=True):
        return locust(
            url, users, seconds, f"{site}-{label}", site, stock_pages=stock_pages, reset=reset
        )

    # A first pass through the pages, as on a server that has been up a while.
    run(FIRST_USERS, WARM_UP_SECONDS, "warm-up")
    steps, users = [], FIRST_USERS
    highest_passed = lowest_failed = None
    while MIN_USERS <= users <= MAX_USERS:
        steps.append(run(users, STEP_SECONDS, users))
        if steps[-1].passed:
            highest_passed = max(users, highest_passed or users)
            if lowest_failed:
                break
            users *= 2
        else:
            lowest_failed = min(users, lowest_failed or users)
            if highest_passed:
                break
            users //= 2
    if highest_passed and lowest_failed and lowest_failed > highest_passed + 1:
        middle = (highest_passed + lowest_failed) // 2
        steps.append(run(middle, STEP_SECONDS, middle))
    best = max((step for step in steps if step.passed), key=lambda step: step.rate, default=None)
    base = best.users if best else min(step.users for step in steps)
    return Result(
        steps,
        best,
        spike=run(SPIKE_FACTOR * base, SPIKE_SECONDS, "spike", reset=False),
        after=run(base, SPIKE_SECONDS, "after", reset=False),
    )


STOCK_APP = App(
    folder=STOCK,
    wsgi="stocksite.wsgi",
    settings="stocksite.settings.load",
    release=("manage.py", "collectstatic", "--noinput", "-v0"),
)


def preparation_environment():
    """Proxima's, for manage.py commands before the stack starts."""
    return {
        **os.environ,
        "DATABASE_URL": database_url("postgresql", NAME),
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "DEBUG": "0",
    }


def prepare():
    """Both fresh databases, side by side: Proxima's with the demo, the stock site's."""
    proxima_env = preparation_environment()
    stock_env = {
        **os.environ,
        "DATABASE_URL": database_url("postgresql", f"{NAME}_stock"),
        "DJANGO_SETTINGS_MODULE": STOCK_APP.settings,
        "SECRET_KEY": "load-preparation-only",
        "ALLOWED_HOSTS": "localhost",
        "STATIC_ROOT": str(WORK / "stock-static"),
    }
    stock_project(STOCK, ("load", STOCK_LOAD_SETTINGS))

    def demo():
        prepare_demo("postgresql", NAME, proxima_env)
        analyse("postgresql", NAME, proxima_env)

    with ThreadPoolExecutor(2) as pool:
        done = [
            pool.submit(demo),
            pool.submit(
                prepare_stock, "postgresql", f"{NAME}_stock", stock_env, STOCK_PAGES, STOCK
            ),
        ]
        for future in done:
            future.result()


def site_figures(url, site, stock_pages=0):
    print(f"== {site}: {url}", flush=True)
    loads = [os.getloadavg()[0]]
    result = measure(url, site, stock_pages)
    loads.append(os.getloadavg()[0])
    return result, loads


def ms(value):
    return f"{value:.0f}"


def timing(step, value):
    return ms(value) if step.requests else "—"


def summary(step):
    if not step.requests:
        return f"no answer completed ({step.seconds} s)"
    return f"{step.rate:.0f} req/s, p95 {ms(step.p95)} ms, errors {errors_cell(step)}"


def errors_cell(step):
    if not step.failures:
        return "0"
    worst = ", ".join(f"{what} ×{count}" for what, count in step.errors[:2])
    return f"{step.failures} ({worst})" if worst else str(step.failures)


def report(results, loads, elapsed):
    import django
    import wagtail

    proxima, stock = results["Proxima"], results["Stock Wagtail"]

    def best(result, text):
        return text(result.best) if result.best else "none passed"

    rows = [
        (
            f"Highest rate with p95 ≤ {P95_LIMIT_MS} ms and no error",
            lambda r: best(r, lambda s: f"**{s.rate:.0f} req/s** ({s.users} residents)"),
        ),
        ("p50 / p95 at that rate", lambda r: best(r, lambda s: f"{ms(s.p50)} / {ms(s.p95)} ms")),
        (
            f"Spike: {SPIKE_FACTOR}× the residents for {SPIKE_SECONDS} s",
            lambda r: summary(r.spike),
        ),
        (
            f"The {SPIKE_SECONDS} s after it",
            lambda r: summary(r.after),
        ),
        (
            "Locust's processor time (highest step)",
            lambda r: f"{max(s.locust_cpu for s in [*r.steps, r.spike, r.after]):.0f} % of a core",
        ),
    ]
    minutes, seconds = divmod(round(elapsed), 60)
    lines = [
        START_MARKER,
        f"Measured on {time.strftime('%Y-%m-%d')} — {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, Django {django.get_version()}, Wagtail "
        f"{wagtail.__version__}, Locust {version('locust')}; gunicorn with {WORKERS} sync workers "
        f"behind nginx (HTTPS), PostgreSQL, Redis; steps of {STEP_SECONDS} s; `make load` took "
        f"{minutes} min {seconds:02d} s.",
        "",
        f"| | Proxima (the demo) | Stock Wagtail (home + {STOCK_PAGES} pages) |",
        "| --- | --- | --- |",
        *(f"| {label} | {cell(proxima)} | {cell(stock)} |" for label, cell in rows),
        "",
        "| Site | Residents | Requests | req/s | p50 (ms) | p95 (ms) | Errors | Passed "
        "| Locust (% of a core) | Machine busy (% of 2 cores) |",
        "| --- | ---: | ---: | ---: | ---: | ---: | --- | --- | ---: | ---: |",
    ]
    for name, result in results.items():
        for label, step, passed in [
            *((str(s.users), s, "yes" if s.passed else "no") for s in result.steps),
            (f"{result.spike.users} (spike)", result.spike, "—"),
            (f"{result.after.users} (after)", result.after, "—"),
        ]:
            cells = [
                name,
                label,
                step.requests,
                f"{step.rate:.0f}",
                timing(step, step.p50),
                timing(step, step.p95),
                errors_cell(step),
                passed,
                f"{step.locust_cpu:.0f}",
                f"{step.machine_cpu:.0f}",
            ]
            lines.append("| " + " | ".join(str(cell) for cell in cells) + " |")
    if proxima.best:
        lines += [
            "",
            f"Proxima at {proxima.best.rate:.0f} req/s, per kind of request: "
            + ", ".join(
                f"{name} {count} requests, p95 {ms(p95)} ms"
                for name, (count, p95) in sorted(proxima.best.pages.items())
            )
            + ".",
        ]
    busiest = max(s.locust_cpu for r in results.values() for s in [*r.steps, r.spike, r.after])
    if busiest >= LOCUST_SATURATED:
        lines += [
            "",
            f"Locust used up to {busiest:.0f} % of its core: where it nears 100 %, the load "
            "generator, not the server, limits the rate.",
        ]
    lines += [
        "",
        f"Load average (1 minute) around the measurements: {min(loads):.1f} to {max(loads):.1f} "
        f"on {os.cpu_count()} cores, Locust included.",
        END_MARKER,
    ]
    block = "\n".join(lines)
    text = REPORT.read_text(encoding="utf-8")
    start, end = text.index(START_MARKER), text.index(END_MARKER)
    REPORT.write_text(text[:start] + block + text[end + len(END_MARKER) :], encoding="utf-8")
    print(block)


def main():
    import redis

    started = time.monotonic()
    WORK.mkdir(parents=True, exist_ok=True)
    if REUSE:
        print(f"== reusing {NAME} and {NAME}_stock", flush=True)
        stock_project(STOCK, ("load", STOCK_LOAD_SETTINGS))
        # The code may have gained migrations since: the schema must be the code's.
        command = [sys.executable, "manage.py", "migrate", "--noinput", "-v0"]
        subprocess.run(command, cwd=ROOT, env=preparation_environment(), check=True)
    else:
        print(f"== preparing {NAME} (the demo) and {NAME}_stock ({STOCK_PAGES} pages)", flush=True)
        prepare()
    redis.Redis.from_url(REDIS_URL, socket_timeout=5).flushdb()
    results, loads = {}, []
    proxima = {"DATABASE_URL": database_url("postgresql", NAME), "REDIS_URL": REDIS_URL}
    with running(proxima, first_port=FIRST_PORT, workers=WORKERS) as stack:
        results["Proxima"], seen = site_figures(stack.url, "proxima")
        loads += seen
    stock = {"DATABASE_URL": database_url("postgresql", f"{NAME}_stock")}
    second_port = FIRST_PORT + 3 if FIRST_PORT else None
    with running(stock, first_port=second_port, workers=WORKERS, app=STOCK_APP) as stack:
        results["Stock Wagtail"], seen = site_figures(stack.url, "stock", STOCK_PAGES)
        loads += seen
    report(results, loads, time.monotonic() - started)


if __name__ == "__main__":
    main()
