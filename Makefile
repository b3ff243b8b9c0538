# Manualen: `make serve` to preview, `make test` to run every test. Works as root on a fresh Debian.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CHROMIUM := /usr/bin/chromium
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

NODE_STAMP := node_modules/.installed

.PHONY: install serve build offline check test lint gate lock chromium clean

# Installs come from the lock file: the same versions on every machine and in CI.
$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	touch $(STAMP)

install: $(STAMP)

check: $(STAMP)
	$(BIN)/manual check

build: $(STAMP)
	$(BIN)/manual build

serve: $(STAMP)
	$(BIN)/manual serve --host 127.0.0.1 --port 8000

# axe-core (accessibility tests) and iframe-worker (search from file://) come from the npm registry.
$(NODE_STAMP): package.json package-lock.json
	@command -v npm >/dev/null || { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq nodejs npm; }
	npm ci --no-audit --no-fund --loglevel=error
	touch $(NODE_STAMP)

offline: $(STAMP) $(NODE_STAMP)
	$(BIN)/manual build --offline

# Debian's chromium drives the browser tests; Playwright never downloads a browser here.
chromium:
	@test -x $(CHROMIUM) || { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium; }

LINTED := build_tools tests benchmarks

lint: $(STAMP)
	$(BIN)/ruff check $(LINTED)
	$(BIN)/ruff format --check $(LINTED)
	$(BIN)/yamllint --strict .
	$(BIN)/mypy build_tools

# pytest exits 5 when it collects no tests: that is a failure, said in words.
test: $(STAMP) $(NODE_STAMP) chromium
	$(BIN)/pytest -n 3 || { status=$$?; \
	  [ $$status -ne 5 ] || echo "pytest collected no tests: nothing was tested" >&2; exit $$status; }

# the whole gate, exactly as the pull-request workflow runs it
gate:
	.ci/run

# rewrite requirements.lock from a clean venv after a change to the dependencies in pyproject.toml
lock:
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/pip install --quiet --upgrade pip
	.lock-venv/bin/pip install --quiet '.[test]'
	{ sed -n '1,2p' requirements.lock; .lock-venv/bin/pip freeze --exclude manualen; } > requirements.lock.new
	mv requirements.lock.new requirements.lock && rm -rf .lock-venv

clean:
	rm -rf site dist .site-build-* .site-old-* .site-offline-* .pytest_cache
