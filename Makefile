# Every target creates .venv itself when it is missing; `make rank` and `make test` are all a newcomer needs.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: rank test lint golden samples eval bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	# setuptools' advice on editable installs (a UserWarning, printed on every first install) is for
	# packagers, not for someone running `make rank`; errors still show.
	PYTHONWARNINGS=ignore::UserWarning $(BIN)/python -m pip install --quiet -e '.[dev,eval]'
	touch $(STAMP)

rank: $(STAMP)  ## rank the bundled sample résumés against the bundled posting
	$(BIN)/jobmatch rank resumes --posting requirements/AVON147.txt

test: $(STAMP)  ## the whole test suite (exit code 5, "no tests collected", counts as failure)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check jobmatch tests scripts
	$(BIN)/ruff format --check jobmatch tests scripts
	$(BIN)/mypy

golden: $(STAMP)  ## rewrite tests/golden/ from the current output (review the diff!)
	JOBMATCH_UPDATE_GOLDEN=1 $(BIN)/python -m pytest tests/test_golden.py

samples: $(STAMP)  ## rebuild resumes/ from scripts/make_samples.py
	$(BIN)/python scripts/make_samples.py resumes

eval: $(STAMP)  ## every labelled set in ../shared/eval: AVON147, general postings, posting parsing, k-fold (needs ../shared)
	$(BIN)/python scripts/evaluate.py $(ARGS)

bench: $(STAMP)  ## throughput against the raw-pypdf floor, and match against rank (needs ../shared; ARGS=--match for that alone)
	$(BIN)/python scripts/bench.py $(ARGS)

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache build *.egg-info
