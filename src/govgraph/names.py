"""People's names read apart: first and last name, as nameparser reads them.

A module of its own so that identity (which unifies people across stories in the process that
writes the graph) needs no spaCy: a process whose workers did the parsing never loads it.
"""

from __future__ import annotations

from functools import lru_cache

from nameparser import HumanName

__all__ = ["name_parts"]


@lru_cache(maxsize=65536)
def name_parts(name: str) -> tuple[str, str]:
    """The first and last name of a person's name, as nameparser reads them.

    Cached because parsing is slow and the same names recur in every story of an archive.
    """
    parsed = HumanName(name)
    return parsed.first, parsed.last
