# Proxima: `make run` serves the demo site, `make test` runs every check.
# Both set everything up on a fresh machine.
.DEFAULT_GOAL := help
SHELL := /bin/bash

PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
PORT ?= 8000
POSTGRES_DB ?= proxima
STAMP := $(VENV)/.installed-$(shell cat requirements.txt requirements-dev.txt | sha1sum | cut -c1-12)

.PHONY: help run test prod-check screenshots lint format messages messages-check compilemessages bench load relevance faults lighthouse setup demo chromium java node nginx clean

help: ## List the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-16s %s\n", $$1, $$2}'

$(STAMP): requirements.txt requirements-dev.txt
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is required ($(PYTHON) not found)"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements-dev.txt
	rm -f $(VENV)/.installed-* && touch $(STAMP)

setup: $(STAMP) compilemessages ## Create the virtualenv and install the dependencies

compilemessages: $(STAMP)
	@$(MANAGE) compilemessages --verbosity 0 --ignore='.venv/*'

chromium: ## Install Debian's Chromium (and fontconfig's fc-list) for the browser tests when missing
	@test -x /usr/bin/chromium && command -v fc-list >/dev/null || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium fontconfig >/dev/null; }

java: ## Install Debian's Java runtime (it runs the W3C Nu HTML Checker in the tests) when missing
	@command -v java >/dev/null || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq default-jre-headless >/dev/null; }

node: ## Install Debian's Node.js and npm (they run Lighthouse) when missing
	@command -v node >/dev/null && command -v npm >/dev/null || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq nodejs npm >/dev/null; }

nginx: ## Install Debian's nginx (the production stack of make prod-check and make test) when missing
	@PATH="$$PATH:/usr/sbin" command -v nginx >/dev/null || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq nginx >/dev/null; }

demo: setup ## Migrate and load the demo content (idempotent)
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo
	$(MANAGE) ensure_admin

# BASE_URL (unless set) and the Site's address follow PORT (config.environment.base_url).
run: export PORT := $(PORT)
run: demo ## Set up and serve the demo site on http://127.0.0.1:$(PORT)/
	$(MANAGE) set_site_address
	$(MANAGE) runserver 127.0.0.1:$(PORT)

lint: setup ## ruff format check, ruff lint, import floors, Django checks, migrations up to date
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	$(BIN)/lint-imports --no-cache
	DJANGO_SETTINGS_MODULE=config.settings.test $(MANAGE) check --fail-level WARNING
	DJANGO_SETTINGS_MODULE=config.settings.test $(MANAGE) makemigrations --check --dry-run

format: setup ## Format and autofix the code
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# Interface strings are written in English in the code: every other language has a catalogue.
CATALOGUES := fr de it pt es ar sq uk tr ta ti
MAKEMESSAGES := $(MANAGE) makemessages $(addprefix -l ,$(CATALOGUES)) --no-obsolete --no-location --verbosity 0 \
	--ignore='.venv/*' --ignore='staticfiles/*' --ignore='tests/*' --ignore='benchmarks/*'

messages: setup ## Extract translatable strings into locale/ (then translate them)
	$(MAKEMESSAGES)
	$(MAKEMESSAGES) -d djangojs

messages-check: setup ## Fail when `make messages` would change locale/ (the extraction date aside)
	@rm -rf $(VENV)/locale-before && cp -r locale $(VENV)/locale-before
	@$(MAKE) --no-print-directory messages >/dev/null
	@if diff -r -x '*.mo' -I '^"POT-Creation-Date: ' $(VENV)/locale-before locale >/dev/null; then \
	  rm -rf locale && mv $(VENV)/locale-before locale; \
	else \
	  echo "locale/ was out of date; it is updated now: translate the new strings and commit."; \
	  exit 1; \
	fi

# The suite runs on SQLite and on PostgreSQL as three processes side by side (each
# mostly waits on one core: Python or PostgreSQL): SQLite; PostgreSQL without the tests
# on the demo; PostgreSQL's tests on the demo (loading it is PostgreSQL's longest step),
# in a database of its own. Each has its own Redis database; the three reports follow
# one another once all are done. The two PostgreSQL processes copy one migrated test
# database (tests/postgres_template.py), made while SQLite's process starts. They end
# minutes before SQLite's, the longest: a notch lower in priority, they leave it more of
# the cores (docs/performance.md).
TEST_LOGS := $(VENV)/test-logs
REDIS_TEST_URL ?= redis://127.0.0.1:6379
PYTEST := $(BIN)/pytest --durations=25
POSTGRES := TEST_DATABASE=postgres POSTGRES_DB=$(POSTGRES_DB)
BELOW := nice -n 3
TEMPLATE := $(POSTGRES)_template $(BIN)/python -m tests.postgres_template
COPY := POSTGRES_TEST_TEMPLATE=test_$(POSTGRES_DB)_template

test: setup chromium java nginx lint messages-check ## Set up and run every check, on SQLite and PostgreSQL
	@rm -rf $(TEST_LOGS) && mkdir -p $(TEST_LOGS)
	@echo "pytest on SQLite and on PostgreSQL, side by side (reports below when all are done)"
	@run() { log=$$1; shift; env "$$@" >$(TEST_LOGS)/$$log.log 2>&1; }; \
	run sqlite REDIS_URL=$(REDIS_TEST_URL)/13 $(PYTEST) & one=$$!; \
	{ run postgres-template $(TEMPLATE) || exit 1; \
	  run postgres $(POSTGRES) $(COPY) REDIS_URL=$(REDIS_TEST_URL)/14 $(BELOW) $(PYTEST) --demo-tests=none & two=$$!; \
	  run postgres-demo $(POSTGRES)_demo $(COPY) REDIS_URL=$(REDIS_TEST_URL)/15 $(BELOW) $(PYTEST) --demo-tests=only & three=$$!; \
	  wait $$two; failed=$$?; wait $$three || failed=1; $(TEMPLATE) --drop; exit $$failed; } & postgres=$$!; \
	status=0; for pid in $$one $$postgres; do wait $$pid || status=1; done; \
	for log in postgres-template sqlite postgres postgres-demo; do \
	  test -s $(TEST_LOGS)/$$log.log || continue; \
	  echo "==================== $$log ===================="; cat $(TEST_LOGS)/$$log.log; \
	done; \
	exit $$status

screenshots: setup chromium ## The editors' guide's pictures (docs/images/), taken by the admin's browser tests
	DOCS_SCREENSHOTS=docs/images $(BIN)/pytest -q tests/browser -k admin

# The production stack (deploy/: gunicorn behind nginx, production settings) on PostgreSQL
# and Redis, checked from outside (tests/production/). make test runs the same tests in its
# PostgreSQL pass on the demo.
PROD_CHECK_DB ?= proxima_prod

prod-check: setup nginx ## Production settings under gunicorn behind nginx, on PostgreSQL and Redis, checked from outside
	TEST_DATABASE=postgres POSTGRES_DB=$(PROD_CHECK_DB) REDIS_URL=$(REDIS_TEST_URL)/12 \
	  $(BIN)/pytest --demo-tests=only tests/production

bench: setup ## Measure directory, search and service pages with 10,000 services
	$(BIN)/python -m benchmarks.run

load: setup nginx ## Highest request rate of the production stack (p95 <= 300 ms, no error), a spike, and a stock Wagtail site alike
	$(BIN)/python -m benchmarks.load

faults: demo ## What a silent Redis, search cluster or mail server costs residents (figures for docs/deployment.md)
	$(BIN)/python -m benchmarks.faults

relevance: setup ## Success@3 and MRR of the judged resident queries, per language, both databases
	$(BIN)/python -m benchmarks.relevance

# Pinned: Lighthouse 13 needs Node 22; 12.2.3 runs on Debian's Node (18.16 or later).
LIGHTHOUSE_VERSION := 12.2.3
LIGHTHOUSE_DIR ?= $(VENV)/lighthouse

lighthouse: demo chromium node nginx ## Lighthouse scores (phone) of home, directory and a service page in fr and ar
	@test "$$(node -p "require('$(abspath $(LIGHTHOUSE_DIR))/node_modules/lighthouse/package.json').version" 2>/dev/null)" = $(LIGHTHOUSE_VERSION) || \
	  npm install --prefix $(LIGHTHOUSE_DIR) --save-exact --no-audit --no-fund --loglevel=error lighthouse@$(LIGHTHOUSE_VERSION)
	LIGHTHOUSE_DIR=$(LIGHTHOUSE_DIR) $(BIN)/python -m benchmarks.lighthouse

clean: ## Remove the virtualenv, the SQLite database and collected files
	rm -rf $(VENV) db.sqlite3 staticfiles
