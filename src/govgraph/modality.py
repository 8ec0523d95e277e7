"""Modality: how the clause of a trigger presents the event it names.

Negated ("did not resign"), conditional ("would recommend", "resign or else be fired"), future
("will step down", "plans to quit"), hedged ("should resign", "reportedly", "asked to resign"),
denied ("denied reports that he would quit"), or asserted. What did not happen is never asserted:
relations.py keeps every reading with its modality, and only asserted readings become facts.
"""

from __future__ import annotations

from itertools import islice

from spacy.tokens import Token

from .nlp import children, conj_head

__all__ = ["HEDGED_AUX", "REQUEST_FRAMES", "UNREAL", "modality_of", "negated_itself", "verb_of"]

_NEGATIONS = {"not", "n't", "n\u2019t", "never", "no"}
_CONDITIONAL_AUX = {"would", "could", "might", "may", "'d", "\u2019d"}
_FUTURE_AUX = {"will", "shall", "'ll", "\u2019ll"}
HEDGED_AUX = {"should", "must", "ought"}
_HEDGE_ADVERBS = {"reportedly", "allegedly", "possibly", "probably", "perhaps", "supposedly", "apparently"}
_DENIAL_VERBS = {"deny", "refute", "dismiss", "reject", "rebut", "contradict"}
_FUTURE_FRAMES = {"plan", "intend", "expect", "set", "poise", "prepare", "likely", "tip", "consider", "want", "hope"}
# verbs whose complement is wanted, not done: "asked to resign", "refused to quit", "urged him to go"
REQUEST_FRAMES = {"ask", "tell", "urge", "call", "press", "pressure", "order", "push", "demand", "want", "force",
                   "refuse", "decline", "threaten", "advise", "encourage", "invite", "beg", "expect", "wish",
                   "hope", "try", "seek", "need", "would", "consider", "request"}
# what a conditional or future reading re-routes (a conditional firing is a threat); "should"
# (hedged) is advice, not a threat
UNREAL = {"conditional", "future"}




def verb_of(token: Token) -> Token:
    """The verb of a trigger's clause: the trigger, or the verb its noun phrase hangs on."""
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i and token.dep_ not in ("advcl", "ccomp"):
        token = token.head
    return token


def _clause_words(token: Token) -> set[str]:
    """The function words of a trigger's own clause: negations, auxiliaries, markers, adverbs."""
    verb = verb_of(token)
    chain = [token, verb, conj_head(verb)]
    words = {c.text.lower() for t in chain for c in children(t) if c.dep_ in ("neg", "aux", "advmod", "mark")}
    clause = conj_head(verb)
    # "no justification for me to resign", "saw no reason to quit": a clause hanging on a noun that
    # "no" denies (not on a verb: in "never called her after she resigned" she did resign)
    if clause.dep_ in ("advcl", "acl", "relcl") and clause.head.pos_ in ("NOUN", "PRON") and any(
            c.lower_ == "no" for c in children(clause.head)):
        words.add("no")
    return words


def negated_itself(token: Token) -> bool:
    """Whether the trigger's own clause is negated ("did not resign"), rather than a clause above
    it ("did not ask her to resign": the asking is denied, the resigning merely not asked for)."""
    return bool(_clause_words(token) & _NEGATIONS)


def modality_of(token: Token) -> str:
    """How the clause of a trigger presents the event.

    negated ("will not comply", "didn't resign"), conditional ("would recommend", "if ..."),
    future ("will step down", "is to step down", "plans to quit"), hedged ("should resign",
    "reportedly"), denied ("denied reports that he would quit"); otherwise asserted.
    """
    words = _clause_words(token)
    verb = verb_of(token)
    clause = conj_head(verb)
    if words & _NEGATIONS:
        return "negated"
    if words & _CONDITIONAL_AUX or "if" in words or "unless" in words:
        return "conditional"
    if words & _FUTURE_AUX:
        return "future"
    if any(c.lower_ == "else" for c in children(clause)):
        return "conditional"  # "resign or else be fired": a threat
    if words & HEDGED_AUX or words & _HEDGE_ADVERBS:
        return "hedged"
    # "is to step down", "plans to quit": an open complement of be/plan/expect
    if clause.dep_ == "xcomp" and (clause.head.lemma_ == "be" or clause.head.lemma_.lower() in _FUTURE_FRAMES):
        return "future"
    # "never threatened to sack X": a denied request denies what it asked for
    if clause.dep_ in ("xcomp", "ccomp") and clause.head.pos_ in ("VERB", "AUX") and modality_of(clause.head) == "negated":
        return "negated"
    # "denied reports that she would quit", "denies he will resign": before the two below, as a
    # denied report or request is denied, not merely unconfirmed
    for ancestor in islice(verb.ancestors, 4):
        if ancestor.lemma_.lower() in _DENIAL_VERBS:
            return "denied"
    # "asked to resign", "told him to quit", "called for him to go": what is asked for has not happened
    # (an adverbial clause only as an infinitive: "called her after she resigned" tells an event)
    if (clause.dep_ in ("xcomp", "ccomp") or clause.dep_ == "advcl" and "to" in words) \
            and clause.head.lemma_.lower() in REQUEST_FRAMES:
        return "hedged"
    # "calls for him to resign", "a plan for her to quit": a clause on a noun, wanted, not done
    if clause.dep_ == "acl" and clause.head.pos_ == "NOUN":
        return "hedged"
    # "resigns if the report is published": a condition in a clause of its own, with no modal
    if any(mark.lower_ in ("if", "unless") for t in (verb, clause) for condition in children(t, ("advcl",))
           for mark in children(condition, ("mark",))):
        return "conditional"
    return "asserted"


