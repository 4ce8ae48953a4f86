# One command each: `make site`, `make serve`, `make test`, `make lint`, `make check`, `make report`. See README.md.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cksum < requirements.txt | cut -d' ' -f1)
ALLIANCE ?= .
FORMAT ?= text
BUILD_DIR := $(CURDIR)/.site-build
export NO_MKDOCS_2_WARNING := 1
# The web editor at /admin/: pinned npm packages (admin/package-lock.json) and its Vite build.
ADMIN_MODULES := admin/node_modules/.installed-$(shell cksum < admin/package-lock.json | cut -d' ' -f1)
ADMIN_BUNDLE := admin/dist/.vite/manifest.json

.PHONY: setup admin format-data site serve check lint test test-fast clean new report schema national bench

$(STAMP): requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --disable-pip-version-check -q -r requirements.txt
	rm -f $(VENV)/.installed-* && touch $(STAMP)

setup: $(STAMP)

$(ADMIN_MODULES): admin/package-lock.json
	npm ci --prefix admin --no-audit --no-fund --loglevel=error
	rm -f admin/node_modules/.installed-* && touch $@

$(ADMIN_BUNDLE): $(ADMIN_MODULES) admin/main.js admin/danish-first.js admin/zoom-and-help.js admin/vite.config.js
	cd admin && ./node_modules/.bin/vite build --logLevel warn

# Build the web editor's code into admin/dist/ (the site build copies it to /admin/).
admin: $(ADMIN_BUNDLE)

# Store data files in the web editor's YAML style, so a save through it is a one-line diff.
format-data: $(STAMP) $(ADMIN_MODULES)
	$(BIN)/python scripts/format_data.py $(ALLIANCE)/data

# Build into a scratch folder and swap it in only on success: a failed build leaves site/ as it was.
site: $(STAMP) $(ADMIN_BUNDLE)
	rm -rf $(BUILD_DIR)
	$(BIN)/mkdocs build --strict --config-file $(ALLIANCE)/mkdocs.yml --site-dir $(BUILD_DIR)
	rm -rf $(ALLIANCE)/site && mv $(BUILD_DIR) $(ALLIANCE)/site
	@echo "Built $(ALLIANCE)/site/"

# The preview rebuilds only what a change touches (--dirty; see hooks/alliance_site/publish/preview.py).
# --no-strict because MkDocs warns about every --dirty build; `make site` stays strict.
SERVE_FLAGS := --dirty --no-strict
serve: site
	$(BIN)/mkdocs serve $(SERVE_FLAGS) --config-file $(ALLIANCE)/mkdocs.yml

# Validate data/ without building: FORMAT=github prints annotations for pull requests.
check: $(STAMP)
	PYTHONPATH=hooks $(BIN)/python -m alliance_site check $(ALLIANCE)/data --format $(FORMAT)

# Warnings, notices (entries not reviewed for 12 months) and a summary of the data.
report: $(STAMP)
	PYTHONPATH=hooks $(BIN)/python -m alliance_site report $(ALLIANCE)/data

# Regenerate the JSON Schemas in schema/ that editors use for completion (after changing model.py).
schema: $(STAMP)
	PYTHONPATH=hooks $(BIN)/python -m alliance_site schema schema

# The independent checkers the tests run (tests/test_conformance.py): the Nu Html Checker from
# npm, pinned in checkers/package-lock.json (--ignore-scripts: its install script would fetch a
# Java from GitHub), and Java (scripts/ensure-java.sh: Debian's default-jre-headless).
CHECKERS_STAMP := checkers/node_modules/.installed-$(shell cksum < checkers/package-lock.json | cut -d' ' -f1)
.PHONY: checkers
$(CHECKERS_STAMP): checkers/package-lock.json
	npm ci --prefix checkers --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $(CHECKERS_STAMP)

checkers: $(CHECKERS_STAMP)

test test-fast: $(CHECKERS_STAMP)
test test-fast: export JAVA = $(shell scripts/ensure-java.sh)

# ruff and mypy (pinned in requirements.txt, configured in pyproject.toml), with zero findings.
LINTED := hooks scripts bench tests
lint: $(STAMP)
	$(BIN)/ruff check $(LINTED)
	$(BIN)/mypy

# The whole suite (what CI runs), and the fast tier without the browser, the benchmark and the slow builds; both lint first.
# Tests without a browser run on every core (pytest-xdist); the browser and the benchmark, which
# measure time, run one at a time.
test: lint $(STAMP) $(ADMIN_BUNDLE)
	$(BIN)/python -m pytest -n auto -m "not browser and not bench"
	CHROMIUM_PATH="$$(scripts/ensure-chromium.sh)" $(BIN)/python -m pytest -m "browser or bench"

test-fast: lint $(STAMP) $(ADMIN_BUNDLE)
	$(BIN)/python -m pytest -q -n auto -m "not browser and not bench and not slow"

# Scaffold a new alliance folder that builds at once: make new ALLIANCE=alliances/min-alliance NAME="Min alliance"
NAME ?= Ny alliance
new: $(STAMP) $(ADMIN_MODULES)
	$(BIN)/python scripts/new_alliance.py $(ALLIANCE) --name "$(NAME)"

# Synthetic national data set: the 98 municipalities, ~2,000 consultants, 500 partners, 500 news
# items and 100 events per scale unit, written to national/scale-$(SCALE)/ and built there:
# make national SCALE=2 SEED=7
SCALE ?= 1
SEED ?= 1
national: $(STAMP)
	$(BIN)/python scripts/national.py --scale $(SCALE) --seed $(SEED) --out national/scale-$(SCALE)
	$(MAKE) site ALLIANCE=national/scale-$(SCALE)

# Build and measure at default, national, 2x and 4x scale; prints a table, writes bench/results.json.
# Installs Lighthouse (pinned in bench/package-lock.json) first. Options: BENCH_ARGS="--scales default,1".
bench: $(STAMP)
	npm ci --prefix bench --no-audit --no-fund --loglevel=error || echo "npm ci failed: Lighthouse will be skipped"
	CHROMIUM_PATH="$$(scripts/ensure-chromium.sh)" $(BIN)/python bench/run.py $(BENCH_ARGS)

clean:
	rm -rf site $(BUILD_DIR) .pytest_cache .mypy_cache .ruff_cache test-artifacts .bench-work admin/dist
