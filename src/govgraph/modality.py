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
_FUTURE_FRAMES = {"plan", "intend", "expect", "set", "poise", "prepare", "likely", "tip", "consider", "want", "hope",
                  "offer", "promise", "vow", "pledge", "schedule", "slated", "due"}
_FAILING = {"fail", "neglect"}
_CHOSEN = {"elect", "appoint", "name", "choose", "pick", "tap", "select", "hire", "nominate", "bring", "draft"}
_PREVENTING = {"prevent", "stop", "bar", "block", "ban", "keep", "prohibit", "deter", "discourage", "dissuade"}
# verbs that keep an event from happening, said of the event itself ("blocked her confirmation")
_THWARTING = {"block", "derail", "thwart", "torpedo", "scuttle", "sink", "stall", "halt", "stop", "obstruct",
              "sabotage", "prevent", "veto", "kill"}
_CONDITION_MARKS = {"if", "unless", "whether"}
# nouns whose clause is a condition: "in the event (that) X stepped aside", "in case X resigns"
_CONDITION_NOUNS = {"event", "case", "eventuality", "condition"}
# a subordinate clause of time in the present tense tells what is yet to come: "before he resigns"
_TIME_MARKS = {"before", "until", "till", "once", "when", "after"}
_PRESENT = {"VBZ", "VBP"}
# verbs whose complement is wanted, not done: "asked to resign", "refused to quit", "urged him to go"
REQUEST_FRAMES = {"ask", "tell", "urge", "call", "press", "pressure", "order", "push", "demand", "want", "force",
                   "refuse", "decline", "threaten", "advise", "encourage", "invite", "beg", "expect", "wish",
                   "hope", "try", "seek", "need", "would", "consider", "request", "lobby"}
# nouns under which an event is talked of, not done: "speculation about his resignation", "the
# possibility of her firing"; and what an event noun may be said to be: "his resignation is unlikely"
_SPECULATION_NOUNS = {"speculation", "rumour", "rumor", "possibility", "prospect", "talk", "threat", "risk",
                      "chance", "likelihood", "question", "idea", "suggestion", "hope", "fear", "danger"}
_UNREAL_ADJECTIVES = {"unlikely", "likely", "possible", "probable", "unthinkable", "conceivable", "imminent",
                      "inevitable"}
# what a conditional or future reading re-routes (a conditional firing is a threat); "should"
# (hedged) is advice, not a threat
UNREAL = {"conditional", "future"}




def verb_of(token: Token) -> Token:
    """The verb of a trigger's clause: the trigger, or the verb its noun phrase hangs on."""
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i and token.dep_ not in ("advcl", "ccomp"):
        token = token.head
    return token


def _clause_of(verb: Token) -> Token:
    """The verb that carries a clause's auxiliaries and markers: the first conjunct of a shared
    subject ("did not resign or apologise"), but a conjunct with its own subject is a clause of its
    own ("this doesn't guarantee it but X was president"), and so is a past-tense conjunct of a verb
    in its base form under an auxiliary, which takes no past form ("said he would step aside and
    endorsed X", "did not resign and endorsed X": the endorsing is told, not what he would do)."""
    if verb.dep_ == "conj" and children(verb, ("nsubj", "nsubjpass", "expl")):
        return verb
    head = conj_head(verb)
    if verb.dep_ == "conj" and verb.tag_ == "VBD" and head.tag_ == "VB" \
            and children(head, ("aux",)):
        return verb
    return head


def _clause_words(token: Token) -> set[str]:
    """The function words of a trigger's own clause: negations, auxiliaries, markers, adverbs."""
    verb = verb_of(token)
    clause = _clause_of(verb)
    chain = [token, verb, clause]
    words = {c.text.lower() for t in chain for c in children(t) if c.dep_ in ("neg", "aux", "advmod", "mark")}
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
    clause = _clause_of(verb)
    if words & _NEGATIONS:
        # "urged him not to resign": what is asked not to happen has not happened, nor been refused
        if clause.dep_ in ("xcomp", "ccomp") and clause.head.lemma_.lower() in REQUEST_FRAMES - {"refuse", "decline"} \
                and any(c.lower_ in _NEGATIONS for c in children(clause, ("neg",))):
            return "hedged"
        return "negated"
    # "blocked the Senate confirmation of X", "an effort to derail X's nomination": an event noun a
    # verb of thwarting takes did not happen when the thwarting did, and is in doubt when it is tried
    if token.pos_ == "NOUN" and token.dep_ == "dobj" and token.head.lemma_.lower() in _THWARTING:
        return "negated" if modality_of(token.head) == "asserted" else "hedged"
    if words & _CONDITIONAL_AUX or words & _CONDITION_MARKS:
        return "conditional"
    if clause.dep_ in ("acl", "relcl") and clause.head.lemma_.lower() in _CONDITION_NOUNS \
            and clause.head.dep_ == "pobj" and clause.head.head.lower_ in ("in", "on"):
        return "conditional"
    if words & _FUTURE_AUX:
        return "future"
    if any(c.lower_ == "else" for c in children(clause)):
        return "conditional"  # "resign or else be fired": a threat
    if words & HEDGED_AUX or words & _HEDGE_ADVERBS:
        return "hedged"
    if token.pos_ == "NOUN" and (
            token.head.dep_ == "prep" and token.head.lower_ in ("of", "about", "over", "on")
            and token.head.head.lemma_.lower() in _SPECULATION_NOUNS
            or token.dep_ == "nsubj" and token.head.lemma_ == "be"
            and any(c.lemma_.lower() in _UNREAL_ADJECTIVES for c in children(token.head, ("acomp",)))):
        return "hedged"
    # "is to step down", "plans to quit", "offered to go", "is going to quit": an open complement of
    # be/plan/offer or of a present "going"
    if clause.dep_ == "xcomp" and (clause.head.lemma_ == "be" or clause.head.lemma_.lower() in _FUTURE_FRAMES
                                   or clause.head.lower_ in _FUTURE_FRAMES  # "slated" (lemma "slat")
                                   or clause.head.tag_ == "VBG" and clause.head.lemma_ == "go"
                                   and any(c.lemma_ == "be" for c in children(clause.head, ("aux",)))):
        return "future"
    # "ought to resign" parsed with the modal as the verb; "has to go": an obligation, not an event
    if clause.dep_ == "xcomp" and (clause.head.lower_ in HEDGED_AUX
                                   or clause.head.lemma_ == "have" and clause.head.tag_ in _PRESENT | {"VB"}):
        return "hedged"
    # "before he resigns", "once she steps down": a clause of time in the present tense
    if clause.dep_ == "advcl" and clause.tag_ in _PRESENT and any(
            mark.lower_ in _TIME_MARKS for mark in children(clause, ("mark",))):
        return "future"
    # "looks forward to meeting X", "is looking forward to sitting down with X": anticipated, not done
    if clause.dep_ == "pcomp" and clause.head.lower_ == "to" and clause.head.head.lemma_.lower() == "look" \
            and any(c.lower_ == "forward" for c in children(clause.head.head, ("advmod",))):
        return "future"
    # "instead of nominating X", "without firing X", "prevented X from backing Y": the road not taken
    if clause.dep_ == "pcomp" and (clause.head.lower_ == "without" or any(
            c.lower_ in ("instead", "rather") for c in children(clause.head, ("advmod",)))
            or clause.head.lower_ == "from" and clause.head.head.lemma_.lower() in _PREVENTING):
        return "negated"
    # "failed to note", "neglected to resign": what one failed to do was not done
    if clause.dep_ == "xcomp" and clause.head.lemma_.lower() in _FAILING:
        return "negated"
    # "never threatened to sack X": a denied request denies what it asked for; "are expected to vote
    # to confirm X": an open complement is as unreal as the clause it completes
    if clause.dep_ in ("xcomp", "ccomp") and clause.head.pos_ in ("VERB", "AUX"):
        above = modality_of(clause.head)
        if above == "negated" or clause.dep_ == "xcomp" and above in ("future", "conditional") \
                and clause.head.lemma_.lower() not in REQUEST_FRAMES:  # "will order X to fire Y": a request, below
            return above
    # "denied reports that she would quit", "denies he will resign": before the two below, as a
    # denied report or request is denied, not merely unconfirmed
    for ancestor in islice(verb.ancestors, 4):
        if ancestor.lemma_.lower() in _DENIAL_VERBS:
            return "denied"
    # "asked to resign", "told him to quit", "called for him to go": what is asked for has not happened
    # (an adverbial clause only as an infinitive: "called her after she resigned" tells an event)
    # ("told CNN he criticized X", '"I backed X," she told reporters': what one tells in the
    # indicative is reported, not asked for)
    told = clause.dep_ == "ccomp" and clause.i == verb.i and clause.head.lemma_.lower() == "tell" and (
        clause.tag_ in ("VBD", "VBZ") or any(c.tag_ in ("VBD", "VBZ") for c in children(clause, ("aux", "auxpass"))))
    if (clause.dep_ in ("xcomp", "ccomp") or clause.dep_ == "advcl" and "to" in words) \
            and clause.head.lemma_.lower() in REQUEST_FRAMES and not told:
        return "hedged"
    # "voted to confirm X", "an effort to derail X's confirmation": a purpose, not yet an event
    # but not the charge one is given: "was elected to take over from X" tells what she was elected to do
    if clause.dep_ == "advcl" and "to" in words and not children(clause, ("nsubj", "nsubjpass")) and not (
            clause.head.lemma_.lower() in _CHOSEN and children(clause.head, ("auxpass",))):
        return "hedged"
    # "issued a statement condemning X", "officials backing Y": a participle on a noun says what is
    # so of it, as real as the clause the noun is in
    if clause.dep_ == "acl" and clause.tag_ == "VBG" and clause.head.pos_ == "NOUN" and "to" not in words:
        holder = clause.head.head
        return modality_of(holder) if holder.pos_ in ("VERB", "AUX") and holder.i != clause.head.i else "asserted"
    # "calls for him to resign", "a plan for her to quit": a clause on a noun, wanted, not done; so
    # is any for-to infinitive ("sparked calls for him to step down", the clause parsed on the verb)
    # and a clause on "time" ("it is time he stepped aside")
    if clause.dep_ == "acl" and clause.head.pos_ == "NOUN" or "for" in words and "to" in words \
            or clause.dep_ in ("acl", "relcl") and clause.head.lemma_ == "time" and clause.head.dep_ == "attr":
        return "hedged"
    # "resigns if the report is published": a condition in a clause of its own, with no modal
    if any(mark.lower_ in _CONDITION_MARKS for t in (verb, clause) for condition in children(t, ("advcl",))
           for mark in children(condition, ("mark",))):
        return "conditional"
    return "asserted"


