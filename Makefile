# The handbook's commands. The two a newcomer needs: `make serve` and `make test`.
# Layout follows pelican-quickstart; a virtualenv in .venv is made on first use.

PY ?= python3
BASEDIR = $(CURDIR)
INPUTDIR = $(BASEDIR)/content
OUTPUTDIR = $(BASEDIR)/output
CONFFILE = $(BASEDIR)/pelicanconf.py
PUBLISHCONF = $(BASEDIR)/publishconf.py
# A build goes here first and replaces output/ only when it succeeds.
BUILDDIR = $(BASEDIR)/.build-output
OLDDIR = $(BASEDIR)/.old-output
BIND ?= 127.0.0.1
PORT ?= 8000

VENV = $(BASEDIR)/.venv
PELICAN = $(VENV)/bin/pelican
SITE_READY = $(VENV)/.site-requirements
DEV_READY = $(VENV)/.dev-requirements
CHROMIUM_PATH ?= /usr/bin/chromium
export CHROMIUM_PATH

PELICANOPTS ?=

# Install Debian packages when this machine lets us (root, or sudo without a
# password); elsewhere say what is missing and stop.
define apt_install
	if command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(1) >/dev/null; \
	elif command -v apt-get >/dev/null 2>&1 && sudo -n true 2>/dev/null; then \
		sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(1) >/dev/null; \
	else \
		echo "Missing system packages: $(1). Install them with your package manager$(2)."; exit 1; \
	fi
endef

# Build into $(BUILDDIR) with settings $(1), then swap it in for output/.
# Pelican's plain log handler writes each problem as one `path:line: message`
# line, which editors jump to; its default handler wraps them in columns.
define build_and_swap
	"$(VENV)/bin/python" "$(BASEDIR)/scripts/check_site.py" "$(1)" "$(INPUTDIR)"
	rm -rf "$(BUILDDIR)"
	"$(PELICAN)" "$(INPUTDIR)" -o "$(BUILDDIR)" -s "$(1)" --log-handler plain $(PELICANOPTS)
	rm -rf "$(OLDDIR)"
	if [ -d "$(OUTPUTDIR)" ]; then mv "$(OUTPUTDIR)" "$(OLDDIR)"; fi
	mv "$(BUILDDIR)" "$(OUTPUTDIR)"
	rm -rf "$(OLDDIR)"
endef

.PHONY: help html serve devserver publish clean translation translation-checked test test-floors lint format bench audit system-deps browser-deps

help:
	@echo 'make serve      build the site and serve it on http://$(BIND):$(PORT)'
	@echo 'make test       run the whole test suite (installs what it needs)'
	@echo 'make test-floors the plugin tests on Python 3.9 and the oldest versions it accepts'
	@echo 'make html       build the site into output/ (kept as it was if the build fails)'
	@echo 'make devserver  rebuild on every change and serve; problems are reported, not fatal'
	@echo 'make publish    build with publishconf.py into output/'
	@echo 'make translation LANG=es PAGE=slug   start a translation of a page, ids and records in place'
	@echo 'make translation-checked FILE=path  refresh the records of ONE checked translation'
	@echo 'make bench      build-cost benchmark against stock Pelican'
	@echo 'make audit      Lighthouse scores of the staff page'
	@echo 'make lint       ruff check and format check'
	@echo 'make clean      remove output/ and build leftovers'

$(SITE_READY): requirements.txt plugins/pelican-handbook/pyproject.toml
	test -x "$(VENV)/bin/python" || $(PY) -m venv "$(VENV)"
	"$(VENV)/bin/pip" install -q -r requirements.txt
	touch "$@"

$(DEV_READY): $(SITE_READY) requirements-dev.txt
	"$(VENV)/bin/pip" install -q -r requirements-dev.txt
	touch "$@"

# WeasyPrint (the pocket-card PDF) needs Pango.
system-deps:
	@ldconfig -p 2>/dev/null | grep -q libpangoft2-1.0 || { $(call apt_install,libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core, (WeasyPrint needs Pango)); }

# Chromium for the browser tests, Java for the Nu HTML Checker.
browser-deps: system-deps
	@test -x "$(CHROMIUM_PATH)" || { $(call apt_install,chromium fonts-dejavu-core fonts-liberation, or set CHROMIUM_PATH to a Chromium or Chrome binary); }
	@command -v java >/dev/null 2>&1 || { $(call apt_install,default-jre-headless, (the Nu HTML Checker needs Java)); }

html: $(SITE_READY) system-deps
	$(call build_and_swap,$(CONFFILE))

serve: html
	"$(PELICAN)" -l "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" -b $(BIND) -p $(PORT) --log-handler plain

devserver: $(SITE_READY) system-deps
	"$(VENV)/bin/python" "$(BASEDIR)/scripts/check_site.py" "$(CONFFILE)" "$(INPUTDIR)"
	"$(PELICAN)" -r -l "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" -b $(BIND) -p $(PORT) --log-handler plain -e HANDBOOK_FAIL_ON_PROBLEMS=false $(PELICANOPTS)

publish: $(SITE_READY) system-deps
	$(call build_and_swap,$(PUBLISHCONF))

# A translation of page PAGE into language LANG, written beside its source as
# <source>.LANG.md: every heading, checklist and item id and each item's record
# of its source in place, for a translator to put the words in (README, "Your
# language"). Once a translation is checked against its source, refresh the
# records of that one file: `make translation-checked FILE=content/pages/x.es.md`.
# LANG=es reaches the command's environment too, where it names no locale: C instead.
translation: $(SITE_READY)
	LANG=C "$(VENV)/bin/python" -m pelican.plugins.handbook.translations new "$(LANG)" "$(PAGE)" -s "$(CONFFILE)"

translation-checked: $(SITE_READY)
	"$(VENV)/bin/python" -m pelican.plugins.handbook.translations checked "$(FILE)" -s "$(CONFFILE)"

clean:
	rm -rf "$(OUTPUTDIR)" "$(BUILDDIR)" "$(OLDDIR)"

# The suite runs in one process per core and one more (pytest-xdist; the
# browser tests leave a core idle while they wait: tests/conftest.py), each
# test file whole in one of them, so a file's fixture sites are built once;
# PYTESTOPTS="-n 0" runs it in this process alone.
TESTWORKERS ?= auto

# The plugin's own tests on its floors: Python 3.9 and each dependency at the
# lowest version its pyproject.toml accepts (requirements-floors.txt), in a
# second virtualenv, so a site pinned there installs it without an upgrade.
PLUGIN = $(BASEDIR)/plugins/pelican-handbook
FLOORS_VENV = $(BASEDIR)/.venv-floors
FLOORS_READY = $(FLOORS_VENV)/.floors-requirements
FLOORS_TEST = "$(FLOORS_VENV)/bin/python" -m pytest -q -n $(TESTWORKERS) --dist loadfile $(PYTESTOPTS) "$(PLUGIN)/tests"

# Python 3.9 from PATH, else pyenv's (its python3.9 shim fails unless 3.9 is selected).
define find_python39
for candidate in python3.9 "$${PYENV_ROOT:-$$HOME/.pyenv}"/versions/3.9*/bin/python3.9; do \
	if "$$candidate" -c 'import sys; assert sys.version_info[:2] == (3, 9)' 2>/dev/null; then echo "$$candidate"; break; fi; \
done
endef

# Without Python 3.9 the floors fall back to $(PY), where an old pin may have
# no wheel: there they are minimums, and a line says so.
$(FLOORS_READY): $(PLUGIN)/requirements-floors.txt $(PLUGIN)/pyproject.toml
	rm -rf "$(FLOORS_VENV)"
	@python=$$($(find_python39)); \
	if [ -n "$$python" ]; then \
		"$$python" -m venv "$(FLOORS_VENV)" && cp "$(PLUGIN)/requirements-floors.txt" "$(FLOORS_VENV)/requirements.txt"; \
	else \
		echo "No Python 3.9 found: the plugin's floor tests run on $$($(PY) --version) with the floors as minimums."; \
		$(PY) -m venv "$(FLOORS_VENV)" && sed 's/==/>=/' "$(PLUGIN)/requirements-floors.txt" > "$(FLOORS_VENV)/requirements.txt"; \
	fi
	"$(FLOORS_VENV)/bin/pip" install -q -r "$(FLOORS_VENV)/requirements.txt" -e "$(PLUGIN)[print,jinja]"
	touch "$@"

test: $(DEV_READY) $(FLOORS_READY) browser-deps
	"$(VENV)/bin/python" -m pytest -q -n $(TESTWORKERS) --dist loadfile $(PYTESTOPTS)
	$(FLOORS_TEST)

test-floors: $(FLOORS_READY) system-deps
	$(FLOORS_TEST)

lint: $(DEV_READY)
	"$(VENV)/bin/ruff" check .
	"$(VENV)/bin/ruff" format --check .

format: $(DEV_READY)
	"$(VENV)/bin/ruff" check --fix .
	"$(VENV)/bin/ruff" format .

# CPU time and peak memory against stock Pelican on a generated 1000-article blog
# and generated checklist sites of 100 and 1000 pages, and the real site's build
# and warm rebuild (median of 5 runs; takes about 5 minutes). The last line holds
# every figure; it fails if one misses its target (tests/bench/BENCH.md).
bench: $(DEV_READY) system-deps
	"$(VENV)/bin/python" tests/bench/bench.py

# Lighthouse (npm, pinned) goes into .audit/, away from the project; it is not
# part of `make test`. 12.x is the last line that runs on Debian 12's Node 18.
LIGHTHOUSE_VERSION = 12.8.2
AUDITDIR = $(BASEDIR)/.audit
LIGHTHOUSE_READY = $(AUDITDIR)/.lighthouse-$(LIGHTHOUSE_VERSION)

$(LIGHTHOUSE_READY):
	@command -v npm >/dev/null 2>&1 || { $(call apt_install,nodejs npm, (Lighthouse runs on Node)); }
	npm install --prefix "$(AUDITDIR)" --no-audit --no-fund --loglevel=error lighthouse@$(LIGHTHOUSE_VERSION)
	printf '*\n' > "$(AUDITDIR)/.gitignore"
	touch "$@"

# Scores of the staff page in mobile mode; fails if any is below 95.
audit: html browser-deps $(LIGHTHOUSE_READY)
	CHROME_PATH="$(CHROMIUM_PATH)" "$(VENV)/bin/python" tests/bench/audit.py "$(OUTPUTDIR)" "$(AUDITDIR)/node_modules/.bin/lighthouse"
