# Two commands for a newcomer: `make run` and `make test`. Everything lives in .venv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
DEMO_DIR ?= demo-museum
DEMO_ITEMS ?= 300

.PHONY: run demo test bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(TEST_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

run: $(STAMP)
	$(BIN)/museum

demo: $(STAMP)
	@if [ ! -f "$(DEMO_DIR)/museum.db" ]; then \
		$(BIN)/museum --catalogue "$(DEMO_DIR)" demo --items $(DEMO_ITEMS); fi
	$(BIN)/museum --catalogue "$(DEMO_DIR)"

test: $(TEST_STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

bench: $(TEST_STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m tests.benchmarks

clean:
	rm -rf $(VENV) $(DEMO_DIR)
