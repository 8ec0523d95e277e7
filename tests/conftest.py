"""Shared fixtures: the real pinned pipeline (loaded once), the seed and the shared folder."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = ROOT / "seeds" / "magnus-cbp-resignation.txt"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def nlp():
    """The pinned English pipeline, as govgraph loads it."""
    from govgraph.nlp import load_pipeline

    return load_pipeline()


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
    """A bare vocabulary for Docs built by hand (no model needed)."""
    from spacy.vocab import Vocab

    return Vocab()
