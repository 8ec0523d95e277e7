"""People's names read apart: first and last name, as nameparser reads them, and given names as
gender-guesser's name dictionary knows them.

A module of its own so that identity (which unifies people across stories in the process that
writes the graph) needs no spaCy: a process whose workers did the parsing never loads it.
"""

from __future__ import annotations

from functools import lru_cache

import gender_guesser.detector
from nameparser import HumanName

__all__ = ["name_parts", "generation", "first_name_gender", "is_given_name"]

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


@lru_cache(maxsize=1)
def _name_dictionary() -> gender_guesser.detector.Detector:
    # gender-guesser's dictionary of ~40,000 given names, shipped in the package (no download)
    return gender_guesser.detector.Detector(case_sensitive=False)


def is_given_name(word: str) -> bool:
    """Whether the name dictionary knows ``word`` as someone's given name (any gender)."""
    return word.isalpha() and len(word) > 1 and _name_dictionary().get_gender(word) != "unknown"


def first_name_gender(label: str) -> str | None:
    """"male" or "female" when a person's label starts with a first name the name dictionary gives
    outright to one of them ("Anita Jones": female); None for a single name, an initial or a name
    it gives to both, mostly to one, or does not know."""
    words = label.split()
    if len(words) < 2 or not words[0].isalpha() or len(words[0]) < 2:
        return None
    gender = _name_dictionary().get_gender(words[0])
    return gender if gender in ("male", "female") else None
