# Two commands on a fresh machine: `make demo` and `make test` (see README.md).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
LOCK   := requirements.lock
PIPLOCK := requirements-pip.lock

.PHONY: setup demo test clean browser lock

# First the installer itself: whatever pip `python3 -m venv` ships is replaced by the pip pinned
# and hashed in $(PIPLOCK) (old pips mis-handle hashed extras such as lxml[html_clean]). Then every
# package comes from the hashed lock file, pip refusing any whose hash differs; --no-deps because
# the lock is the whole closure, so no release made since can enter. govgraph itself is installed
# on top, without looking for dependencies or build tools (both are in the lock). `pip check` fails
# when pyproject.toml asks for something the lock lacks: run `make lock`.
$(STAMP): pyproject.toml $(wildcard $(LOCK)) $(wildcard $(PIPLOCK))
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r $(PIPLOCK)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r $(LOCK)
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	$(BIN)/python -m pip check
	touch $(STAMP)

setup: $(STAMP)

demo: setup
	$(BIN)/govgraph build seeds/ --out output/

# Browser tests drive the system Chromium (Debian package); install it when missing.
browser:
	command -v chromium >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium)

test: setup browser
	$(BIN)/python -m pytest

# Re-pin every runtime and test dependency, with hashes, for Python 3.11 on Linux x86_64 (uv
# resolves against PyPI alone, whatever pip is configured to use). Existing pins are kept unless
# pyproject.toml needs others; `make lock LOCK_FLAGS=--upgrade` moves everything to the newest.
# The build requirements are locked too: pyproject.toml's, and editables, which hatchling asks
# for to build the editable install.
lock:
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet 'uv>=0.9,<1'
	$(BIN)/python -c 'import tomllib; print(*tomllib.load(open("pyproject.toml", "rb"))["build-system"]["requires"], "editables~=0.3", sep="\n")' \
	  | $(BIN)/uv pip compile pyproject.toml - --extra test --generate-hashes $(LOCK_FLAGS) \
	      --python-version 3.11 --python-platform x86_64-manylinux_2_28 \
	      --custom-compile-command 'make lock' --quiet --output-file $(LOCK)
	echo 'pip' | $(BIN)/uv pip compile - --generate-hashes $(LOCK_FLAGS) \
	      --python-version 3.11 --python-platform x86_64-manylinux_2_28 \
	      --custom-compile-command 'make lock' --quiet --output-file $(PIPLOCK)

clean:
	rm -rf output/*.ttl output/*.html output/*.png build dist
