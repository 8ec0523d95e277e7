"""Named-entity spans -> one Entity per person or body of a document, with all its mentions.

spaCy's small model labels names inconsistently across a story (a surname tagged a place in one
sentence and a person in the next). A story names each person in full once and by surname after,
so the spans are coalesced per document: same surface form, or full name and surname, is one
entity, and a span whose text is a known person's surname is that person whatever its label.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from .model import Entity, Mention, Sentence

__all__ = ["extract_sentences", "extract_entities", "PERSON_LABELS", "ORG_LABELS"]

PERSON_LABELS = {"PERSON"}
ORG_LABELS = {"ORG"}

_DETERMINERS = {"the", "a", "an"}
_POSSESSIVE_TOKENS = {"'s", "\u2019s", "'", "\u2019"}
_POSSESSIVE = re.compile(r"(?:['\u2019]s|['\u2019])$")
_NAME_TOKEN = re.compile(r"^[A-Z][\w\-.'\u2019]*$")


def extract_sentences(doc: Doc) -> tuple[Sentence, ...]:
    """Return the Doc's sentences with their character offsets."""
    return tuple(Sentence(i, s.start_char, s.end_char, s.text) for i, s in enumerate(doc.sents))


def _trim(span: Span) -> Span:
    """Drop a leading article and a trailing possessive ("the", "'s") from an entity span."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and doc[start].text.lower() in _DETERMINERS:
        start += 1
    while end > start and doc[end - 1].text in _POSSESSIVE_TOKENS:
        end -= 1
    return doc[start:end]


def _surface(span: Span) -> str:
    return _POSSESSIVE.sub("", span.text).strip()


def _is_name(text: str) -> bool:
    """A well-formed name: capitalised words only, no line breaks or punctuation runs."""
    words = text.split()
    return bool(words) and "\n" not in text and all(_NAME_TOKEN.match(w) for w in words)


class _Entities:
    """Per-document registry that coalesces spans into entities in text order."""

    def __init__(self, sentence_of) -> None:
        self.sentence_of = sentence_of
        self.people: list[Entity] = []
        self.orgs: dict[str, Entity] = {}
        self.taken: set[tuple[int, int]] = set()

    def mention(self, span: Span) -> Mention:
        return Mention(span.start_char, span.end_char, _surface(span), self.sentence_of(span.start_char))

    def add(self, entity: Entity, span: Span) -> None:
        key = (span.start_char, span.end_char)
        if key in self.taken:
            return
        self.taken.add(key)
        entity.mentions.append(self.mention(span))
        entity.aliases.add(_surface(span))

    def person_for(self, name: str) -> Entity | None:
        """The person this name refers to: same full name, or a full name ending in this surname."""
        words = name.split()
        for person in self.people:
            known = person.label.split()
            if name == person.label or name in person.aliases:
                return person
            if len(words) == 1 and known[-1] == words[0]:
                return person
            if len(words) > 1 and words[-1] == known[-1] and (len(known) == 1 or words[0] == known[0]):
                return person
        return None

    def add_person(self, span: Span) -> None:
        name = _surface(span)
        person = self.person_for(name)
        if person is None:
            person = Entity("Person", name)
            self.people.append(person)
        elif len(name) > len(person.label):
            # The longest well-formed form is the canonical name.
            person.label = name
        self.add(person, span)

    def add_org(self, span: Span) -> None:
        name = _surface(span)
        org = self.orgs.setdefault(name.lower(), Entity("Organization", name))
        self.add(org, span)


def extract_entities(doc: Doc, sentences: tuple[Sentence, ...]) -> tuple[Entity, ...]:
    """Coalesce the Doc's named-entity spans into persons and organisations.

    Persons first (full names before surnames, so a surname finds its full name), then any span
    whose text is a person's name or surname joins that person whatever its label, then
    organisations.
    """
    starts = [s.start for s in sentences]

    def sentence_of(char: int) -> int:
        from bisect import bisect_right

        return max(0, bisect_right(starts, char) - 1)

    registry = _Entities(sentence_of)
    spans = [_trim(ent) for ent in doc.ents]
    spans = [(span, ent.label_) for span, ent in zip(spans, doc.ents) if len(span) and _is_name(_surface(span))]

    people = sorted((s for s, label in spans if label in PERSON_LABELS), key=lambda s: (-len(s), s.start))
    for span in people:
        registry.add_person(span)
    for span, label in spans:
        if label not in PERSON_LABELS and registry.person_for(_surface(span)) is not None:
            registry.add_person(span)
    for span, label in spans:
        if label in ORG_LABELS and (span.start_char, span.end_char) not in registry.taken:
            registry.add_org(span)

    entities = registry.people + list(registry.orgs.values())
    for entity in entities:
        entity.mentions.sort(key=lambda m: m.start)
        entity.aliases.discard(entity.label)
    return tuple(sorted(entities, key=lambda e: e.mentions[0].start))
