# Set-up and everyday tasks. Each target creates .venv from pyproject.toml when needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: run test lint typecheck pytest bench bench-db wheel clean

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

pytest: $(STAMP)
	$(BIN)/pytest -n 2 -q

bench: $(STAMP)  ## speed benchmarks, every group (see docs/performance.md); GROUPS="lookup tui" for some
	$(BIN)/python benchmarks/run.py $(GROUPS) --json benchmarks/out/results.json

bench-db: $(STAMP)  ## (re)generate the large and small benchmark databases in benchmarks/out/
	$(BIN)/python benchmarks/generate.py
	$(BIN)/python benchmarks/generate.py --small

wheel: $(STAMP)
	$(BIN)/python -m pip wheel --no-deps -w dist .

clean:
	rm -rf $(VENV) dist build .pytest_cache .mypy_cache .ruff_cache
