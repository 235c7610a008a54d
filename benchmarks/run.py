"""``make bench``: server time of the main pages with 10,000 services, SQLite and PostgreSQL.

For each database: a fresh database, migrations, the demo site, ``generate_services
--count 10000`` (then ``ANALYZE`` on PostgreSQL, as autovacuum would); then each case is
requested through Django's test client (the full middleware and template stack, no
network), a few times to warm caches, then REPETITIONS times. The directory and the
common-word search are also measured "after an edit": the directory version bumped before
every request, as when an editor publishes, so memberships are read, results ranked and
cards rendered again. Figures are written to docs/performance.md between markers.

Environment: BENCH_SERVICES (default 10000), BENCH_REPETITIONS (default 30),
BENCH_DATABASES (default "sqlite,postgresql"), BENCH_REUSE=1 to measure again on the
databases of the previous run, POSTGRES_* for the server.
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

DIRECTORY = "/fr/services/?theme=acces-au-logement&language=fr&access=sur-rendez-vous"
# (label, path, whether the content version is bumped before each request, as by an edit)
CASES = [
    ("Directory, 3 facets", DIRECTORY, False),
    ("Directory, 3 facets, after an edit", DIRECTORY, True),
    ("Search, common word (“aide”)", "/fr/search/?q=aide", False),
    ("Search, common word (“aide”), after an edit", "/fr/search/?q=aide", True),
    ("Search, rare word (“philatélie”)", "/fr/search/?q=philat%C3%A9lie", False),
    ("Service page", "/fr/services/service-genere-5000/", False),
]


def database_urls():
    user = os.environ.get("POSTGRES_USER", "postgres")
    host = os.environ.get("POSTGRES_HOST", "127.0.0.1")
    port = os.environ.get("POSTGRES_PORT", "5432")
    return {
        "sqlite": "sqlite:////tmp/proxima-bench.sqlite3",
        "postgresql": f"postgres://{user}@{host}:{port}/proxima_bench",
    }


def run(command, env):
    subprocess.run(command, cwd=ROOT, env=env, check=True)


def prepare(name, url, env):
    if name == "sqlite":
        Path("/tmp/proxima-bench.sqlite3").unlink(missing_ok=True)
    else:
        admin = {**env, "PGHOST": env.get("POSTGRES_HOST", "127.0.0.1")}
        subprocess.run(
            ["dropdb", "--if-exists", "-U", "postgres", "proxima_bench"], env=admin, check=True
        )
        subprocess.run(["createdb", "-U", "postgres", "proxima_bench"], env=admin, check=True)
    manage = [sys.executable, "manage.py"]
    run([*manage, "migrate", "--noinput", "-v0"], env)
    run([*manage, "load_demo"], env)
    started = time.perf_counter()
    run([*manage, "generate_services", "--count", str(SERVICES), "--seed", "1"], env)
    elapsed = time.perf_counter() - started
    if name != "sqlite":
        # Autovacuum would analyse the new rows within a minute; measure after it, not before.
        subprocess.run(
            ["psql", "-U", "postgres", "-qc", "ANALYZE", "proxima_bench"], env=admin, check=True
        )
    return elapsed


def measure(env):
    """Runs in a child process so each database gets a fresh Django."""
    code = f"""
import json, statistics, time, django
django.setup()
from django.test import Client
from core import content_version
client = Client(HTTP_HOST="localhost")
results = {{}}
for label, path, cold in {CASES!r}:
    for _ in range({WARM_UP}):
        status = client.get(path).status_code
    timings = []
    for _ in range({REPETITIONS}):
        if cold:
            content_version.bump()
        started = time.perf_counter()
        response = client.get(path)
        timings.append((time.perf_counter() - started) * 1000)
    results[label] = {{"status": response.status_code, "timings": timings}}
print(json.dumps(results))
"""
    output = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def report(all_results, generation, loads):
    lines = [
        START_MARKER,
        f"Measured on {time.strftime('%Y-%m-%d')} — {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}; {SERVICES:,} generated services plus the demo; "
        f"{REPETITIONS} requests per case after {WARM_UP} warm-up requests; server time through "
        "Django's test client (middleware, views, templates; no network).",
        "",
        "| Database | Case | HTTP | p50 (ms) | p95 (ms) | max (ms) |",
        "| --- | --- | --- | ---: | ---: | ---: |",
    ]
    for database, results in all_results.items():
        for label, result in results.items():
            timings = result["timings"]
            lines.append(
                f"| {database} | {label} | {result['status']} | {statistics.median(timings):.0f} | "
                f"{percentile(timings, 0.95):.0f} | {max(timings):.0f} |"
            )
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
            "Generating the services took: "
            + ", ".join(f"{database} {seconds:.0f} s" for database, seconds in generation.items())
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


def main():
    wanted = os.environ.get("BENCH_DATABASES", "sqlite,postgresql").split(",")
    all_results, generation, loads = {}, {}, []
    for name, url in database_urls().items():
        if name not in wanted:
            continue
        env = {
            **os.environ,
            "DATABASE_URL": url,
            "DJANGO_SETTINGS_MODULE": "config.settings.dev",
            "DEBUG": "0",
        }
        if REUSE:
            print(f"== {name}: reusing the databases of the previous run", flush=True)
            # The code may have gained migrations since: the schema must be the code's.
            run([sys.executable, "manage.py", "migrate", "--noinput", "-v0"], env)
        else:
            print(f"== {name}: preparing {SERVICES} services", flush=True)
            generation[name] = prepare(name, url, env)
        print(f"== {name}: measuring", flush=True)
        loads.append(os.getloadavg()[0])
        all_results[name] = measure(env)
        loads.append(os.getloadavg()[0])
    report(all_results, generation, loads)


if __name__ == "__main__":
    main()
