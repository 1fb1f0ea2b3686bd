# Developer entry points; CI runs `make test` through .ci/run.
#   make venv    create .venv and install the project with its test extras
#   make run     start the app (ARGS="..." are passed on)
#   make test    pytest (offscreen Qt, one process per core), then the import-linter contracts
#   make test-postgres  every test that opens the `db` fixture again, on PostgreSQL (CI runs both)
#   make lint    ruff and the import-linter contracts
#   make bench   run every benchmarks/bench_*.py
#   make translations  extract strings into the .ts catalogue and compile the .qm
#   make clean   remove caches and build output (distclean also removes .venv)

SHELL := /bin/sh
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
ARGS ?=
PYTEST_ARGS ?=
# test processes (pytest-xdist): one per core; files stay whole so module fixtures are built once
PYTEST_JOBS ?= auto

# First of these that is Python 3.11 or newer; evaluated only when the venv is built.
PYTHON ?= $(shell for p in python3 python3.13 python3.12 python3.11; do \
	"$$p" -c 'import sys; sys.exit(sys.version_info < (3, 11))' >/dev/null 2>&1 \
	&& { command -v "$$p"; break; }; done)

.PHONY: venv run test test-postgres lint bench translations clean distclean

venv: $(STAMP)

# Reinstalls only when pyproject.toml changes.
$(STAMP): pyproject.toml
	@if [ -z "$(PYTHON)" ]; then echo "make: no Python 3.11+ found (set PYTHON=...)" >&2; exit 1; fi
	test -x $(BIN)/python || "$(PYTHON)" -m venv $(VENV)
	$(BIN)/python -m pip install --upgrade pip
	$(BIN)/pip install -e '.[test]'
	touch $@

run: venv
	@scripts/check-system-packages
	$(BIN)/commandcenter $(ARGS)

test: venv
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -n $(PYTEST_JOBS) --dist loadfile $(PYTEST_ARGS)
	$(BIN)/lint-imports

# The same tests on PostgreSQL: the `db` fixture copies a migrated database on a private cluster
# (tests/pg_cluster.py) per test; tests that never open `db` ran already and are left out.
test-postgres: venv
	COMMANDCENTER_TEST_ENGINE=postgresql QT_QPA_PLATFORM=offscreen \
		$(BIN)/python -m pytest -n $(PYTEST_JOBS) --dist loadfile $(PYTEST_ARGS)

lint: venv
	$(BIN)/ruff check .
	$(BIN)/lint-imports

# Runs every script even after a failure (each appends its measures to
# benchmarks/.results.partial.jsonl), then prints the one table, writes benchmarks/results.json,
# and fails if any goal was missed, any script failed, or the whole run took over 20 minutes.
bench: venv
	@rm -f benchmarks/.results.partial.jsonl; failed=""; found=0; started=$$(date +%s); \
	for script in benchmarks/bench_*.py; do \
		[ -e "$$script" ] || continue; \
		found=1; \
		echo "=== $$script ==="; \
		QT_QPA_PLATFORM=offscreen $(BIN)/python "$$script" || failed="$$failed $$script"; \
	done; \
	if [ "$$found" = 0 ]; then echo "make bench: no benchmarks/bench_*.py found" >&2; exit 1; fi; \
	$(BIN)/python benchmarks/report.py --started $$started --failed $$failed

# The .ts is the one source of translations: update extracts new strings (unfinished) and compiles
# the .qm, then lists what is left to translate (Qt Linguist: .venv/bin/pyside6-linguist, or
# `scripts/translations.py set FILE.tsv`; see CONTRIBUTING.md).
translations: venv
	$(BIN)/python scripts/translations.py update

clean:
	rm -rf build dist *.egg-info .pytest_cache .ruff_cache
	find . -path ./$(VENV) -prune -o -name __pycache__ -type d -exec rm -rf {} +

distclean: clean
	rm -rf $(VENV)
