"""Shared fixtures: the real pinned pipeline (loaded once), the seed and the shared folder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from spacy.tokens import Doc

import pytest

ROOT = Path(__file__).resolve().parent.parent
# the shared data beside the checkout (or beside the folder above it, as for mutmut's copy in mutants/)
SHARED = next((p / "shared" for p in ROOT.parents if (p / "shared" / "corpus").is_dir()), ROOT.parent / "shared")
SEED = ROOT / "seeds" / "magnus-cbp-resignation.txt"
DATA = Path(__file__).resolve().parent / "data"


def blas_threads_after(code: str) -> str:
    """The BLAS thread counts a fresh process reports after running ``code``, started asking for
    four BLAS threads (OpenBLAS gives at most one a core). A child process: the limit holds for a
    whole process, and the test session's own stays as it is."""
    script = (f"import numpy\n{code}\nfrom threadpoolctl import threadpool_info\n"
              "print(sorted({pool['num_threads'] for pool in threadpool_info() if pool['user_api'] == 'blas'}))\n")
    shown = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                           env={**os.environ, "OPENBLAS_NUM_THREADS": "4"})
    return shown.stdout.strip()


@pytest.fixture(scope="session")
def nlp():
    """The pinned English pipeline, as govgraph loads it."""
    from govgraph.nlp import load_pipeline

    return load_pipeline()


GOLD_SPLITS = {"seed": [SHARED / "gold" / "magnus-cbp-resignation.json"],
               "dev": sorted((ROOT / "tests" / "gold" / "dev").glob("*.json")),
               "test": sorted((ROOT / "tests" / "gold" / "test").glob("*.json")),
               # a second development set, drawn after the split (tests/gold/README.md)
               "dev2": sorted((ROOT / "tests" / "gold" / "dev2").glob("*.json")),
               # development stories annotated for their persons only (person figures, no relations)
               "people": sorted((ROOT / "tests" / "gold" / "people").glob("*.json"))}


@pytest.fixture(scope="session")
def gold_scores(nlp):
    """Every gold split (seed, dev, test, people) scored once: {split: {gold id: Score}}."""
    from govgraph.evaluate import evaluate_files

    return {split: evaluate_files(paths, [SHARED]) for split, paths in GOLD_SPLITS.items()}


@pytest.fixture(scope="session")
def seed_extraction(nlp):
    """The seed story, loaded, parsed and extracted once for every end-to-end test."""
    from govgraph.build import extract_articles
    from govgraph.load import load_articles

    (article,) = load_articles([SEED])
    (extraction,) = extract_articles([article])
    return extraction


@pytest.fixture
def vocab():
    """English word attributes (lower case, shape...) for Docs built by hand; no trained model."""
    import spacy

    return spacy.blank("en").vocab


def parsed(vocab, table: str, glued: frozenset[int] = frozenset()):
    """A Doc built by hand from a small table, one token a line: ``word POS TAG dep head [ENT [lemma]]``.

    ``head`` is the index of the head token (the root points at itself); ``ENT`` is a BIO tag
    such as ``B-PERSON`` (``O`` for none); the lemma defaults to the lower-cased word; the tokens
    whose indices are in ``glued`` have no space after them ("(R-Iowa)"). This keeps rule tests
    independent of any statistical model.
    """
    rows = [line.split() for line in table.strip().splitlines() if line.strip()]
    words = [r[0] for r in rows]
    return Doc(vocab, words=words, spaces=[i not in glued for i in range(len(rows))],
               pos=[r[1] for r in rows], tags=[r[2] for r in rows],
               deps=[r[3] for r in rows], heads=[int(r[4]) for r in rows],
               ents=[r[5] if len(r) > 5 else "O" for r in rows],
               lemmas=[r[6] if len(r) > 6 else r[0].lower() for r in rows])


def analyse(doc, orgchart=None):
    """Sentences and entities of a hand-built Doc, as the pipeline finds them (no model)."""
    from govgraph.entities import extract_entities, extract_sentences
    from govgraph.rules import OrgChart, load_lexicon

    sentences = extract_sentences(doc)
    return sentences, extract_entities(doc, sentences, load_lexicon(), orgchart or OrgChart())


# Modules whose tests build corpora, drive a browser or a server, or set up a venv: "slow", so
# that mutation runs (make mutate), which run the tests covering each mutant, leave them out.
SLOW_MODULES = {"test_browser", "test_store", "test_endpoint", "test_packaging", "test_properties", "test_readme"}


def pytest_collection_modifyitems(items):
    for item in items:
        if item.module.__name__ in SLOW_MODULES or "gold_scores" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.slow)
