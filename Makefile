# Two commands do all set-up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# The stamp is keyed on pyproject.toml: a changed dependency list reinstalls, nothing else does.
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)
SEED   := seeds/dw-north-korea-russia.txt

.PHONY: run test bench lint fuzz digests clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	rm -f $(VENV)/.installed-*
	touch $@

run: $(STAMP)
	$(BIN)/reader $(SEED)

test: $(STAMP)
	$(BIN)/python -m pytest -q -n 2 --dist loadfile

bench: $(STAMP)
	$(BIN)/python -m benchmarks

lint: $(STAMP)
	$(BIN)/ruff check reader tests benchmarks
	$(BIN)/ruff format --check reader tests benchmarks

fuzz: $(STAMP)
	READER_FUZZ_EXAMPLES=5000 $(BIN)/python -m pytest -q -m fuzz tests

# After an analysis change that means to change `reader analyze --json`: store the new digests
# (tests/analysis/analysis_digests.json) and say in the commit why the output changed.
digests: $(STAMP)
	$(BIN)/python -m tests.analysis.digests

clean:
	rm -rf $(VENV) build dist *.egg-info
