"""Structure of bodies stated in a story: "Customs, which includes the Coast Guard" makes the
Coast Guard part of Customs; "the Coast Guard, a division of Customs" says the same.

The verbs and nouns that state it are data (``part_of_verbs``, ``part_of_nouns`` in
ontology/titles.yml). What a story states is kept with its sentence and wins over the
background organisation charts when facts are derived.
"""

from __future__ import annotations

from spacy.attrs import DEP
from spacy.tokens import Doc, Token

from .model import Entity, PartOf, Sentence, sentence_index
from .nlp import children, token_bounds, tokens_at, tokens_where
from .rules import Lexicon

__all__ = ["extract_structure"]


def _bodies_by_token(doc: Doc, entities: tuple[Entity, ...]) -> dict[int, Entity]:
    index: dict[int, Entity] = {}
    bounds = token_bounds(doc)
    for entity in entities:
        if entity.kind != "Organization":
            continue
        for mention in entity.mentions:
            for i in tokens_at(bounds, mention.start, mention.end):
                index.setdefault(i, entity)
    return index


def _body_under(token: Token, bodies: dict[int, Entity]) -> Entity | None:
    return next((bodies[t.i] for t in token.subtree if t.i in bodies), None)


def extract_structure(doc: Doc, sentences: tuple[Sentence, ...], entities: tuple[Entity, ...],
                      lexicon: Lexicon) -> tuple[PartOf, ...]:
    """Return every "part of" fact the text states between two of its bodies."""
    starts = [s.start for s in sentences]
    bodies = _bodies_by_token(doc, entities)
    facts: dict[tuple[str, str], PartOf] = {}

    def add(part: Entity | None, whole: Entity | None, anchor: Token, first: int, last: int) -> None:
        if part is None or whole is None or part is whole:
            return
        sentence = sentence_index(starts, anchor.idx)
        facts.setdefault((part.label, whole.label),
                         PartOf(part.label, whole.label, sentence, doc[first:last + 1].text))

    for token in tokens_where(doc, DEP, ("relcl", "appos")):  # the two constructions below
        head_body = bodies.get(token.head.i)
        # "X, which includes the Y": a relative clause on a body, with a verb of containing. The
        # parser often hangs the clause on the noun before the body ("the culture of X, which..."),
        # so the body just before ", which" is the one the clause is about.
        if token.dep_ == "relcl" and token.lemma_.lower() in lexicon.part_of_verbs:
            before = token.left_edge.i - 1
            while before >= 0 and doc[before].is_punct:
                before -= 1
            whole = bodies.get(before) or head_body
            while before > 0 and whole is not None and bodies.get(before - 1) is whole:
                before -= 1
            for obj in (c for c in children(token) if c.dep_ == "dobj"):
                add(_body_under(obj, bodies), whole, token, before, obj.right_edge.i)
        # "the Y, a division of X": an appositive noun of parts, "of" a body
        if token.dep_ == "appos" and head_body and token.text.lower() in lexicon.part_of_nouns:
            for prep in (c for c in children(token) if c.dep_ == "prep" and c.text.lower() == "of"):
                for obj in (c for c in children(prep) if c.dep_ == "pobj"):
                    add(head_body, _body_under(obj, bodies), token, token.head.i, obj.right_edge.i)
    return tuple(facts.values())
