"""``make lighthouse``: Lighthouse's four scores of home, directory and a service page, fr and ar.

A benchmark, not a test (it is not part of ``make test``). ``make lighthouse`` loads the
demo (``make demo``: SQLite, the embedded defaults), installs Lighthouse (the npm package,
pinned, in LIGHTHOUSE_DIR, ``.venv/lighthouse`` by default) and Debian's Chromium and
Node.js when missing, then runs this module, which

1. collects the static files with the production settings (hashed names);
2. starts benchmarks/production_like.py on a free port of 127.0.0.1: production settings
   (DEBUG off), static files and compression as the documented reverse proxy does them;
3. waits until it answers, runs Lighthouse once per page (default settings: a mid-range
   phone, simulated slow 4G and 4× slower CPU), Chromium headless from CHROME_PATH
   (``/usr/bin/chromium``); LIGHTHOUSE_RUNS runs per page (default 1) give the median;
4. stops the server and prints the scores, then every weighted audit below a full score.

The JSON reports are kept in LIGHTHOUSE_DIR/reports/ (open one in a browser with
``npx lighthouse``'s viewer, or read its "audits"). Figures and method: docs/accessibility.md.
"""

import json
import os
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE_DIR = Path(os.environ.get("LIGHTHOUSE_DIR", ROOT / ".venv" / "lighthouse")).resolve()
LIGHTHOUSE = LIGHTHOUSE_DIR / "node_modules" / "lighthouse" / "cli" / "index.js"
REPORTS = LIGHTHOUSE_DIR / "reports"
CHROME_PATH = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu"
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
STARTUP_SECONDS = 120


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def server_environment(port):
    environment = dict(os.environ)
    environment.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY=environment.get("SECRET_KEY") or secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        BASE_URL=f"http://127.0.0.1:{port}",
        # Plain HTTP on the loopback: no redirection to HTTPS (the proxy would terminate it).
        SECURE_SSL_REDIRECT="0",
        DEBUG="0",
    )
    return environment


def wait_until_up(base, process):
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit(
                f"The server stopped (status {process.returncode}): see {REPORTS / 'server.log'}"
            )
        try:
            with urllib.request.urlopen(f"{base}/fr/", timeout=5) as response:  # noqa: S310 - http://127.0.0.1
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    sys.exit(f"The server did not answer within {STARTUP_SECONDS} s")


def check_pages(base):
    for _name, pattern in PAGES:
        for language in LANGUAGES:
            url = base + pattern.format(language=language)
            try:
                urllib.request.urlopen(url, timeout=30).close()  # noqa: S310 - http://127.0.0.1
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
    if not LIGHTHOUSE.exists():
        sys.exit(f"Lighthouse is not installed in {LIGHTHOUSE_DIR}: run `make lighthouse`")
    REPORTS.mkdir(parents=True, exist_ok=True)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    environment = server_environment(port)
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run(
        [*manage, "collectstatic", "--noinput", "-v0"], check=True, env=environment, cwd=ROOT
    )
    with open(REPORTS / "server.log", "w") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "benchmarks.production_like", str(port)],
            cwd=ROOT,
            env=environment,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    rows, lost, version = [], {}, ""
    try:
        wait_until_up(base, server)
        check_pages(base)
        for name, pattern in PAGES:
            for language in LANGUAGES:
                path = pattern.format(language=language)
                runs = []
                for run in range(RUNS):
                    output = REPORTS / f"{name.lower()}-{language}-{run + 1}.json"
                    print(f"Lighthouse {path} ({run + 1}/{RUNS})", flush=True)
                    runs.append(lighthouse(base + path, output))
                version = runs[-1]["lighthouseVersion"]
                scores = [
                    round(statistics.median(r["categories"][key]["score"] * 100 for r in runs))
                    for key, _title in CATEGORIES
                ]
                rows.append((f"{name} ({language})", path, scores))
                lost[f"{name} ({language})"] = lost_points(runs[-1])
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
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
