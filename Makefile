# One command each: `make site`, `make serve`, `make test`, `make check`, `make report`. See README.md.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cksum < requirements.txt | cut -d' ' -f1)
ALLIANCE ?= .
FORMAT ?= text
BUILD_DIR := $(CURDIR)/.site-build
export NO_MKDOCS_2_WARNING := 1

.PHONY: setup site serve check test clean new report schema

$(STAMP): requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --disable-pip-version-check -q -r requirements.txt
	rm -f $(VENV)/.installed-* && touch $(STAMP)

setup: $(STAMP)

# Build into a scratch folder and swap it in only on success: a failed build leaves site/ as it was.
site: $(STAMP)
	rm -rf $(BUILD_DIR)
	$(BIN)/mkdocs build --strict --config-file $(ALLIANCE)/mkdocs.yml --site-dir $(BUILD_DIR)
	rm -rf $(ALLIANCE)/site && mv $(BUILD_DIR) $(ALLIANCE)/site
	@echo "Built $(ALLIANCE)/site/"

serve: site
	$(BIN)/mkdocs serve --config-file $(ALLIANCE)/mkdocs.yml

# Validate data/ without building: FORMAT=github prints annotations for pull requests.
check: $(STAMP)
	PYTHONPATH=hooks $(BIN)/python -m alliance_site check $(ALLIANCE)/data --format $(FORMAT)

# Warnings, notices (entries not reviewed for 12 months) and a summary of the data.
report: $(STAMP)
	PYTHONPATH=hooks $(BIN)/python -m alliance_site report $(ALLIANCE)/data

# Regenerate the JSON Schemas in schema/ that editors use for completion (after changing model.py).
schema: $(STAMP)
	PYTHONPATH=hooks $(BIN)/python -m alliance_site schema schema

test: $(STAMP)
	CHROMIUM_PATH="$$(scripts/ensure-chromium.sh)" $(BIN)/python -m pytest

# Scaffold a new alliance folder that builds at once: make new ALLIANCE=alliances/min-alliance NAME="Min alliance"
NAME ?= Ny alliance
new: $(STAMP)
	$(BIN)/python scripts/new_alliance.py $(ALLIANCE) --name "$(NAME)"

clean:
	rm -rf site $(BUILD_DIR) .pytest_cache test-artifacts
