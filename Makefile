# One command to run the site (make run), one to test it (make test). See README.md.
SHELL := /bin/bash
.DEFAULT_GOAL := help

# The first Python 3.12+ found: python3.12, python3.13, then pyenv's, then Debian's.
PYTHON ?= $(shell for p in python3.12 python3.13 $(wildcard $(HOME)/.pyenv/versions/3.12*/bin/python3.12) $(wildcard $(HOME)/.pyenv/versions/3.13*/bin/python3.13) /usr/bin/python3.13 python3; do \
	if command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1; then echo $$p; break; fi; done)
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: help install run test lint check lock demo admin-password clean bench bench-library

help:
	@echo "make run     run the site with demo content on http://$(HOST):$(PORT)"
	@echo "make test    run the whole test suite (SQLite, or DATABASE_URL if set)"
	@echo "make lint    ruff, Django's checks and the migrations check"
	@echo "make lock    re-pin requirements*.lock from pyproject.toml"

$(BIN)/activate:
	@test -n "$(PYTHON)" || { echo "Python 3.12 or newer is needed (python3.12 or python3.13)."; exit 1; }
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: $(BIN)/activate requirements.lock requirements-dev.lock
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.lock
	touch $@

install: $(VENV)/.installed

demo: install
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo_content

run: demo
	$(MANAGE) ensure_admin
	$(MANAGE) runserver $(HOST):$(PORT)

admin-password: install
	$(MANAGE) ensure_admin --reset

test: install
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	DJANGO_SETTINGS_MODULE=config.settings.test $(BIN)/python manage.py check
	DJANGO_SETTINGS_MODULE=config.settings.test $(BIN)/python manage.py makemigrations --check --dry-run

define DEPS
import sys, tomllib
data = tomllib.load(open("pyproject.toml", "rb"))
deps = data["project"]["dependencies"] if sys.argv[1] == "project" else data["dependency-groups"]["dev"]
print("\n".join(deps))
endef
export DEPS

# Exact versions, no download addresses: resolved in a scratch environment from pyproject.toml.
lock:
	rm -rf /tmp/hrt-lock && $(PYTHON) -m venv /tmp/hrt-lock
	/tmp/hrt-lock/bin/pip install --quiet --upgrade pip
	$(PYTHON) -c "$$DEPS" project > /tmp/hrt-lock/project.txt
	/tmp/hrt-lock/bin/pip install --quiet -r /tmp/hrt-lock/project.txt
	/tmp/hrt-lock/bin/pip freeze > requirements.lock
	$(PYTHON) -c "$$DEPS" dev > /tmp/hrt-lock/dev.txt
	/tmp/hrt-lock/bin/pip install --quiet -r /tmp/hrt-lock/dev.txt
	/tmp/hrt-lock/bin/pip freeze | grep -vxFf requirements.lock \
		| { echo "-r requirements.lock"; cat; } > requirements-dev.lock

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache staticfiles

# The resource library at 10,000 resources, in a scratch database (PostgreSQL when it is
# running on 127.0.0.1:5432, SQLite otherwise). Prints server time and SQL queries.
BENCH_RESOURCES ?= 10000
BENCH_ENV = DJANGO_SETTINGS_MODULE=config.settings.production SECRET_KEY=bench-only-not-secret \
	ALLOWED_HOSTS=localhost,testserver LOG_LEVEL=ERROR

bench-library: install
	@if pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then \
		psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS hrt_bench" -c "CREATE DATABASE hrt_bench"; \
		echo "postgres://postgres@127.0.0.1:5432/hrt_bench" > .bench-db; \
	else rm -f bench.sqlite3; echo "sqlite:///$(CURDIR)/bench.sqlite3" > .bench-db; fi
	$(BENCH_ENV) DATABASE_URL=$$(cat .bench-db) $(MANAGE) collectstatic --noinput -v0
	$(BENCH_ENV) DATABASE_URL=$$(cat .bench-db) $(MANAGE) migrate --noinput -v0
	$(BENCH_ENV) DATABASE_URL=$$(cat .bench-db) $(MANAGE) load_demo_content
	$(BENCH_ENV) DATABASE_URL=$$(cat .bench-db) $(MANAGE) seed_resources $(BENCH_RESOURCES)
	$(BENCH_ENV) DATABASE_URL=$$(cat .bench-db) $(MANAGE) bench_library

bench: bench-library
