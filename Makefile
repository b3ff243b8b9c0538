# Manualen: `make serve` to preview, `make test` to run every test. Works as root on a fresh Debian.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CHROMIUM := /usr/bin/chromium
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: install serve build check test lint chromium clean

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

# Debian's chromium drives the browser tests; Playwright never downloads a browser here.
chromium:
	@test -x $(CHROMIUM) || { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium; }

lint: $(STAMP)
	$(BIN)/ruff check build_tools hooks tests
	$(BIN)/ruff format --check build_tools hooks tests
	$(BIN)/yamllint --strict .

test: $(STAMP) chromium
	$(BIN)/ruff check build_tools hooks tests
	$(BIN)/pytest

clean:
	rm -rf site .site-build-* .site-old-* .pytest_cache
