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

html: $(STAMP)
	"$(PELICAN)" "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" $(PELICANOPTS)

clean:
	[ ! -d "$(OUTPUTDIR)" ] || rm -rf "$(OUTPUTDIR)"
	[ ! -d "$(DEMODIR)" ] || rm -rf "$(DEMODIR)"

regenerate: $(STAMP)
	"$(PELICAN)" -r "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" $(PELICANOPTS)

serve: $(STAMP)
	"$(PELICAN)" -l "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" $(PELICANOPTS)

serve-global: $(STAMP)
	"$(PELICAN)" -l "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" $(PELICANOPTS) -b $(SERVER)

devserver: $(STAMP)
	"$(PELICAN)" -lr "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" $(PELICANOPTS)

devserver-global: $(STAMP)
	"$(PELICAN)" -lr "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" $(PELICANOPTS) -b 0.0.0.0

publish: $(STAMP)
	"$(PELICAN)" "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(PUBLISHCONF)" $(PELICANOPTS)

rsync_upload: publish
	rsync -e "ssh -p $(SSH_PORT)" -P -rvzc --include tags --cvs-exclude --delete "$(OUTPUTDIR)"/ "$(SSH_USER)@$(SSH_HOST):$(SSH_TARGET_DIR)"

check: $(STAMP)
	$(VENV)/bin/python -m pelican.plugins.portal.check -s "$(CONFFILE)"

test: $(STAMP)
	$(VENV)/bin/python -m pytest

# Sample updates are regenerated from the current content/, so their ids always match it.
demo: $(STAMP)
	$(VENV)/bin/python -m pelican.plugins.portal.samples "$(INPUTDIR)" "$(SAMPLEDIR)"
	"$(PELICAN)" "$(INPUTDIR)" -o "$(DEMODIR)" -s "$(DEMOCONF)" $(PELICANOPTS)

.PHONY: help venv html clean regenerate serve serve-global devserver devserver-global publish rsync_upload check test demo
