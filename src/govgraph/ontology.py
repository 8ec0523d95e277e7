"""Find the ontology/ folder: inside the installed package, or at the root of a source checkout."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from .model import GovgraphError

__all__ = ["ontology_dir", "ontology_file"]


@lru_cache(maxsize=1)
def ontology_dir() -> Path:
    """Return the folder holding govgraph.ttl, rules, titles, org charts and named queries.

    A wheel carries it as ``govgraph/ontology``; an editable install reads the checkout's
    ``ontology/`` so that edits to rule files take effect at once.
    """
    package = Path(__file__).resolve().parent
    for candidate in (package / "ontology", package.parent.parent / "ontology"):
        if (candidate / "govgraph.ttl").is_file():
            return candidate
    raise GovgraphError(f"ontology files not found next to {package}; reinstall govgraph")


def ontology_file(*parts: str) -> Path:
    """Return the path of a file under ontology/, e.g. ``ontology_file("queries", "x.rq")``."""
    return ontology_dir().joinpath(*parts)
