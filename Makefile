# Developer commands. Each target creates .venv when it is missing and installs what it needs.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# Re-install when the project metadata changes.
STAMP_RUN  := $(VENV)/.installed-run
STAMP_TEST := $(VENV)/.installed-test
STAMP_BENCH := $(VENV)/.installed-bench
STAMP_FUZZ := $(VENV)/.installed-fuzz
STAMP_DOCS := $(VENV)/.installed-docs

.PHONY: demo test lint typecheck pytest bench fuzz schema translations docs docs-check clean

$(VENV)/bin/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 10) else "ogpmodel needs Python 3.10 or newer; set PYTHON=python3.x")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP_RUN): pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet -e .
	@touch $@

$(STAMP_TEST): pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $@ $(STAMP_RUN)

$(STAMP_BENCH): pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	@touch $@ $(STAMP_RUN)

## demo: load the bundled Maipú example plan, validate it and print a summary
demo: $(STAMP_RUN)
	$(BIN)/python -m ogpmodel summary examples/maipu-2023-2024.json

## test: lint (ruff format + check), type checks (mypy --strict) and the whole test suite
test: lint typecheck pytest

lint: $(STAMP_TEST)
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .

typecheck: $(STAMP_TEST)
	$(BIN)/mypy

pytest: $(STAMP_TEST)
	HYPOTHESIS_PROFILE=ci $(BIN)/python -m pytest

## bench: speed and memory benchmarks (never part of `make test`)
bench: $(STAMP_BENCH)
	$(BIN)/python -m benchmarks

$(STAMP_FUZZ): $(STAMP_RUN)
	$(BIN)/python -m pip install --quiet atheris
	@touch $@

# fuzz: FUZZ_RUNS executions of FUZZ_TARGET (all, loads, validate-bytes, validate-text, from-dict);
# with FUZZ_FINDINGS=DIR every distinct escape is recorded there and the run goes on.
FUZZ_RUNS    ?= 1000000
FUZZ_TARGET  ?= all
FUZZ_MAX_LEN ?= 16384
FUZZ_FINDINGS ?=

## fuzz: coverage-guided fuzzing of the readers and validate with atheris (never part of `make test`)
fuzz: $(STAMP_FUZZ)
	@mkdir -p fuzz/corpus fuzz/artifacts
	OGPMODEL_FUZZ_FINDINGS=$(FUZZ_FINDINGS) $(BIN)/python fuzz/fuzz_ogpmodel.py \
		--target=$(FUZZ_TARGET) -atheris_runs=$(FUZZ_RUNS) -max_len=$(FUZZ_MAX_LEN) \
		-timeout=120 -print_final_stats=1 -artifact_prefix=fuzz/artifacts/ fuzz/corpus

## schema: regenerate the committed JSON Schemas and generated docs from the model
schema: $(STAMP_RUN)
	$(BIN)/python -m tasks.generate

## translations: regenerate the catalogue template, update every .po file and compile them
translations: $(STAMP_TEST)
	$(BIN)/python -m tasks.translations

$(STAMP_DOCS): pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet -e '.[docs]'
	@touch $@ $(STAMP_RUN)

## docs: build the documentation site into site/ (MkDocs, Material, strict)
docs: $(STAMP_DOCS)
	NO_MKDOCS_2_WARNING=1 $(BIN)/python -m mkdocs build --strict

## docs-check: build the site, then open every page in headless Chromium (Debian's chromium)
docs-check: docs
	@command -v chromium >/dev/null || { echo "docs-check needs Chromium: apt-get install -y chromium" >&2; exit 2; }
	$(BIN)/python -m tasks.docs_check --site site

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache .hypothesis dist build site
