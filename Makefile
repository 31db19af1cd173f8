# Targets as pelican-quickstart writes them, plus test, check and bench.
# The first run creates .venv from the pinned requirements.txt.
PY?=python3
VENV?=.venv
PELICAN?=$(VENV)/bin/pelican
PELICANOPTS=

BASEDIR=$(CURDIR)
INPUTDIR=$(BASEDIR)/content
OUTPUTDIR=$(BASEDIR)/output
CONFFILE=$(BASEDIR)/pelicanconf.py
PUBLISHCONF=$(BASEDIR)/publishconf.py
DEMOCONF=$(BASEDIR)/democonf.py
DEMODIR=$(BASEDIR)/output-demo
SAMPLEDIR=$(BASEDIR)/sample

SSH_HOST=localhost
SSH_PORT=22
SSH_USER=root
SSH_TARGET_DIR=/var/www/chuyen-doi-so

DEBUG ?= 0
ifeq ($(DEBUG), 1)
	PELICANOPTS += -D
endif

RELATIVE ?= 0
ifeq ($(RELATIVE), 1)
	PELICANOPTS += --relative-urls
endif

SERVER ?= "0.0.0.0"

PORT ?= 0
ifneq ($(PORT), 0)
	PELICANOPTS += -p $(PORT)
endif

STAMP=$(VENV)/.installed
# lunr.js for search, installed from package-lock.json and copied into the site by the build.
NPM_STAMP=node_modules/.installed
# Browser tests and `make bench` drive Debian's chromium (installed if missing; CI runs as root).
CHROMIUM=/usr/bin/chromium
SUDO=$(shell [ "$$(id -u)" = 0 ] || echo sudo)

help:
	@echo 'Makefile for the Hải Phòng digital transformation portal'
	@echo ''
	@echo 'Usage:'
	@echo '   make html                        (re)generate the web site into output/'
	@echo '   make clean                       remove the generated files'
	@echo '   make regenerate                  regenerate files upon modification'
	@echo '   make publish                     generate using production settings (SITEURL=...)'
	@echo '   make serve [PORT=8000]           serve site at http://localhost:8000'
	@echo '   make serve-global [SERVER=0.0.0.0] serve (as root) to $(SERVER):80'
	@echo '   make devserver [PORT=8000]       serve and regenerate together'
	@echo '   make rsync_upload                upload the web site via rsync+ssh'
	@echo '   make check                       validate content/ only (fast)'
	@echo '   make test                        run the test suite'
	@echo '   make bench                       search speed, and build cost against plain Pelican (BENCHOPTS=--quick)'
	@echo '   make demo                        labelled sample site (sample updates over content/) into output-demo/'
	@echo ''
	@echo 'Set the DEBUG variable to 1 to enable debugging, e.g. make DEBUG=1 html'
	@echo 'Set the RELATIVE variable to 1 to enable relative urls'
	@echo ''

$(STAMP): requirements.txt pyproject.toml
	test -x $(VENV)/bin/python || $(PY) -m venv $(VENV)
	$(VENV)/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(VENV)/bin/python -m pip install --quiet --disable-pip-version-check --no-deps -e . --config-settings editable_mode=compat
	touch $(STAMP)

venv: $(STAMP)

$(NPM_STAMP): package.json package-lock.json
	command -v npm >/dev/null || ($(SUDO) apt-get update && $(SUDO) apt-get install -y npm)
	npm ci --no-audit --no-fund
	touch $(NPM_STAMP)

browser:
	test -x $(CHROMIUM) || ($(SUDO) apt-get update && $(SUDO) apt-get install -y chromium)

html: $(STAMP) $(NPM_STAMP)
	"$(PELICAN)" "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" $(PELICANOPTS)

clean:
	[ ! -d "$(OUTPUTDIR)" ] || rm -rf "$(OUTPUTDIR)"
	[ ! -d "$(DEMODIR)" ] || rm -rf "$(DEMODIR)"

regenerate: $(STAMP) $(NPM_STAMP)
	"$(PELICAN)" -r "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" $(PELICANOPTS)

serve: $(STAMP) $(NPM_STAMP)
	"$(PELICAN)" -l "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" $(PELICANOPTS)

serve-global: $(STAMP) $(NPM_STAMP)
	"$(PELICAN)" -l "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" $(PELICANOPTS) -b $(SERVER)

devserver: $(STAMP) $(NPM_STAMP)
	"$(PELICAN)" -lr "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" $(PELICANOPTS)

devserver-global: $(STAMP) $(NPM_STAMP)
	"$(PELICAN)" -lr "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" $(PELICANOPTS) -b 0.0.0.0

publish: $(STAMP) $(NPM_STAMP)
	"$(PELICAN)" "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(PUBLISHCONF)" $(PELICANOPTS)

rsync_upload: publish
	rsync -e "ssh -p $(SSH_PORT)" -P -rvzc --include tags --cvs-exclude --delete "$(OUTPUTDIR)"/ "$(SSH_USER)@$(SSH_HOST):$(SSH_TARGET_DIR)"

check: $(STAMP)
	$(VENV)/bin/python -m pelican.plugins.portal.cli.check -s "$(CONFFILE)"

test: $(STAMP) $(NPM_STAMP) browser
	$(VENV)/bin/python -m pytest

# Sample updates are regenerated from the current content/, so their ids always match it.
demo: $(STAMP) $(NPM_STAMP)
	$(VENV)/bin/python tools/samples.py "$(INPUTDIR)" "$(SAMPLEDIR)"
	"$(PELICAN)" "$(INPUTDIR)" -o "$(DEMODIR)" -s "$(DEMOCONF)" $(PELICANOPTS)

# Benchmarks: search (content/ and a generated SAMPLE corpus), then build cost against plain Pelican
# (CPU, memory, one-file rebuild, devserver); all under bench-output/. `make bench BENCHOPTS=--quick`
# runs the build bench on a quarter-sized corpus.
BENCHOPTS ?=
bench: $(STAMP) $(NPM_STAMP) browser
	$(VENV)/bin/python bench/search_bench.py
	$(VENV)/bin/python bench/build_bench.py $(BENCHOPTS)

.PHONY: help venv browser bench html clean regenerate serve serve-global devserver devserver-global publish rsync_upload check test demo
