"""People's names read apart: first and last name, as nameparser reads them.

A module of its own so that identity (which unifies people across stories in the process that
writes the graph) needs no spaCy: a process whose workers did the parsing never loads it.
"""

from __future__ import annotations

from functools import lru_cache

from nameparser import HumanName

__all__ = ["name_parts", "generation"]

# Generational suffixes are part of who someone is: "John Roe Jr." is never "John Roe".
_GENERATIONS = {"jr": "jr", "junior": "jr", "sr": "sr", "senior": "sr", "ii": "ii", "iii": "iii", "iv": "iv"}


@lru_cache(maxsize=65536)
def name_parts(name: str) -> tuple[str, str]:
    """The first and last name of a person's name, as nameparser reads them.

    Cached because parsing is slow and the same names recur in every story of an archive.
    """
    parsed = HumanName(name)
    if not parsed.last and parsed.suffix:
        return "", parsed.first  # "Roe Jr.": a surname and a suffix
    return parsed.first, parsed.last


@lru_cache(maxsize=65536)
def generation(name: str) -> str:
    """The generational suffix of a name ("jr", "sr", "ii", "iii", "iv"), or "" when it has none."""
    for part in reversed(name.replace(",", " ").split()):
        key = part.lower().rstrip(".")
        if key in _GENERATIONS:
            return _GENERATIONS[key]
    return ""
