# SIOC developer commands. A fresh clone needs only `make demo` or `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SIOC := $(BIN)/sioc
PG_URL ?= postgres://postgres@127.0.0.1:5432/sioc
export SIOC_DATA_DIR ?= $(abspath ../shared/data)

.PHONY: demo setup install assets migrate test test-pg bench lint format browser messages clean

demo: setup
	$(SIOC) load_demo_data
	@# A background worker runs the queued tasks (IATI imports from the web) while the server runs.
	$(SIOC) db_worker --interval 1 & worker=$$!; trap "kill $$worker 2>/dev/null" EXIT INT TERM; \
	$(SIOC) runserver 127.0.0.1:8000

setup: install assets migrate

install: $(VENV)/.installed

$(VENV)/.installed: requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

assets: node_modules/.installed

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

migrate: install assets
	$(SIOC) migrate --no-input -v 0
	$(SIOC) load_reference_data

# Real headless Chromium for the browser tests (Debian package), installed when missing.
browser:
	@command -v chromium >/dev/null || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null; \
	  else echo "Falta chromium: instálelo con 'sudo apt-get install chromium'" >&2; exit 1; fi; }

test: install assets browser
	SIOC_ENV=test SIOC_DATABASE_URL= $(BIN)/pytest

test-pg: install assets browser
	SIOC_ENV=test SIOC_DATABASE_URL=$${SIOC_DATABASE_URL:-$(PG_URL)} $(BIN)/pytest --create-db

bench: setup
	SIOC_ENV=test $(BIN)/python bench/run.py

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) node_modules staticfiles var
