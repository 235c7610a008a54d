"""``make bench``: server time of the main pages with 10,000 services, SQLite and PostgreSQL.

For each database: a fresh database, migrations, the demo site, ``generate_services
--count 10000`` (then ``ANALYZE`` on PostgreSQL, as autovacuum would); then each case is
requested through Django's test client (the full middleware and template stack, no
network), a few times to warm caches, then REPETITIONS times. Asked again, a page
anonymous residents read is kept (core.page_cache); so the directory is also measured at
a new address each time ("page not kept": rendered, with memberships and cards kept), and
the directory, the common-word search and the service page "after an edit": the content
version bumped before every request, as when an editor publishes, so memberships are
read, results ranked, cards and pages rendered again.

For comparison, the bench also builds a stock Wagtail site with the same pinned versions
(``wagtail start`` with this virtualenv, in the work folder), gives it as many plain pages
as there are services, on the same database engine, and measures one of them the same
way. Figures, and the ratio "service page / stock page", are written to
docs/performance.md between markers.

Environment: BENCH_SERVICES (default 10000), BENCH_REPETITIONS (default 30),
BENCH_DATABASES (default "sqlite,postgresql"), BENCH_REUSE=1 to measure again on the
databases of the previous run, BENCH_NAME (default proxima_bench) for the PostgreSQL
databases (BENCH_NAME and BENCH_NAME_stock) and the work folder (/tmp/BENCH_NAME, which
holds the SQLite files and the stock site), POSTGRES_* for the server.
"""

import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPORT = ROOT / "docs" / "performance.md"
START_MARKER = "<!-- bench:start -->"
END_MARKER = "<!-- bench:end -->"
SERVICES = int(os.environ.get("BENCH_SERVICES", "10000"))
REPETITIONS = int(os.environ.get("BENCH_REPETITIONS", "30"))
WARM_UP = 3
# The bench keeps one core busy itself; a load average above this means other processes
# competed for the cores while measuring.
SHARED_LOAD = 1.5
# Measure again on the databases a previous run prepared (after a code change).
REUSE = os.environ.get("BENCH_REUSE") == "1"
# Names of the PostgreSQL databases and of the work folder: several people may run the
# bench on one server.
NAME = os.environ.get("BENCH_NAME", "proxima_bench")
WORK = Path("/tmp") / NAME
STOCK = WORK / "stock"
STOCK_SETTINGS = "stocksite.settings.bench"

DIRECTORY = "/fr/services/?theme=acces-au-logement&language=fr&access=sur-rendez-vous"
SERVICE_PAGE = "/fr/services/service-genere-5000/"
SERVICE = "Service page"
HSDS_SERVICES = "/api/hsds/v3/services?per_page=100"
SERVICE_AFTER_EDIT = "Service page, after an edit"
# What happens before each timed request: nothing (the same address again: a page anonymous
# residents read is then kept), EDIT (the content version is bumped, as when an editor
# publishes) or ADDRESS (a query parameter nobody asked before: the page is rendered
# again, but what the content version keeps stays kept).
EDIT = "edit"
ADDRESS = "address"
CASES = [
    ("Directory, 3 facets", DIRECTORY, None),
    ("Directory, 3 facets, page not kept", DIRECTORY, ADDRESS),
    ("Directory, 3 facets, after an edit", DIRECTORY, EDIT),
    ("Search, common word (“aide”)", "/fr/search/?q=aide", None),
    ("Search, common word (“aide”), after an edit", "/fr/search/?q=aide", EDIT),
    ("Search, rare word (“philatélie”)", "/fr/search/?q=philat%C3%A9lie", None),
    (SERVICE, SERVICE_PAGE, None),
    (SERVICE_AFTER_EDIT, SERVICE_PAGE, EDIT),
    ("HSDS API, 100 services", HSDS_SERVICES, None),
    ("HSDS API, 100 services, answer not kept", HSDS_SERVICES, ADDRESS),
    ("HSDS API, 100 services fully nested, answer not kept", f"{HSDS_SERVICES}&full=true", ADDRESS),
]
STOCK_PAGE = "Stock Wagtail page (`wagtail start`)"
STOCK_CASES = [(STOCK_PAGE, f"/page-{SERVICES // 2}/", None)]

# What the bench adds to the stock project's settings: served as the Proxima bench serves
# Proxima (debug off, the database given by DATABASE_URL, the local-memory cache that
# both have by default, static files without a manifest as in config.settings.dev).
STOCK_BENCH_SETTINGS = """# Written by Proxima's benchmarks/run.py.
import os

import dj_database_url

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "bench-only"
ALLOWED_HOSTS = ["localhost"]
DATABASES = {"default": dj_database_url.parse(os.environ["DATABASE_URL"])}
"""

# Plain pages under the stock home page, inserted in bulk as the tree would hold them
# (materialised paths, URL paths, live): adding 10,000 pages one by one takes minutes.
STOCK_PAGES_CODE = """
import sys, django
django.setup()
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from wagtail.models import Page
from home.models import HomePage

count = int(sys.argv[1])
home = HomePage.objects.get(depth=2)
kind = ContentType.objects.get_for_model(HomePage)
now = timezone.now()
with transaction.atomic():
    pages = Page.objects.bulk_create(
        Page(
            title=f"Page {n}", draft_title=f"Page {n}", slug=f"page-{n}",
            content_type=kind, locale_id=home.locale_id,
            path=Page._get_path(home.path, home.depth + 1, home.numchild + n),
            depth=home.depth + 1, numchild=0, url_path=f"{home.url_path}page-{n}/",
            live=True, first_published_at=now, last_published_at=now,
        )
        for n in range(1, count + 1)
    )
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {HomePage._meta.db_table} (page_ptr_id) VALUES (%s)",
            [(page.pk,) for page in pages],
        )
    Page.objects.filter(pk=home.pk).update(numchild=F("numchild") + count)
problems = [found for found in Page.find_problems() if found]
assert not problems, problems
"""

# Runs in a child process, so each site and database gets a fresh Django.
MEASURE_CODE = """
import json, sys, time, django
django.setup()
from django.test import Client
cases, warm_up, repetitions = json.loads(sys.argv[1])
if any(before == "edit" for _label, _path, before in cases):
    from core import content_version
client = Client(HTTP_HOST="localhost")
results = {}
for label, path, before in cases:
    for _ in range(warm_up):
        status = client.get(path).status_code
    timings = []
    for number in range(repetitions):
        address = path
        if before == "edit":
            content_version.bump()
        elif before == "address":
            address = f"{path}{'&' if '?' in path else '?'}bench={number}"
        started = time.perf_counter()
        response = client.get(address)
        timings.append((time.perf_counter() - started) * 1000)
    results[label] = {"status": response.status_code, "timings": timings}
print(json.dumps(results))
"""


def database_url(engine, database):
    if engine == "sqlite":
        return f"sqlite:///{WORK / database}.sqlite3"
    user = os.environ.get("POSTGRES_USER", "postgres")
    host = os.environ.get("POSTGRES_HOST", "127.0.0.1")
    port = os.environ.get("POSTGRES_PORT", "5432")
    return f"postgres://{user}@{host}:{port}/{database}"


def postgres(command, env):
    admin = {**env, "PGHOST": env.get("POSTGRES_HOST", "127.0.0.1")}
    return subprocess.run(
        [command[0], "-U", "postgres", *command[1:]],
        env=admin,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def exists(engine, database, env):
    if engine == "sqlite":
        return (WORK / f"{database}.sqlite3").exists()
    listing = postgres(["psql", "-lqtA"], env)
    return database in {line.split("|", 1)[0] for line in listing.splitlines()}


def recreate(engine, database, env):
    if engine == "sqlite":
        (WORK / f"{database}.sqlite3").unlink(missing_ok=True)
    else:
        postgres(["dropdb", "--if-exists", database], env)
        postgres(["createdb", database], env)


def analyse(engine, database, env):
    # Autovacuum would analyse the new rows within a minute; measure after it, not before.
    if engine != "sqlite":
        postgres(["psql", "-qc", "ANALYZE", database], env)


def run(command, env, cwd=ROOT):
    subprocess.run(command, cwd=cwd, env=env, check=True)


def prepare_demo(engine, database, env):
    """A fresh database, migrated, with the demo (``make load`` uses it too)."""
    recreate(engine, database, env)
    manage = [sys.executable, "manage.py"]
    run([*manage, "migrate", "--noinput", "-v0"], env)
    run([*manage, "load_demo"], env)


def prepare(engine, database, env):
    prepare_demo(engine, database, env)
    started = time.perf_counter()
    run(
        [sys.executable, "manage.py", "generate_services", "--count", str(SERVICES), "--seed", "1"],
        env,
    )
    elapsed = time.perf_counter() - started
    analyse(engine, database, env)
    return elapsed


def stock_project(folder=STOCK, settings=("bench", STOCK_BENCH_SETTINGS)):
    """A project made by ``wagtail start`` from this virtualenv's Wagtail in ``folder``,
    plus a settings module (name, text) of its own."""
    if not (folder / "manage.py").exists():
        folder.mkdir(parents=True, exist_ok=True)
        wagtail = Path(sys.executable).parent / "wagtail"
        run([str(wagtail), "start", "stocksite", str(folder)], os.environ)
    name, text = settings
    (folder / "stocksite" / "settings" / f"{name}.py").write_text(text)


def prepare_stock(engine, database, env, pages=SERVICES, folder=STOCK):
    """A fresh database for the stock site, migrated, with ``pages`` plain pages."""
    recreate(engine, database, env)
    run([sys.executable, "manage.py", "migrate", "--noinput", "-v0"], env, cwd=folder)
    started = time.perf_counter()
    run([sys.executable, "-c", STOCK_PAGES_CODE, str(pages)], env, cwd=folder)
    elapsed = time.perf_counter() - started
    analyse(engine, database, env)
    return elapsed


def measure(env, cases, cwd=ROOT):
    output = subprocess.run(
        [sys.executable, "-c", MEASURE_CODE, json.dumps([cases, WARM_UP, REPETITIONS])],
        cwd=cwd,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def ms(value):
    """Milliseconds, with a decimal under 10 ms (a kept page takes a fraction of one)."""
    return f"{value:.1f}" if value < 10 else f"{value:.0f}"


def p50(result):
    return statistics.median(result["timings"])


def ratios(all_results):
    """Proxima's service page over the stock page, per database (p50)."""
    lines = []
    for label, wording in (
        (SERVICE, "Service page / stock page (p50)"),
        (SERVICE_AFTER_EDIT, "First service page request after an edit / stock page (p50)"),
    ):
        parts = [
            f"{database} **{p50(results[label]) / p50(results[STOCK_PAGE]):.2f}×** "
            f"({p50(results[label]):.1f} ms / {p50(results[STOCK_PAGE]):.1f} ms)"
            for database, results in all_results.items()
            if label in results and STOCK_PAGE in results
        ]
        if parts:
            lines.append(f"{wording}: " + ", ".join(parts) + ".")
    return lines


def report(all_results, generation, loads):
    import django
    import wagtail

    lines = [
        START_MARKER,
        f"Measured on {time.strftime('%Y-%m-%d')} — {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}; {SERVICES:,} generated services plus the demo; "
        f"{REPETITIONS} requests per case after {WARM_UP} warm-up requests; server time through "
        "Django's test client (middleware, views, templates; no network). The stock page is "
        f"one of {SERVICES:,} plain pages of a site made by `wagtail start` (Wagtail "
        f"{wagtail.__version__}, Django {django.get_version()}, this virtualenv), on the same "
        "database engine, measured the same way.",
        "",
        "| Database | Case | HTTP | p50 (ms) | p95 (ms) | max (ms) |",
        "| --- | --- | --- | ---: | ---: | ---: |",
    ]
    for database, results in all_results.items():
        for label, result in results.items():
            timings = result["timings"]
            lines.append(
                f"| {database} | {label} | {result['status']} | {ms(statistics.median(timings))} | "
                f"{ms(percentile(timings, 0.95))} | {ms(max(timings))} |"
            )
    lines += ["", *ratios(all_results)]
    lines += [
        "",
        f"Load average (1 minute) around the measurements: {min(loads):.1f} to {max(loads):.1f}"
        f" on {os.cpu_count()} cores"
        + (
            " — the machine was shared with other work, so times include waiting for a core."
            if max(loads) >= SHARED_LOAD
            else "."
        ),
    ]
    if generation:
        lines += [
            "",
            "Generating the pages took: "
            + ", ".join(f"{what} {seconds:.0f} s" for what, seconds in generation.items())
            + ".",
        ]
    lines.append(END_MARKER)
    text = REPORT.read_text(encoding="utf-8") if REPORT.exists() else ""
    block = "\n".join(lines)
    if START_MARKER in text:
        before, rest = text.split(START_MARKER, 1)
        text = before + block + rest.split(END_MARKER, 1)[1]
    else:
        text = text + "\n" + block + "\n"
    REPORT.write_text(text, encoding="utf-8")
    print(block)


def databases(engine):
    """The names of Proxima's and the stock site's databases on ``engine``."""
    if engine == "sqlite":
        return "proxima", "stock"
    return NAME, f"{NAME}_stock"


def main():
    wanted = os.environ.get("BENCH_DATABASES", "sqlite,postgresql").split(",")
    all_results, generation, loads = {}, {}, []
    WORK.mkdir(parents=True, exist_ok=True)
    stock_project()
    for engine in ("sqlite", "postgresql"):
        if engine not in wanted:
            continue
        proxima_database, stock_database = databases(engine)
        env = {
            **os.environ,
            "DATABASE_URL": database_url(engine, proxima_database),
            "DJANGO_SETTINGS_MODULE": "config.settings.dev",
            "DEBUG": "0",
        }
        stock_env = {
            **os.environ,
            "DATABASE_URL": database_url(engine, stock_database),
            "DJANGO_SETTINGS_MODULE": STOCK_SETTINGS,
        }
        if REUSE and exists(engine, proxima_database, env):
            print(f"== {engine}: reusing the databases of the previous run", flush=True)
            # The code may have gained migrations since: the schema must be the code's.
            run([sys.executable, "manage.py", "migrate", "--noinput", "-v0"], env)
        else:
            print(f"== {engine}: preparing {SERVICES} services", flush=True)
            generation[f"{engine} services"] = prepare(engine, proxima_database, env)
        if not (REUSE and exists(engine, stock_database, stock_env)):
            print(f"== {engine}: preparing the stock site's {SERVICES} pages", flush=True)
            generation[f"{engine} stock pages"] = prepare_stock(engine, stock_database, stock_env)
        print(f"== {engine}: measuring", flush=True)
        loads.append(os.getloadavg()[0])
        all_results[engine] = measure(env, CASES)
        all_results[engine].update(measure(stock_env, STOCK_CASES, cwd=STOCK))
        loads.append(os.getloadavg()[0])
    report(all_results, generation, loads)


if __name__ == "__main__":
    main()
