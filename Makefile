PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup run test test-long lint bench eval clean

# Reinstall when the project's dependency list changes.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade "pip>=23" "setuptools>=68,<82" wheel
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(STAMP)

setup: $(STAMP)

run: $(STAMP)
	$(BIN)/pipeline run --corpus corpus --out outputs

lint: $(STAMP)
	$(BIN)/ruff check pipeline tests
	$(BIN)/ruff format --check pipeline tests

test: $(STAMP) lint
	$(BIN)/pytest -q

test-long: $(STAMP)
	$(BIN)/pytest -q -m long

bench: $(STAMP)
	$(BIN)/pipeline bench --docs 500

eval: $(STAMP)
	$(BIN)/pipeline eval ner --gold ../shared/data/factru_dev.jsonl

clean:
	rm -rf outputs
