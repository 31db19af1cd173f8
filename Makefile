# Targets as pelican-quickstart writes them, plus test, check, bench, demo and rollback.
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
# Releases on the server: $(SSH_TARGET_DIR)/releases/<time>/, the live one at $(SSH_TARGET_DIR)/current
# (see docs/xuat-ban.md). A test points these at a local folder: RSYNC_TARGET=/tmp/srv REMOTE_SHELL="sh -c".
RSYNC_TARGET?=$(SSH_USER)@$(SSH_HOST):$(SSH_TARGET_DIR)
RSYNC_RSH?=ssh -p $(SSH_PORT)
REMOTE_SHELL?=ssh -p $(SSH_PORT) $(SSH_USER)@$(SSH_HOST)
RELEASES_KEEP?=5
# Atomic build (staging folder, checks, .gz, symlink switch) and the preview's autoreload.
BUILD=$(VENV)/bin/python -m tools.build
DEVSERVER=$(VENV)/bin/python -m tools.devserver
UPLOAD=$(VENV)/bin/python -m tools.upload --target "$(RSYNC_TARGET)" --remote-shell "$(REMOTE_SHELL)" --rsync-rsh "$(RSYNC_RSH)" --keep $(RELEASES_KEEP)

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
# axe-core for the accessibility tests, installed from package-lock.json (the site ships no npm code).
NPM_STAMP=node_modules/.installed
# Browser tests and `make bench` drive Debian's chromium (installed if missing; CI runs as root).
CHROMIUM=/usr/bin/chromium
# The nginx test serves a build with deploy/nginx.conf; the upload test runs rsync locally.
NGINX=/usr/sbin/nginx
# The report-form round-trip test re-saves a form through Debian's LibreOffice (installed if missing).
LIBREOFFICE=/usr/bin/libreoffice
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
	@echo '   make rsync_upload                upload a new release via rsync+ssh, then switch to it'
	@echo '   make rollback [ROLLBACK_TO=...]  switch the server back to the release before (or a named one)'
	@echo '   make check                       validate content/ only (fast)'
	@echo '   make test                        run the test suite'
	@echo '   make bench                       search speed, and build cost against plain Pelican (BENCHOPTS=--quick)'
	@echo '   make bench-publish               time of the atomic build against building in place'
	@echo '   make nhap-bao-cao FILE=x.xlsx    import a filled report form (or a unit CSV) into content/cap-nhat/'
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

webserver:
	test -x $(NGINX) && command -v rsync >/dev/null || ($(SUDO) apt-get update && $(SUDO) apt-get install -y nginx rsync)

libreoffice:
	test -x $(LIBREOFFICE) || ($(SUDO) apt-get update && $(SUDO) apt-get install -y --no-install-recommends libreoffice-calc-nogui)

html: $(STAMP)
	$(BUILD) "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" $(PELICANOPTS)

clean:
	rm -rf "$(OUTPUTDIR)" "$(OUTPUTDIR)".releases "$(OUTPUTDIR)".staging-* "$(OUTPUTDIR)".tmp-* "$(OUTPUTDIR)".lock
	rm -rf "$(DEMODIR)" "$(DEMODIR)".releases "$(DEMODIR)".staging-* "$(DEMODIR)".tmp-* "$(DEMODIR)".lock

regenerate: $(STAMP)
	$(DEVSERVER) -r "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" $(PELICANOPTS)

serve: $(STAMP)
	"$(PELICAN)" -l "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" $(PELICANOPTS)

serve-global: $(STAMP)
	"$(PELICAN)" -l "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" $(PELICANOPTS) -b $(SERVER)

devserver: $(STAMP)
	$(DEVSERVER) -lr "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" $(PELICANOPTS)

devserver-global: $(STAMP)
	$(DEVSERVER) -lr "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" $(PELICANOPTS) -b 0.0.0.0

publish: $(STAMP)
	$(BUILD) --publish "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(PUBLISHCONF)" $(PELICANOPTS)

rsync_upload: publish
	$(UPLOAD) "$(OUTPUTDIR)"

# The release before the current one, or ROLLBACK_TO=<release name> (see `ls releases/` on the server).
rollback: $(STAMP)
	$(UPLOAD) --rollback $(if $(ROLLBACK_TO),--to "$(ROLLBACK_TO)")

check: $(STAMP)
	$(VENV)/bin/python -m pelican.plugins.portal.cli.check -s "$(CONFFILE)"

test: $(STAMP) $(NPM_STAMP) browser webserver libreoffice
	$(VENV)/bin/python -m pytest

# A filled report form (.xlsx) or a unit's open-data CSV becomes one checked update file in content/cap-nhat/.
# Optional: DON_VI=<unit id>, NGAY=dd/mm/yyyy (for a CSV, or to override the form's date).
nhap-bao-cao: $(STAMP)
	@test -n "$(FILE)" || (echo 'Thiếu tệp: make nhap-bao-cao FILE=duong-dan/bao-cao.xlsx' >&2; exit 2)
	$(VENV)/bin/python -m pelican.plugins.portal.cli.import_report -s "$(CONFFILE)" "$(FILE)" \
		$(if $(DON_VI),--don-vi "$(DON_VI)") $(if $(NGAY),--ngay "$(NGAY)")

# Sample updates are regenerated from the current content/, so their ids always match it.
demo: $(STAMP)
	$(VENV)/bin/python tools/samples.py "$(INPUTDIR)" "$(SAMPLEDIR)"
	$(BUILD) "$(INPUTDIR)" -o "$(DEMODIR)" -s "$(DEMOCONF)" $(PELICANOPTS)

# Benchmarks: search (content/ and a generated SAMPLE corpus), then build cost against plain Pelican
# (CPU, memory, one-file rebuild, devserver); all under bench-output/. `make bench BENCHOPTS=--quick`
# runs the build bench on a quarter-sized corpus.
BENCHOPTS ?=
bench: $(STAMP) $(NPM_STAMP) browser
	$(VENV)/bin/python bench/search_bench.py
	$(VENV)/bin/python bench/build_bench.py $(BENCHOPTS)

# What the atomic build (staging, checks, .gz, switch) costs over building in place, on content/.
bench-publish: $(STAMP)
	$(VENV)/bin/python bench/publish_bench.py

.PHONY: help venv browser webserver libreoffice nhap-bao-cao bench bench-publish html clean regenerate serve serve-global devserver devserver-global publish rsync_upload rollback check test demo
