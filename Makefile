# One command per task. Every target sets up its own virtualenv from the pinned
# requirements first, so a fresh clone needs nothing but Python 3.11 and make.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-$(shell cat requirements.txt requirements-dev.txt | cksum | cut -d' ' -f1)

.PHONY: setup check site factsheets serve test test-unit lint clean import-article import-articles new translations audit bench freshness requirements

# Every package is pinned with its hashes (requirements-dev.txt holds the runtime's and the tests'):
# pip refuses a file whose hash differs from the one recorded, whoever serves it.
$(STAMP): requirements.txt requirements-dev.txt
	rm -f $(VENV)/.installed-*
	$(PYTHON) -m venv $(VENV)
	awk '/^pip==/{p=1} p&&/^ +#/{exit} p' requirements-dev.txt > $(VENV)/pip.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r $(VENV)/pip.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements-dev.txt
	touch $(STAMP)

setup: $(STAMP)

## check: validate content/ only (fast; for editors and a pre-commit hook)
check: $(STAMP)
	@$(PY) -m scripts check

## site: validate, generate docs/ and build site/ for every language
site: $(STAMP)
	@$(PY) -m scripts build

## serve: the site at its published addresses on http://127.0.0.1:8000/, rebuilt on every edit
## (make serve LANG=be opens on Belarusian; LANG counts only when given on the command line)
serve: $(STAMP)
	@$(PY) -m scripts serve $(if $(filter command line,$(origin LANG)),--lang $(LANG))

## new: start a content file from its template, every field explained: make new KIND=person ID=aliaksandr-zaitsau
## (KIND: person, company, crossing, series, prisoner, article, page, action; LANG=be for an article or page in another language)
new: $(STAMP)
	@$(PY) -m scripts new $(KIND) $(ID) $(if $(filter command line,$(origin LANG)),--lang $(LANG))

## freshness: the facts whose latest record is older than their file allows
freshness: $(STAMP)
	@$(PY) -m scripts freshness

## import-article: make import-article ARGS="https://… | page.html | page.txt [--lang en] [--slug …] [--source-url …] [--date …] [--publisher …] [--force]"
import-article: $(STAMP)
	@$(PY) -m scripts import-article $(ARGS)

## import-articles: make import-articles ARGS="sitemap.xml | https://…/sitemap.xml | addresses.txt | folder/ [--lang …] [--force]"
import-articles: $(STAMP)
	@$(PY) -m scripts import-articles $(ARGS)

## translations: what is missing or out of date per language (STRICT=1 fails on any; STAMP=be marks be done)
translations: $(STAMP)
	@$(PY) -m scripts translations $(if $(STRICT),--strict) $(if $(STAMP_LANG),--stamp $(STAMP_LANG))

## lint: ruff, mypy and vulture (dead code)
lint: $(STAMP)
	$(PY) -m ruff check scripts tests
	$(PY) -m mypy
	$(PY) -m vulture

## requirements: compile requirements.in and requirements-dev.in into the pinned files, with hashes
## (pip-tools, in a virtualenv of its own; existing pins are kept unless UPGRADE=1)
requirements:
	$(PYTHON) -m venv .build/pip-tools
	.build/pip-tools/bin/pip install --quiet pip-tools==7.7.0
	for name in requirements requirements-dev; do \
	  .build/pip-tools/bin/pip-compile --quiet --generate-hashes --allow-unsafe --no-strip-extras --no-emit-index-url \
	    --no-emit-find-links $(if $(UPGRADE),--upgrade) -o $$name.txt $$name.in || exit 1; done

## browser: Debian's Chromium and fonts for the browser tests (Playwright drives it; nothing is downloaded).
## Another Chromium-based browser can be named with CHROMIUM=/path/to/it.
CHROMIUM ?= /usr/bin/chromium
export CHROMIUM
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
$(CHROMIUM):
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get update -qq
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core

## node_modules: axe-core, the Nu HTML Checker and Lighthouse, pinned in package-lock.json
NODE_STAMP := node_modules/.installed-$(shell cat package.json package-lock.json | cksum | cut -d' ' -f1)
$(NODE_STAMP): package.json package-lock.json
	rm -f node_modules/.installed-*
	npm ci --no-audit --no-fund --silent
	touch $(NODE_STAMP)

## test: lint, then the whole test suite (a strict build of the real site, browser tests included)
test: lint $(CHROMIUM) $(NODE_STAMP)
	$(PY) -m pytest

## test-unit: the unit layer only (nothing builds a site or starts a browser; about 20 s on 2 cores)
test-unit: $(STAMP)
	$(PY) -m pytest -m "not site and not browser"

## factsheets: `make site`, and every fact page printed to A4 as factsheet.pdf beside it, which the page
## links (Chromium prints them, as a reader's "Save as PDF" would; unchanged pages are not printed again)
factsheets: $(STAMP) $(CHROMIUM)
	@$(PY) -m scripts build --factsheets

## bench: build speed and page weight vs. naive MkDocs and Hugo (Debian's hugo); writes BENCHMARKS.md
HUGO := /usr/bin/hugo
$(HUGO):
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hugo

bench: $(STAMP) $(CHROMIUM) $(HUGO)
	$(PY) -m scripts.dev.bench

## audit: Lighthouse scores of the built site (run `make site` first)
audit: $(STAMP) $(CHROMIUM) $(NODE_STAMP)
	$(PY) -m scripts.dev.audit $(LANGS)

clean:
	rm -rf site .build .pytest_cache .mypy_cache .ruff_cache
	find docs -mindepth 1 -maxdepth 1 -type d -exec rm -rf {} +  # the generated languages; docs/README.md stays
