# Set-up and everyday tasks. Each target creates .venv from pyproject.toml when needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: run test lint typecheck pytest office bench bench-db wheel clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)  ## open the app on the embedded default database
	$(BIN)/catalogue

test: lint typecheck pytest  ## the whole suite: lint, type check, tests

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP) office
	$(BIN)/pytest -n 2 -q

# LibreOffice lays out the Word documents in tests/test_exports_libreoffice.py and
# tests/test_documents_render.py, as users' word processors do, and poppler's pdftotext reads
# the pages back. Installed from Debian's packages when missing and make runs as root with
# apt-get; otherwise the tests that need them are skipped and say why.
OFFICE_PACKAGES := libreoffice-writer-nogui poppler-utils
office:
	@if { command -v soffice || command -v libreoffice; } >/dev/null 2>&1 \
	    && command -v pdftotext >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" != 0 ]; then \
	  echo "LibreOffice or pdftotext is missing and make is not running as root: the document rendering tests will be skipped (install $(OFFICE_PACKAGES))"; \
	elif ! command -v apt-get >/dev/null 2>&1; then \
	  echo "LibreOffice or pdftotext is missing and there is no apt-get here: the document rendering tests will be skipped"; \
	else \
	  echo "Installing $(OFFICE_PACKAGES) for the document rendering tests ..."; \
	  (apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
	    -o DPkg::Lock::Timeout=600 --no-install-recommends $(OFFICE_PACKAGES)) >/dev/null \
	  || echo "Could not install $(OFFICE_PACKAGES): the document rendering tests will be skipped"; \
	fi

bench: $(STAMP)  ## speed benchmarks, every group (see docs/performance.md); GROUPS="lookup tui" for some
	$(BIN)/python benchmarks/run.py $(GROUPS) --json benchmarks/out/results.json

bench-db: $(STAMP)  ## (re)generate the large and small benchmark databases in benchmarks/out/
	$(BIN)/python benchmarks/generate.py
	$(BIN)/python benchmarks/generate.py --small

wheel: $(STAMP)
	$(BIN)/python -m pip wheel --no-deps -w dist .

clean:
	rm -rf $(VENV) dist build .pytest_cache .mypy_cache .ruff_cache
