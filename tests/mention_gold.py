"""Score person mentions against tests/gold/mentions/*.json (see its README)."""

from __future__ import annotations

import json
import re
from pathlib import Path

HONORIFICS = {"sir", "lord", "lady", "baroness", "dame", "mr", "mrs", "ms", "dr"}
GOLD = Path(__file__).resolve().parent / "gold" / "mentions"


def gold_spans(gold: dict, text: str) -> list[tuple[int, int, str, str | None]]:
    """(start, end, surface, person name or None) of each gold mention in ``text`` (the cleaned text)."""
    names = {p["id"]: p["name"] for p in gold["persons"]}
    spans = []
    for item in gold["mentions"]:
        pattern = r"(?<!\w)" + re.escape(item["text"]) + r"(?!\w)"
        matches = list(re.finditer(pattern, text))
        match = matches[item["occurrence"] - 1]
        spans.append((match.start(), match.end(), item["text"], names.get(item["entity"])))
    return spans


def same_person(label: str, gold_name: str) -> bool:
    """Our canonical label names the gold person: equal, or the same surname with no conflicting first name."""
    ours, theirs = label.split(), [w for w in gold_name.split() if w.lower() not in HONORIFICS]
    return ours[-1] == theirs[-1] and (len(ours) == 1 or len(theirs) == 1 or ours[0] == theirs[0])


def score(extraction, gold: dict) -> tuple[int, int, list[str]]:
    """(right, total, misses) over gold mentions of named persons."""
    owner = {}
    for entity in extraction.entities:
        if entity.kind == "Person":
            for m in entity.mentions:
                owner[(m.start, m.end)] = entity.label
    right, misses, total = 0, [], 0
    text = extraction.article.text
    for start, end, surface, name in gold_spans(gold, text):
        if name is None:
            continue
        total += 1
        found = next((label for (s, e), label in owner.items() if s <= start and end <= e or start <= s < e <= end), None)
        if found and same_person(found, name):
            right += 1
        else:
            context = text[max(0, start - 40):end + 20].replace("\n", " ")
            misses.append(f"{surface!r} -> {found!r}, expected {name!r}: ...{context}...")
    return right, total, misses


def load_gold(name: str) -> dict:
    return json.loads((GOLD / f"{name}.json").read_text(encoding="utf-8"))
