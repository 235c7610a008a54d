"""``make lighthouse``: Lighthouse's four scores of home, directory and a service page, fr and ar.

A benchmark, not a test (it is not part of ``make test``). ``make lighthouse`` loads the
demo (``make demo``: SQLite, the embedded defaults), installs Lighthouse (the npm package,
pinned, in LIGHTHOUSE_DIR, ``.venv/lighthouse`` by default) and Debian's Chromium and
Node.js when missing, then runs this module, which

1. starts the production stack (deploy/stack.py: ``collectstatic``, gunicorn with
   ``config.settings.production`` behind Debian's nginx with deploy/nginx/proxima.conf,
   HTTPS with a self-signed certificate, on free ports of 127.0.0.1) and waits for it;
2. runs Lighthouse once per page (default settings: a mid-range phone, simulated slow 4G
   and 4× slower CPU), Chromium headless from CHROME_PATH (``/usr/bin/chromium``, told to
   accept the loopback's certificate); LIGHTHOUSE_RUNS runs per page (default 1) give the
   median; ``LIGHTHOUSE_RUNS=0`` only starts the stack, checks the pages answer and stops;
3. stops the stack and prints the scores, then every weighted audit below a full score.

The JSON reports are kept in LIGHTHOUSE_DIR/reports/ (open one in a browser with
``npx lighthouse``'s viewer, or read its "audits"). Figures and method: docs/accessibility.md.
"""

import json
import os
import statistics
import subprocess
import sys
import urllib.request
from pathlib import Path

from deploy.stack import running

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE_DIR = Path(os.environ.get("LIGHTHOUSE_DIR", ROOT / ".venv" / "lighthouse")).resolve()
LIGHTHOUSE = LIGHTHOUSE_DIR / "node_modules" / "lighthouse" / "cli" / "index.js"
REPORTS = LIGHTHOUSE_DIR / "reports"
CHROME_PATH = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
# The stack's certificate is self-signed (for 127.0.0.1 only).
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --ignore-certificate-errors"
RUNS = int(os.environ.get("LIGHTHOUSE_RUNS", "1"))
LANGUAGES = ["fr", "ar"]
# A typical service page: a place, weekly hours, documents to bring.
PAGES = [
    ("Home", "/{language}/"),
    ("Directory", "/{language}/services/"),
    ("Service", "/{language}/services/action-impots/"),
]
CATEGORIES = [
    ("performance", "Performance"),
    ("accessibility", "Accessibility"),
    ("best-practices", "Best practices"),
    ("seo", "SEO"),
]


def check_pages(stack):
    for _name, pattern in PAGES:
        for language in LANGUAGES:
            url = stack.url + pattern.format(language=language)
            try:
                urllib.request.urlopen(url, timeout=30, context=stack.ssl_context()).close()  # noqa: S310 - https://127.0.0.1
            except OSError as error:
                sys.exit(f"{url}: {error} (is the demo loaded? `make demo`)")


def lighthouse(url, output):
    command = [
        "node",
        str(LIGHTHOUSE),
        url,
        "--output=json",
        f"--output-path={output}",
        f"--only-categories={','.join(key for key, _title in CATEGORIES)}",
        f"--chrome-flags={CHROME_FLAGS}",
        "--quiet",
    ]
    subprocess.run(command, check=True, env={**os.environ, "CHROME_PATH": CHROME_PATH})
    return json.loads(output.read_text())


def lost_points(report):
    """Audits that weigh in a category and scored below 1: "category: audit id (score)"."""
    lost = []
    for key, title in CATEGORIES:
        for ref in report["categories"][key]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref.get("weight") and audit.get("score") is not None and audit["score"] < 1:
                lost.append(
                    f"{title}: {ref['id']} ({audit['score']:.2f}) {audit.get('displayValue', '')}"
                )
    return lost


def main():
    if RUNS and not LIGHTHOUSE.exists():
        sys.exit(f"Lighthouse is not installed in {LIGHTHOUSE_DIR}: run `make lighthouse`")
    REPORTS.mkdir(parents=True, exist_ok=True)
    rows, lost, version = [], {}, ""
    # The demo of `make demo` (SQLite, the embedded defaults) unless DATABASE_URL says else.
    with running() as stack:
        check_pages(stack)
        print(f"The stack serves the pages at {stack.url}", flush=True)
        for name, pattern in PAGES:
            for language in LANGUAGES:
                path = pattern.format(language=language)
                runs = []
                for run in range(RUNS):
                    output = REPORTS / f"{name.lower()}-{language}-{run + 1}.json"
                    print(f"Lighthouse {path} ({run + 1}/{RUNS})", flush=True)
                    runs.append(lighthouse(stack.url + path, output))
                if not runs:
                    continue
                version = runs[-1]["lighthouseVersion"]
                scores = [
                    round(statistics.median(r["categories"][key]["score"] * 100 for r in runs))
                    for key, _title in CATEGORIES
                ]
                rows.append((f"{name} ({language})", path, scores))
                lost[f"{name} ({language})"] = lost_points(runs[-1])
    if not RUNS:
        return
    print(f"\nLighthouse {version}, mobile (default settings), {RUNS} run(s) per page, median")
    header = ["Page", "Address", *[title for _key, title in CATEGORIES]]
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for name, path, scores in rows:
        print(f"| {name} | `{path}` | " + " | ".join(str(score) for score in scores) + " |")
    for page, audits in lost.items():
        if audits:
            print(f"\n{page}, audits below a full score (last run):")
            for line in audits:
                print(f"  - {line}")


if __name__ == "__main__":
    main()
