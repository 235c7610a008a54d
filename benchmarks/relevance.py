"""``make relevance``: do residents find the right service among the first three results?

The judged query set (``benchmarks/relevance/queries/<language>.tsv``) holds what
residents type, in the 12 languages, with the demo services that answer each query. For
each database (a fresh SQLite file and a fresh PostgreSQL database, migrated, with the
demo loaded), every query is asked to the search page (``/<language>/search/?q=…``,
through Django's test client) and the services it lists are compared with the judged
ones: success@3 (an acceptable service among the first three) and MRR (the mean of
1/rank of the first acceptable service, 0 beyond the first page). Figures per language
are printed and written to docs/search-quality.md between markers.

Environment: RELEVANCE_DATABASES (default "sqlite,postgresql"), RELEVANCE_REUSE=1 to
measure again on the databases of the previous run, POSTGRES_* for the server.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUERIES = Path(__file__).resolve().parent / "relevance" / "queries"
REPORT = ROOT / "docs" / "search-quality.md"
START_MARKER = "<!-- relevance:start -->"
END_MARKER = "<!-- relevance:end -->"
REUSE = os.environ.get("RELEVANCE_REUSE") == "1"
SQLITE_FILE = "/tmp/proxima-relevance.sqlite3"
POSTGRES_NAME = "proxima_relevance"
TOP = 3


def judged_queries():
    """{language: [(query, {acceptable French slugs})]} from the TSV files."""
    judged = {}
    for path in sorted(QUERIES.glob("*.tsv")):
        rows = []
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            query, slugs = line.split("\t")
            rows.append((query, set(slugs.split())))
        judged[path.stem] = rows
    return judged


def source_slugs():
    """Service page id -> the slug of its French source (the judged sets name those)."""
    from services_directory.models import ServicePage

    french = dict(
        ServicePage.objects.filter(locale__language_code="fr").values_list(
            "translation_key", "slug"
        )
    )
    return {
        pk: french.get(key) for pk, key in ServicePage.objects.values_list("pk", "translation_key")
    }


def rank_of_first_acceptable(slugs, acceptable):
    return next((rank for rank, slug in enumerate(slugs, 1) if slug in acceptable), None)


def evaluate(client, judged):
    """Per language: success@3, MRR, the number of queries, and the misses."""
    slug_of = source_slugs()
    figures = {}
    for language, rows in judged.items():
        successes, reciprocal, misses = 0, 0.0, []
        for query, acceptable in rows:
            response = client.get(f"/{language}/search/", {"q": query})
            results = response.context["results_page"]
            shown = [slug_of.get(page.pk) for page in (results.object_list if results else [])]
            rank = rank_of_first_acceptable(shown, acceptable)
            if rank is not None and rank <= TOP:
                successes += 1
            else:
                misses.append((query, shown[:TOP]))
            reciprocal += 1 / rank if rank else 0.0
        figures[language] = {
            "queries": len(rows),
            "success_at_3": successes / len(rows),
            "mrr": reciprocal / len(rows),
            "misses": misses,
        }
    return figures


def database_urls():
    user = os.environ.get("POSTGRES_USER", "postgres")
    host = os.environ.get("POSTGRES_HOST", "127.0.0.1")
    port = os.environ.get("POSTGRES_PORT", "5432")
    return {
        "sqlite": f"sqlite:///{SQLITE_FILE}",
        "postgresql": f"postgres://{user}@{host}:{port}/{POSTGRES_NAME}",
    }


def prepare(name, env):
    if name == "sqlite":
        Path(SQLITE_FILE).unlink(missing_ok=True)
    else:
        admin = {**env, "PGHOST": env.get("POSTGRES_HOST", "127.0.0.1")}
        for command in (["dropdb", "--if-exists"], ["createdb"]):
            subprocess.run([*command, "-U", "postgres", POSTGRES_NAME], env=admin, check=True)
    manage = [sys.executable, "manage.py"]
    subprocess.run([*manage, "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)
    subprocess.run([*manage, "load_demo"], cwd=ROOT, env=env, check=True)


def measure(env):
    """In a child process, so that each database gets a fresh Django."""
    code = (
        "import json, django; django.setup()\n"
        "from django.test import Client\n"
        "from django.test.utils import setup_test_environment\n"
        "setup_test_environment()\n"
        "from benchmarks.relevance import evaluate, judged_queries\n"
        "print(json.dumps(evaluate(Client(HTTP_HOST='localhost'), judged_queries())))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def table(results):
    lines = [
        "| Language | Queries | "
        + " | ".join(f"success@3 ({name}) | MRR ({name})" for name in results)
        + " |",
        "| --- | ---: | " + " | ".join("---: | ---:" for _ in results) + " |",
    ]
    languages = next(iter(results.values())).keys()
    for language in languages:
        cells = []
        for figures in results.values():
            row = figures[language]
            cells += [f"{row['success_at_3']:.0%}", f"{row['mrr']:.2f}"]
        count = next(iter(results.values()))[language]["queries"]
        lines.append(f"| {language} | {count} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def write_report(results):
    text = REPORT.read_text(encoding="utf-8")
    start, end = text.index(START_MARKER), text.index(END_MARKER)
    block = f"{START_MARKER}\n{table(results)}\n{END_MARKER}"
    REPORT.write_text(text[:start] + block + text[end + len(END_MARKER) :], encoding="utf-8")


def main():
    names = os.environ.get("RELEVANCE_DATABASES", "sqlite,postgresql").split(",")
    urls = database_urls()
    results = {}
    for name in names:
        env = {
            **os.environ,
            "DATABASE_URL": urls[name],
            "DJANGO_SETTINGS_MODULE": "config.settings.dev",
            "DEBUG": "0",
        }
        if not REUSE:
            prepare(name, env)
        results[name] = measure(env)
        for language, row in results[name].items():
            print(
                f"{name:10} {language}  success@3 {row['success_at_3']:6.1%}  "
                f"MRR {row['mrr']:.2f}  ({row['queries']} queries)"
            )
            for query, shown in row["misses"]:
                print(f"           miss: {query!r} -> {shown}")
    print(table(results))
    write_report(results)


if __name__ == "__main__":
    main()
