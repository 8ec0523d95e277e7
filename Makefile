# Two commands on a fresh machine: `make demo` and `make test` (see README.md).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
LOCK   := requirements.lock
PIPLOCK := requirements-pip.lock

.PHONY: setup demo test clean browser lock mutate

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

# Mutation testing of the code that carries govgraph's promises: what a reading's modality is,
# which readings become triples, outputs written as one set, a story's text assembled. Slow, so
# not part of `make test`; mutmut keeps its results in mutants/ and resumes where it stopped.
MUTANT_SCOPES := \
  'modality: modality=govgraph.modality.x_modality_of*,govgraph.modality.x__clause_words*,govgraph.modality.x_negated_itself*' \
  'graph: triples=govgraph.graph.x__relation_statements*' \
  'export: edges=govgraph.export.x_relation_edges*,govgraph.export.x_export*' \
  'outputs: one set=govgraph.outputs.*' \
  'build: output writing=govgraph.build.x__write*,govgraph.build.x__write_manifest*,govgraph.build.x__up_to_date*' \
  'load: text assembly=govgraph.load.x__with_headline*,govgraph.load.x__make_article*,govgraph.load.x__article_from_text*,govgraph.load.x__article_from_record*'
MUTANTS := $(shell printf '%s\n' $(MUTANT_SCOPES) | sed 's/^[^=]*=//' | tr ',' ' ')

mutate: setup
	$(BIN)/mutmut run --max-children 2 $(foreach m,$(MUTANTS),'$(m)') || true
	$(BIN)/python benchmarks/mutation.py $(MUTANT_SCOPES)

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
