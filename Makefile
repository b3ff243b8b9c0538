# Manualen: `make serve` to preview, `make test` to run every test. Works as root on a fresh Debian.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CHROMIUM := /usr/bin/chromium
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

NODE_STAMP := node_modules/.installed

.PHONY: install serve build offline check test lint chromium clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
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

lint: $(STAMP)
	$(BIN)/ruff check build_tools hooks tests
	$(BIN)/ruff format --check build_tools hooks tests
	$(BIN)/yamllint --strict .

test: $(STAMP) $(NODE_STAMP) chromium
	$(BIN)/ruff check build_tools hooks tests
	$(BIN)/pytest -n 3

clean:
	rm -rf site dist .site-build-* .site-old-* .site-offline-* .pytest_cache
