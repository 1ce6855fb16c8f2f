# Bases communes — every set-up step lives here so that a fresh clone needs only `make run`
# and `make test` (see README.md).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

PG_CLUSTER_VERSION ?= 15
PG_USER ?= bases_communes
PG_PASSWORD ?= bases_communes
PG_DB ?= bases_communes
PG_URL := postgres://$(PG_USER):$(PG_PASSWORD)@127.0.0.1:5432/$(PG_DB)

.PHONY: help install run serve migrate demo test lint check-migrations test-sqlite test-postgres \
	postgres browser-deps production-deps pdf-deps format lock clean

help:
	@echo "make run    — installe, migre, charge la démo et sert sur http://$(HOST):$(PORT)"
	@echo "make test   — ruff, checks Django, migrations, tests sur SQLite puis PostgreSQL"

# The virtualenv is rebuilt whenever the lock file changes.
$(VENV)/.installed: requirements.lock
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade "pip==26.3"
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -r requirements.lock
	touch $@

install: $(VENV)/.installed pdf-deps

migrate: install
	$(MANAGE) migrate --noinput

# The demo, then the open-data files of /donnees-ouvertes/ (the nightly job's, made at once).
demo: migrate
	$(MANAGE) load_demo
	$(MANAGE) export_open_data --quiet

run: demo
	$(MANAGE) runserver $(HOST):$(PORT)

serve: install
	$(MANAGE) runserver $(HOST):$(PORT)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

check-migrations: install
	DJANGO_SETTINGS_MODULE=config.settings.test $(MANAGE) check
	DJANGO_SETTINGS_MODULE=config.settings.test $(MANAGE) makemigrations --check --dry-run

# Both databases at once, one core each (the suite is single-threaded): each run writes its own
# log, printed whole once both have finished; the target fails if either fails.
# The production profile (tests/test_production_profile.py: gunicorn, nginx and a PostgreSQL
# database of its own) runs once, in the SQLite pass.
test: lint check-migrations browser-deps production-deps install postgres
	@echo "Tests sur SQLite et sur PostgreSQL, en parallèle…"
	@$(BIN)/pytest -q > .test-sqlite.log 2>&1 & sqlite=$$!; \
	DATABASE_URL=$(PG_URL) $(BIN)/pytest -q -m "not production" > .test-postgres.log 2>&1; postgres=$$?; \
	wait $$sqlite; sqlite=$$?; \
	echo "=== SQLite"; cat .test-sqlite.log; echo "=== PostgreSQL"; cat .test-postgres.log; \
	rm -f .test-sqlite.log .test-postgres.log; \
	test $$sqlite -eq 0 && test $$postgres -eq 0

test-sqlite: install browser-deps production-deps postgres
	$(BIN)/pytest -q

test-postgres: install browser-deps production-deps postgres
	DATABASE_URL=$(PG_URL) $(BIN)/pytest -q

# The local PostgreSQL cluster (Debian's postgresql package): started if down, with a role that
# may create the test database.
postgres:
	@command -v pg_ctlcluster >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql postgresql-contrib)
	@pg_lsclusters -h | grep -q "^$(PG_CLUSTER_VERSION) *main .*online" || pg_ctlcluster $(PG_CLUSTER_VERSION) main start
	@runuser -u postgres -- psql -qtAc "SELECT 1 FROM pg_roles WHERE rolname='$(PG_USER)'" | grep -q 1 || \
		runuser -u postgres -- psql -qc "CREATE ROLE $(PG_USER) LOGIN CREATEDB PASSWORD '$(PG_PASSWORD)'"
	@runuser -u postgres -- psql -qtAc "SELECT 1 FROM pg_database WHERE datname='$(PG_DB)'" | grep -q 1 || \
		runuser -u postgres -- createdb -O $(PG_USER) $(PG_DB)

# Real-browser tests drive Debian's Chromium (no browser download from elsewhere); the
# accessibility tests inject axe-core, installed from npm by its lock file (tests/axe/).
browser-deps:
	@test -x /usr/bin/chromium -a -x /usr/bin/chromedriver || \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver)
	@command -v pdftotext >/dev/null || \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils)
	@command -v npm >/dev/null || \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm)
	@test -f tests/axe/node_modules/axe-core/axe.min.js -a \
		tests/axe/node_modules/.package-lock.json -nt tests/axe/package-lock.json || \
		(cd tests/axe && npm ci --no-audit --no-fund --silent)

# WeasyPrint (the PDFs of reuse.downloads) draws text with Debian's Pango and HarfBuzz; DejaVu
# is the fallback font (the PDFs embed the DSFR's Marianne from the static files).
PDF_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core
pdf-deps:
	@dpkg -s $(PDF_PACKAGES) >/dev/null 2>&1 || \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(PDF_PACKAGES))

# The production profile puts Debian's nginx in front of gunicorn, over TLS (openssl makes a
# throwaway certificate).
production-deps:
	@test -x /usr/sbin/nginx -a -x /usr/bin/openssl || \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx openssl)

lock: install
	$(PY) -m pip install --quiet -e ".[dev]" && \
	(echo "# Exact versions of every package, direct and transitive (Python 3.11)."; \
	 echo "# Regenerate after changing pyproject.toml: make lock"; \
	 $(PY) -m pip freeze --exclude-editable) > requirements.lock

clean:
	rm -rf $(VENV) db.sqlite3 media static_collected
