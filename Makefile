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

# The project's own files are compiled once and kept (in __pycache__, ignored by git) even where
# the machine's environment asks Python not to write .pyc files: every process a run starts
# (each test process, the live site's workers, the commands the tests run) then reads them
# rather than compiling again; the tests' assertions, rewritten by pytest, are kept the same
# way. A test process starts in 2.6 s instead of 4.7.
unexport PYTHONDONTWRITEBYTECODE

.PHONY: help install run test lint check lock demo admin-password clean bench bench-library audit audit-deps \
	serve bench-site faults backup restore editing-screenshots

help:
	@echo "make run     run the site with demo content on http://$(HOST):$(PORT)"
	@echo "make test    run the whole test suite (SQLite, or DATABASE_URL if set)"
	@echo "make lint    ruff, Django's checks and the migrations check"
	@echo "make audit   Lighthouse and the Nu Html Checker on every public page type"
	@echo "make lock    re-pin requirements*.lock from pyproject.toml"
	@echo "make messages  update and compile the interface's translations (locale/)"

$(BIN)/activate:
	@test -n "$(PYTHON)" || { echo "Python 3.12 or newer is needed (python3.12 or python3.13)."; exit 1; }
	$(PYTHON) -m venv $(VENV)

# uv installs the locked versions in about 12 s where pip took 36 (docs/decisions.md); the .pyc
# files are written at install, as pip does, since this machine's Python may not write them.
$(VENV)/.installed: $(BIN)/activate requirements.lock requirements-dev.lock
	$(BIN)/python -m pip install --quiet "$$(grep '^uv==' requirements-dev.lock)"
	$(BIN)/uv pip install --quiet --python $(BIN)/python --compile-bytecode -r requirements-dev.lock
	touch $@

install: $(VENV)/.installed

demo: install
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo_content

run: demo
	$(MANAGE) ensure_admin --address $(HOST):$(PORT)
	$(MANAGE) runserver $(HOST):$(PORT)

admin-password: install
	$(MANAGE) ensure_admin --reset

# The interface's Spanish catalogue (locale/es/LC_MESSAGES/django.po): new strings added, then
# compiled. Translate every new entry before committing: tests/home/test_languages.py fails on
# an empty one. A third language: LANGUAGES in config/settings/base.py, then LANGS="es fr".
LANGS ?= es
MESSAGE_SOURCES_IGNORED = --ignore=.venv --ignore=node_modules --ignore=tests --ignore=tools \
	--ignore=static --ignore=artifacts --ignore=docs
.PHONY: messages
messages: install browser-deps
	$(MANAGE) makemessages $(foreach lang,$(LANGS),-l $(lang)) --no-obsolete --add-location=file $(MESSAGE_SOURCES_IGNORED)
	$(MANAGE) compilemessages $(foreach lang,$(LANGS),-l $(lang)) --ignore=.venv

# The browser tests (tests/browser/) drive Debian's headless Chromium and inject the pinned
# axe-core (the windowed Chromium draws the demo's pictures, `make demo-images`);
# one puts Debian's nginx in front of the live site, configured as docs/deploy.md says. GNU
# gettext is for the translations' test and `make messages`.
.PHONY: browser-deps
browser-deps:
	@test -x /usr/bin/chromium-headless-shell -a -x /usr/bin/chromium -a -x /usr/sbin/nginx -a -x /usr/bin/xgettext \
		|| { apt-get update -qq && apt-get install -y -qq chromium chromium-headless-shell nginx-light gettext; }
	@test -f node_modules/axe-core/axe.min.js || npm ci --no-audit --no-fund

# The demo's pictures drawn again from their SVG sources (home/demo_data/images/).
.PHONY: demo-images
demo-images: install browser-deps
	$(BIN)/python -m tools.render_demo_images

# One test process per core (pytest-xdist); every browser test runs in the same one, so the
# live site is built once. TEST_WORKERS=0 runs everything in this process.
TEST_WORKERS ?= auto

# The editors' guide's screenshots (docs/editing/), taken by its browser test.
editing-screenshots: install browser-deps
	EDITING_SCREENSHOTS_DIR=docs/editing $(BIN)/python -m pytest -q tests/browser/test_editors_guide.py

test: install browser-deps
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadgroup $(PYTEST_ARGS)

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
	rm -rf $(VENV) .pytest_cache .ruff_cache .cache staticfiles

# The resource library at 10,000 resources, in a scratch database (PostgreSQL when it is
# running on 127.0.0.1:5432, SQLite otherwise). Prints server time and SQL queries.
BENCH_RESOURCES ?= 10000
# The page cache is off: bench-library times rendering (bench-site sets it per server itself).
BENCH_ENV = DJANGO_SETTINGS_MODULE=config.settings.production SECRET_KEY=bench-only-not-secret \
	ALLOWED_HOSTS=localhost,testserver LOG_LEVEL=ERROR PAGE_CACHE_SECONDS=0

bench-library: install
	@if pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then \
		psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS hrt_bench" -c "CREATE DATABASE hrt_bench"; \
		echo "postgres://postgres@127.0.0.1:5432/hrt_bench" > .bench-db; \
	else rm -f bench.sqlite3; echo "sqlite:///$(CURDIR)/bench.sqlite3" > .bench-db; fi
	$(BENCH_ENV) DATABASE_URL=$$(cat .bench-db) $(MANAGE) collectstatic --noinput -v0
	$(BENCH_ENV) DATABASE_URL=$$(cat .bench-db) $(MANAGE) migrate --noinput -v0
	$(BENCH_ENV) DATABASE_URL=$$(cat .bench-db) $(MANAGE) load_demo_content
	$(BENCH_ENV) DATABASE_URL=$$(cat .bench-db) $(BIN)/python -m tools.seed_resources $(BENCH_RESOURCES)
	$(BENCH_ENV) DATABASE_URL=$$(cat .bench-db) $(BIN)/python -m tools.bench_library

# Both benchmarks, one after the other (they share the scratch database).
bench:
	$(MAKE) bench-library
	$(MAKE) bench-site

# Independent audits (issue 10): Lighthouse (mobile) and the Nu Html Checker on one page of every
# public page type, served by gunicorn under production settings. Reports go to artifacts/lighthouse/.
audit-deps:
	@command -v $${CHROME_PATH:-chromium} >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq chromium; }
	@command -v java >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq default-jre-headless; }
	@test -d node_modules/lighthouse -a -f node_modules/vnu-jar/build/dist/vnu.jar || npm ci --no-audit --no-fund

audit: install audit-deps
	$(BIN)/python -m tests.audit.run_audit $(AUDIT_ARGS)

# Production serving, load benchmark, fault drills and back-ups (issue 8; docs/deploy.md,
# docs/scaling.md, docs/backups.md).
SERVE_ENV = DJANGO_SETTINGS_MODULE=config.settings.production \
	SECRET_KEY=$${SECRET_KEY:-local-serve-only-not-secret-$$(hostname)} \
	ALLOWED_HOSTS=$${ALLOWED_HOSTS:-127.0.0.1,localhost} \
	SECURE_SSL_REDIRECT=false SECURE_HSTS_SECONDS=0 SERVE_MEDIA=$${SERVE_MEDIA:-true}

# The production settings on http://$(HOST):$(PORT): gunicorn, WhiteNoise, the page cache.
serve: demo
	$(SERVE_ENV) $(MANAGE) collectstatic --noinput -v0
	$(SERVE_ENV) $(MANAGE) migrate --noinput -v0
	$(SERVE_ENV) $(BIN)/gunicorn -c config/gunicorn.py --bind $(HOST):$(PORT) config.wsgi

# wrk against gunicorn on loopback, reusing the scratch database of bench-library when present.
BENCH_SECONDS ?= 5
BENCH_CONNECTIONS ?= 50
BENCH_SOAK_SECONDS ?= 30
BENCH_ROUNDS ?= 3
bench-site: install
	@command -v wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq wrk; }
	@test -f .bench-db || if pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then \
		psql -q -h 127.0.0.1 -U postgres -c "CREATE DATABASE hrt_bench" 2>/dev/null; \
		echo "postgres://postgres@127.0.0.1:5432/hrt_bench" > .bench-db; \
	else echo "sqlite:///$(CURDIR)/bench.sqlite3" > .bench-db; fi
	$(BENCH_ENV) DATABASE_URL=$$(cat .bench-db) $(MANAGE) collectstatic --noinput -v0
	$(BENCH_ENV) DATABASE_URL=$$(cat .bench-db) $(MANAGE) migrate --noinput -v0
	$(BENCH_ENV) DATABASE_URL=$$(cat .bench-db) $(BIN)/python -m tools.bench_site \
		--resources $(BENCH_RESOURCES) --seconds $(BENCH_SECONDS) --connections $(BENCH_CONNECTIONS) \
		--soak-seconds $(BENCH_SOAK_SECONDS) --rounds $(BENCH_ROUNDS)

# Fault drills on a PostgreSQL cluster of their own (port 5433, created when missing) and a
# throwaway Redis: restart PostgreSQL under load, stop Redis; then the form-safety tests.
FAULTS_PG_PORT ?= 5433
FAULTS_DB = postgres://postgres@127.0.0.1:$(FAULTS_PG_PORT)/hrt_faults
FAULTS_ENV = DJANGO_SETTINGS_MODULE=config.settings.production SECRET_KEY=faults-only-not-secret \
	ALLOWED_HOSTS=127.0.0.1,localhost LOG_LEVEL=ERROR DATABASE_URL=$(FAULTS_DB)
faults: install
	@command -v redis-server >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq redis-server; }
	@pg_lsclusters -h | awk '$$2 == "faults"' | grep -q . || pg_createcluster 15 faults --port $(FAULTS_PG_PORT) -- --auth=trust
	@pg_ctlcluster --skip-systemctl-redirect 15 faults start 2>/dev/null || true
	@until pg_isready -q -h 127.0.0.1 -p $(FAULTS_PG_PORT); do sleep 0.5; done
	@psql -q -h 127.0.0.1 -p $(FAULTS_PG_PORT) -U postgres -c "DROP DATABASE IF EXISTS hrt_faults" -c "CREATE DATABASE hrt_faults"
	$(FAULTS_ENV) $(MANAGE) collectstatic --noinput -v0
	$(FAULTS_ENV) $(MANAGE) migrate --noinput -v0
	$(FAULTS_ENV) $(MANAGE) load_demo_content > /dev/null
	$(FAULTS_ENV) $(BIN)/python -m tools.fault_drills \
		--restart-command "pg_ctlcluster --skip-systemctl-redirect 15 faults restart"
	$(BIN)/python -m pytest -q tests/production/test_faults.py

# More than one server (docs/scaling.md, "The cluster drill"): nginx in front of two gunicorn
# app servers, a Redis and an S3-compatible store (moto) of the drill's own, and a database of
# its own on the machine's PostgreSQL, drilled together through the balancer.
CLUSTER_PG ?= postgres://postgres@127.0.0.1:5432
CLUSTER_S3_PORT ?= 5090
CLUSTER_REDIS_PORT ?= 6392
CLUSTER_ENV = DJANGO_SETTINGS_MODULE=config.settings.production \
	SECRET_KEY=cluster-drill-only-not-secret-0123456789-abcdefghijklmnop \
	ALLOWED_HOSTS=127.0.0.1,localhost SECURE_SSL_REDIRECT=false SECURE_HSTS_SECONDS=0 \
	SECURE_COOKIES=false LOG_LEVEL=ERROR TRUSTED_PROXIES=127.0.0.1 \
	DATABASE_URL=$(CLUSTER_PG)/hrt_cluster REDIS_URL=redis://127.0.0.1:$(CLUSTER_REDIS_PORT)/0 \
	AWS_STORAGE_BUCKET_NAME=hrt-media PRIVATE_AWS_STORAGE_BUCKET_NAME=hrt-private \
	AWS_S3_ENDPOINT_URL=http://127.0.0.1:$(CLUSTER_S3_PORT) AWS_S3_REGION_NAME=us-east-1 \
	AWS_ACCESS_KEY_ID=cluster-drill AWS_SECRET_ACCESS_KEY=cluster-drill \
	STATIC_ROOT=$(CURDIR)/.cluster/static MEDIA_ROOT=$(CURDIR)/.cluster/media
.PHONY: cluster cluster-deps
cluster-deps: browser-deps
	@command -v redis-server >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq redis-server; }

cluster: install cluster-deps
	@psql -q "$(CLUSTER_PG)/postgres" -c "DROP DATABASE IF EXISTS hrt_cluster" -c "CREATE DATABASE hrt_cluster"
	$(CLUSTER_ENV) $(BIN)/python -m tools.cluster_drill --s3-port $(CLUSTER_S3_PORT) \
		--redis-port $(CLUSTER_REDIS_PORT) $(CLUSTER_ARGS)

# Back-ups of the database, media and private media into one archive (docs/backups.md).
BACKUP_DIR ?= backups
backup: install
	$(MANAGE) backup --output-dir $(BACKUP_DIR)

restore: install
	@test -n "$(BACKUP)" || { echo "Name the archive: make restore BACKUP=backups/<file>.tar.gz"; exit 1; }
	$(MANAGE) restore $(BACKUP) $(RESTORE_ARGS)
