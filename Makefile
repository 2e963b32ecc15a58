# Brücke: `make run` serves the portal with demo data, `make test` runs the test suite.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
STAMP := $(VENV)/.installed

.PHONY: run test install assets browser messages check-translations lint worker beat bench soak clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

node_modules/axe-core/axe.min.js: package.json
	npm install --no-audit --no-fund --silent
	touch $@

assets: node_modules/axe-core/axe.min.js

# Debian's Chromium drives the browser tests; Playwright's own browser download does not work here.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "Chromium is missing: browser tests will be skipped (install Debian's chromium package)."; fi; }

messages: install
	$(PY) manage.py compilemessages --ignore=.venv --ignore=node_modules -v 0

check-translations: install
	$(PY) scripts/check_translations.py

run: install messages
	$(PY) manage.py migrate --no-input -v 0
	$(PY) manage.py seed_demo
	$(PY) manage.py runserver 127.0.0.1:8000

test: install assets browser messages
	$(VENV)/bin/pytest

lint: install
	$(VENV)/bin/ruff check .
	$(PY) manage.py makemigrations --check --dry-run

# The production shape: set DATABASE_URL and REDIS_URL (see .env.example), then run these beside the web server.
worker: install
	$(VENV)/bin/celery -A config worker --loglevel=INFO --concurrency=2

beat: install
	$(VENV)/bin/celery -A config beat --loglevel=INFO

# The load benchmark drives gunicorn with wrk (Debian's package, installed here when missing and root).
bench: install
	@command -v wrk >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; \
	  else echo "wrk is missing: install Debian's wrk package for the load benchmark."; fi; }
	$(PY) benchmarks/supply_report.py
	$(PY) benchmarks/matching.py
	$(PY) benchmarks/mentor_assignment.py
	$(PY) benchmarks/jobboerse_sync.py
	$(PY) benchmarks/load.py

# 100 simulated people for 10 minutes against gunicorn, PostgreSQL, Redis and a worker (not in CI; needs
# DATABASE_URL and REDIS_URL; SOAK_USERS and SOAK_SECONDS change the size).
soak: install messages
	$(PY) benchmarks/soak.py

clean:
	rm -rf $(VENV) node_modules staticfiles
