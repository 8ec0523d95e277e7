"""Run the relation rules of ontology/relations.yml over a parsed article -> Relations.

Triggers are found with spaCy's PhraseMatcher (trigger words and phrasal verbs, compiled from
the rule file); each rule's frame then reads the two parties off the dependency parse, and
the trigger's clause tells the modality (negated, conditional, future, hedged, denied), who
claims it (``X said``, ``according to X``) and when (``on Wednesday``).
"""

from __future__ import annotations

import re

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import islice
from datetime import date

from spacy.attrs import DEP, LOWER
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from .dates import resolve_time
from .model import Article, Entity, Relation, Sentence, sentence_index
from .nlp import children, conj_head, token_bounds, tokens_at, tokens_where
from .rules import Lexicon, RelationRule
from .stance import judging_words, stance_of

__all__ = ["CompiledRules", "compile_rules", "extract_relations", "modality_of", "relations_from_posts", "fits"]

_NEGATIONS = {"not", "n't", "n\u2019t", "never", "no"}
_CONDITIONAL_AUX = {"would", "could", "might", "may", "'d", "\u2019d"}
_FUTURE_AUX = {"will", "shall", "'ll", "\u2019ll"}
_HEDGED_AUX = {"should", "must", "ought"}
_HEDGE_ADVERBS = {"reportedly", "allegedly", "possibly", "probably", "perhaps", "supposedly", "apparently"}
_DENIAL_VERBS = {"deny", "refute", "dismiss", "reject", "rebut", "contradict"}
_FUTURE_FRAMES = {"plan", "intend", "expect", "set", "poise", "prepare", "likely", "tip", "consider", "want", "hope"}
_TELLING_VERBS = {"tell", "warn", "inform", "threaten"}
# verbs whose complement is wanted, not done: "asked to resign", "refused to quit", "urged him to go"
_REQUEST_FRAMES = {"ask", "tell", "urge", "call", "press", "pressure", "order", "push", "demand", "want", "force",
                   "refuse", "decline", "threaten", "advise", "encourage", "invite", "beg", "expect", "wish",
                   "hope", "try", "seek", "need", "would", "consider", "request"}
_FIRST_PERSON = {"i", "me", "my", "myself"}
_GO_COMPLEMENTS = {"acomp", "prt", "prep", "advmod", "xcomp", "dobj", "oprd", "attr", "ccomp", "npadvmod"}
_SUBJECTS = {"nsubj", "nsubjpass"}
# what a conditional or future reading re-routes (a conditional firing is a threat); "should"
# (hedged) is advice, not a threat
_UNREAL = {"conditional", "future"}


@dataclass(frozen=True)
class _Phrase:
    """A trigger of several words ("step down"): its rule, the words after the first, and whether
    it is a verb (whose first word is matched by lemma, and an adverb may come between:
    "stepped immediately down")."""

    rule_id: str
    rest: tuple[str, ...]
    verb: bool

    def starts_at(self, doc: Doc, start: int) -> bool:
        """Whether the phrase runs on from its first word at ``start``."""
        if self.verb and doc[start].pos_ in _NOT_VERBS:
            return False
        i = start + 1
        for word in self.rest:
            if i < len(doc) and doc[i].lower_ == word:
                i += 1
            elif self.verb and i + 1 < len(doc) and doc[i].pos_ == "ADV" and doc[i + 1].lower_ == word:
                i += 2
            else:
                return False
        return True


@dataclass
class CompiledRules:
    """The rules and the matchers that find their triggers.

    Triggers are found by PhraseMatchers, a hash lookup per token (matching costs next to nothing
    beside the parse): one-word verbs by lemma, nouns in lower case, and the first word of each
    phrase, whose other words are then checked in place (a token Matcher with the phrases'
    patterns took 40 times as long as the other two matchers together).
    """

    rules: dict[str, RelationRule]
    verbs: PhraseMatcher
    nouns: PhraseMatcher
    verb_phrases: PhraseMatcher
    noun_phrases: PhraseMatcher
    phrases: dict[int, _Phrase] = field(default_factory=dict)  # match key -> its phrase
    speech_rules: list[RelationRule] = field(default_factory=list)

    def triggers(self, doc: Doc) -> list[tuple[RelationRule, Token]]:
        """Each trigger in the document with its rule, in text order (then rule order)."""
        order = {rule_id: i for i, rule_id in enumerate(self.rules)}
        strings = doc.vocab.strings
        found = [(strings[m], s) for m, s, _ in self.verbs(doc) if doc[s].pos_ not in _NOT_VERBS]
        found += [(strings[m], s) for m, s, _ in self.nouns(doc) if doc[s].pos_ in _NOUNS]
        for matcher in (self.verb_phrases, self.noun_phrases):
            found += [(self.phrases[m].rule_id, s) for m, s, _ in matcher(doc) if self.phrases[m].starts_at(doc, s)]
        named = sorted({(s, order[rule_id]) for rule_id, s in found})
        rules = list(self.rules.values())
        return [(rules[i], doc[s]) for s, i in named]


_NOT_VERBS = frozenset({"ADP", "DET", "ADJ"})
_NOUNS = frozenset({"NOUN", "PROPN"})


def compile_rules(rules: Iterable[RelationRule], vocab) -> CompiledRules:
    """Compile every trigger of every rule into spaCy matchers (keyed by rule id)."""
    compiled = CompiledRules({}, PhraseMatcher(vocab, attr="LEMMA"), PhraseMatcher(vocab, attr="LOWER"),
                             PhraseMatcher(vocab, attr="LEMMA"), PhraseMatcher(vocab, attr="LOWER"))
    for rule in rules:
        compiled.rules[rule.id] = rule
        if rule.frame == "speech":
            compiled.speech_rules.append(rule)
            continue
        verbs = [Doc(vocab, words=[v], lemmas=[v]) for v in rule.verbs if " " not in v]
        nouns = [Doc(vocab, words=[n]) for n in rule.nouns if " " not in n]
        if verbs:
            compiled.verbs.add(rule.id, verbs)
        if nouns:
            compiled.nouns.add(rule.id, nouns)
        for phrase, verb in [(v, True) for v in rule.verbs if " " in v] + [(n, False) for n in rule.nouns if " " in n]:
            first, *rest = phrase.split()
            key = f"{rule.id}: {phrase}"
            compiled.phrases[vocab.strings.add(key)] = _Phrase(rule.id, tuple(rest), verb)
            if verb:
                compiled.verb_phrases.add(key, [Doc(vocab, words=[first], lemmas=[first])])
            else:
                compiled.noun_phrases.add(key, [Doc(vocab, words=[first])])
    return compiled


class _Context:
    """Per-document lookups: token -> entity, sentence index, quotation speakers, reported clauses."""

    def __init__(self, doc: Doc, sentences: tuple[Sentence, ...], entities: tuple[Entity, ...], lexicon: Lexicon):
        self.doc, self.lexicon = doc, lexicon
        self.entity: dict[int, Entity] = {}
        # the narrowest mention wins a token: "UKIP" in "a UKIP spokesman" is the party
        mentions = sorted(((m.end - m.start, m.start, entity) for entity in entities for m in entity.mentions),
                          key=lambda item: (item[0], item[1]))
        bounds = token_bounds(doc)
        for length, start, entity in mentions:
            for i in tokens_at(bounds, start, start + length):
                self.entity.setdefault(i, entity)
        self.sentences = sentences
        self.sentence_starts = [s.start for s in sentences]
        self.speakers = self._quote_speakers()
        # "Y said [X is ...]": found once here for every speech rule
        self.reported_clauses = [t for t in tokens_where(doc, DEP, ("ccomp",)) if t.head.lemma_.lower() in lexicon.speech_verbs]
        # "according to X", by sentence (looked for by every relation found)
        self.according: dict[int, list[Token]] = {}
        for token in tokens_where(doc, LOWER, ("according",)):
            self.according.setdefault(self.sentence_of(token), []).append(token)
        # date phrases by their root token, in text order (Span.ents would walk all of the doc's)
        dates = sorted((ent.root.i, ent.text) for ent in doc.ents if ent.label_ == "DATE")
        self.date_roots, self.date_texts = [i for i, _ in dates], [text for _, text in dates]

    def sentence_of(self, token: Token) -> int:
        return sentence_index(self.sentence_starts, token.idx)

    def _quote_speakers(self) -> dict[int, Entity]:
        """Sentence index -> who speaks in it ('"...," X said'); a quotation carries on into the
        next sentence that has no speech verb of its own."""
        said: dict[int, Entity] = {}  # the first speech verb of a sentence with a known subject
        for token in self.doc:
            if token.lemma_.lower() in self.lexicon.speech_verbs:
                subject = next((c for c in children(token) if c.dep_ == "nsubj"), None)
                if subject is not None and subject.i in self.entity:
                    said.setdefault(self.sentence_of(token), self.entity[subject.i])
        speakers: dict[int, Entity] = {}
        previous: Entity | None = None
        for sentence in self.sentences:
            speaker = said.get(sentence.index)
            if speaker is None and sentence.text.lstrip()[:1] in "\u201c\"" and previous is not None:
                speaker = previous
            if speaker is not None:
                speakers[sentence.index] = speaker
            previous = speaker if ("\u201c" in sentence.text or '"' in sentence.text) else None
        return speakers

    def entity_of(self, token: Token | None) -> Entity | None:
        """The entity a token names: itself, an appositive name, or (for I/me in a quotation) the speaker.

        A spokesperson acts for the body they speak for ("a spokesman for X called on ...")."""
        if token is None:
            return None
        if token.i in self.entity:
            entity = self.entity[token.i]
            if entity.kind == "AnonymousSource" and self.lexicon.title_of(token.text) == "Spokesperson":
                for child in children(token):
                    pobj = next(iter(_children(child, "pobj")), None) if child.lower_ == "for" else child
                    body = self.entity.get(pobj.i) if pobj is not None else None
                    if body is not None and body.kind == "Organization":
                        return body
            return entity
        if token.text.lower() in _FIRST_PERSON:
            return self.speakers.get(self.sentence_of(token))
        # "X, who was expelled": a relative pronoun stands for the noun its clause describes
        if token.tag_ in ("WP", "WDT") and token.head.dep_ == "relcl":
            return self.entity_of(token.head.head)
        for child in children(token):
            if child.dep_ == "appos" and child.i in self.entity:
                return self.entity[child.i]
        # "Mr Brown's ambitions": what belongs to someone stands for them
        for child in children(token):
            if child.dep_ == "poss" and child.i in self.entity:
                return self.entity[child.i]
        return None


def _children(token: Token, *deps: str) -> list[Token]:
    return children(token, deps)


_conj_head = conj_head


def _subject(verb: Token) -> Token | None:
    """The subject of a verb, inherited through conjunction and open complements ("asked X to ...")."""
    for candidate in (verb, _conj_head(verb)):
        subject = next(iter(_children(candidate, "nsubj", "nsubjpass")), None)
        if subject is not None:
            return subject
    head = _conj_head(verb)
    if head.dep_ in ("xcomp", "advcl") and head.head.i != head.i:
        # "asked X to resign": the one asked is the subject of the complement (object control)
        controller = next(iter(_children(head.head, "dobj")), None)
        for prep in _children(head.head, "prep"):
            if controller is None and prep.lower_ in ("on", "upon"):
                controller = next(iter(_children(prep, "pobj")), None)  # "called on X to quit"
        if head.dep_ == "xcomp" and controller is not None and head.head.lemma_.lower() in _REQUEST_FRAMES:
            return controller
        return _subject(head.head)
    # "after criticising X, Y said": a gerund under a preposition shares the main clause's subject
    if head.dep_ == "pcomp" and head.head.dep_ == "prep" and head.head.head.pos_ in ("VERB", "AUX"):
        return _subject(head.head.head)
    # "a video of Jane Doe criticizing X", "officials backing Y": a participle after a noun says
    # what the name right before it, else the noun, does
    if head.dep_ == "acl" and head.tag_ == "VBG":
        before = head.doc[head.i - 1] if head.i else None
        return before if before is not None and before.pos_ == "PROPN" else head.head
    return None


def _is_passive(verb: Token) -> bool:
    kids = children(verb)
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in kids):
        return True
    # "the minister sacked by X": a participle after a noun, with no subject or auxiliary of its own
    # ("reports that X had sacked Y" is a finite clause of the noun, and active)
    return verb.tag_ == "VBN" and verb.dep_ == "acl" and not any(c.dep_ in ("nsubj", "aux") for c in kids)


def _agent_of_passive(verb: Token) -> Token | None:
    for agent in _children(verb, "agent"):
        return next(iter(_children(agent, "pobj")), None)
    return None


def _verb_of(token: Token) -> Token:
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i and token.dep_ not in ("advcl", "ccomp"):
        token = token.head
    return token


def _clause_words(token: Token) -> set[str]:
    """The function words of a trigger's own clause: negations, auxiliaries, markers, adverbs."""
    verb = _verb_of(token)
    chain = [token, verb, _conj_head(verb)]
    words = {c.text.lower() for t in chain for c in children(t) if c.dep_ in ("neg", "aux", "advmod", "mark")}
    clause = _conj_head(verb)
    # "no justification for me to resign", "saw no reason to quit": a clause hanging on a noun that
    # "no" denies (not on a verb: in "never called her after she resigned" she did resign)
    if clause.dep_ in ("advcl", "acl", "relcl") and clause.head.pos_ in ("NOUN", "PRON") and any(
            c.lower_ == "no" for c in children(clause.head)):
        words.add("no")
    return words


def about_candidacy(token: Token, words: frozenset[str]) -> bool:
    """Whether a trigger is about a race or candidacy: one of ``words`` ("race", "bid", "nominee")
    heads an object of the trigger or of the verb it asks for ("drop out of the race", "quit the
    race", "ended his reelection bid", "step aside as the nominee", "urged him to exit the race")."""
    heads = []
    for verb in [token] + [c for c in children(token, ("xcomp", "ccomp")) if c.pos_ in ("VERB", "AUX")]:
        heads += children(verb, ("dobj", "attr", "oprd"))
        preps = children(verb, ("prep",)) + [p for prt in children(verb, ("prt",)) for p in children(prt, ("prep",))]
        for prep in preps + [p for prep in preps for p in children(prep, ("prep",))]:  # "out of the race"
            heads += children(prep, ("pobj",))
    # "withdrew the nomination of Jane Doe" is someone else's candidacy
    return any(head.lemma_.lower() in words and not any(
        pobj.ent_type_ == "PERSON" for prep in children(head, ("prep",)) if prep.lower_ == "of"
        for pobj in children(prep, ("pobj",))) for head in heads)


def candidates_in(doc: Doc, ctx: "_Context", words: frozenset[str]) -> set[int]:
    """The people (ids of their entities) a story presents as running for office: the possessor
    or modifier of a race word ("Biden's reelection bid", "the Harris campaign", "his candidacy"),
    the one set beside or equated with one ("Doe, the nominee"), or the subject of running for
    something ("Doe is running for the Senate")."""
    found = set()
    for token in doc:
        lemma = token.lemma_.lower()
        if lemma in words and token.pos_ == "NOUN":
            people = [c for c in children(token, ("poss", "compound"))]
            if token.dep_ in ("appos", "attr"):
                people.append(token.head if token.dep_ == "appos" else next(iter(children(token.head, ("nsubj",))), token))
        elif lemma == "run" and token.pos_ == "VERB" and any(p.lower_ in ("for", "as") for p in children(token, ("prep",))):
            people = children(token, ("nsubj",))
        else:
            continue
        found |= {id(ctx.entity[p.i]) for p in people if p.i in ctx.entity and ctx.entity[p.i].kind == "Person"}
    return found


_OFFICE_ONLY = re.compile(r"(?i)\b(resign|abdicat)")


def _names_what_is_left(token: Token) -> bool:
    """Whether an exit says what is left ("resigned his seat", "stepped down as chief", "quit
    from the board"), in the trigger's clause or the one it asks for."""
    verbs = [token] + [c for c in children(token, ("xcomp", "ccomp")) if c.pos_ in ("VERB", "AUX")]
    return any(children(v, ("dobj",)) or any(p.lower_ in ("as", "from") for p in children(v, ("prep",)))
               for v in verbs)


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
    verb = _verb_of(token)
    clause = _conj_head(verb)
    if words & _NEGATIONS:
        return "negated"
    if words & _CONDITIONAL_AUX or "if" in words or "unless" in words:
        return "conditional"
    if words & _FUTURE_AUX:
        return "future"
    if any(c.lower_ == "else" for c in children(clause)):
        return "conditional"  # "resign or else be fired": a threat
    if words & _HEDGED_AUX or words & _HEDGE_ADVERBS:
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
            and clause.head.lemma_.lower() in _REQUEST_FRAMES:
        return "hedged"
    # "calls for him to resign", "a plan for her to quit": a clause on a noun, wanted, not done
    if clause.dep_ == "acl" and clause.head.pos_ == "NOUN":
        return "hedged"
    # "resigns if the report is published": a condition in a clause of its own, with no modal
    if any(mark.lower_ in ("if", "unless") for t in (verb, clause) for condition in children(t, ("advcl",))
           for mark in children(condition, ("mark",))):
        return "conditional"
    return "asserted"


def _time_of(verb: Token, article: Article, ctx: _Context) -> tuple[str | None, str | None]:
    """"on Wednesday", "in December", "in 1968": the date phrase nearest the trigger's verb, within
    its clause, and its calendar value (dates.py: relative words only when the story has a date)."""
    # a parse's subtrees are contiguous: the verb's clause is its left edge to its right edge
    roots = ctx.date_roots
    low, high = bisect_left(roots, verb.left_edge.i), bisect_right(roots, verb.right_edge.i)
    if low == high:
        return None, None
    at = bisect_left(roots, verb.i, low, high)
    nearest = min((i for i in (at - 1, at) if low <= i < high), key=lambda i: abs(roots[i] - verb.i))
    text = ctx.date_texts[nearest]
    return text, resolve_time(text, article.published)


def _attribution(token: Token, ctx: _Context) -> Entity | None:
    """Who the text says claims it: "according to X", or the subject of a speech verb above."""
    for candidate in ctx.according.get(ctx.sentence_of(token), ()):
        to = next((c for c in children(candidate) if c.lower_ == "to"), None)
        obj = next((c for c in (children(to) if to is not None else ()) if c.dep_ == "pobj"), None)
        if ctx.entity_of(obj) is not None:
            return ctx.entity_of(obj)
    # the outermost speech verb: in "Y said X told Z to go", the claim is Y's
    speaker = None
    for ancestor in token.ancestors:
        if ancestor.lemma_.lower() in ctx.lexicon.speech_verbs:
            speaker = ctx.entity_of(next(iter(_children(ancestor, "nsubj")), None)) or speaker
    return speaker or ctx.speakers.get(ctx.sentence_of(token))


# --- frames: each returns (agent token or entity, patient token or entity, trigger words) -------


def _frame_transitive(token: Token, rule: RelationRule, ctx: _Context):
    verb = token
    if rule.patient_nouns and not _is_passive(verb):
        # "expressed confidence in X": the object noun, then its preposition
        for obj in _children(verb, "dobj"):
            if obj.lemma_.lower() in rule.patient_nouns:
                for prep in _children(obj, "prep"):
                    if prep.lower_ in rule.patient_preps:
                        for pobj in _children(prep, "pobj"):
                            yield _subject(verb), pobj, f"{verb.text} {obj.text} {prep.text}"
        return
    if rule.patient_preps and not _is_passive(verb):
        for prep in _children(verb, "prep", "prt"):
            if prep.lower_ in rule.patient_preps:
                for pobj in _children(prep, "pobj"):
                    yield _subject(verb), pobj, f"{verb.text} {prep.text}"
        if "dobj" not in {c.dep_ for c in children(verb)}:
            return
    if _is_passive(verb):
        patient = next(iter(_children(verb, "nsubjpass")), None)
        agent = _agent_of_passive(verb)
        for prep in _children(verb, "prep"):
            if agent is None and prep.lower_ in rule.agent_preps:
                agent = next(iter(_children(prep, "pobj")), None)  # "expelled from the party"
        if agent is None and verb.dep_ in ("ccomp", "conj"):
            # "told X that he should resign or else be fired": the teller threatens
            teller = verb
            while teller.dep_ in ("ccomp", "conj") and teller.head.i != teller.i:
                teller = teller.head
                if teller.lemma_.lower() in _TELLING_VERBS:
                    agent = _subject(teller)
                    break
        if patient is None:
            patient = _subject(verb)
        yield agent, patient, verb.text
        return
    for obj in _children(verb, "dobj"):
        for target in [obj] + _children(obj, "conj") + _included(obj):
            yield _subject(verb), target, verb.text


def _included(noun: Token) -> list[Token]:
    """The members a noun names with "including" or "such as" ("several public figures, including
    Harris and Buttigieg"): what is done to the noun is done to each."""
    members = []
    for prep in _children(noun, "prep"):
        if prep.lower_ == "including" or (prep.lower_ == "as" and prep.nbor(-1).lower_ == "such"):
            for pobj in _children(prep, "pobj"):
                members += [pobj] + _children(pobj, "conj", "appos") + [
                    c for a in _children(pobj, "conj", "appos") for c in _children(a, "conj", "appos")]
    return members


def _frame_intransitive(token: Token, rule: RelationRule, ctx: _Context):
    body = next(iter(_children(token, "dobj")), None)  # "quit the party", "resigned the whip"
    if body is not None and ctx.entity_of(body) is None:
        # "quit his BBC One show": the body that names what was left
        body = next((t for t in body.subtree if t.i < body.i and ctx.entity.get(t.i) is not None
                     and ctx.entity[t.i].kind == "Organization"), body)
    for prep in _children(token, "prep"):
        if prep.lower_ in ("from", "as"):
            body = next(iter(_children(prep, "pobj")), None)
    if body is not None and body.lemma_.lower() in rule.candidacy_words:
        body = None  # "ended his reelection bid": a race left, not a body ("his" is who left it)
    yield _subject(token), body, token.text


def _possessor(noun: Token) -> Token | None:
    for child in children(noun):
        if child.dep_ in ("poss", "nmod") and child.pos_ in ("PRON", "PROPN"):
            return child
    for prep in _children(noun, "prep"):
        if prep.lower_ == "of":
            return next(iter(_children(prep, "pobj")), None)
    return None


def _frame_nominal(token: Token, rule: RelationRule, ctx: _Context):
    noun = token
    governors = {noun.head.lemma_.lower()} | ({noun.head.head.lemma_.lower(), noun.head.lower_}
                                              if noun.head.dep_ == "prep" else set())
    if rule.governors and not governors & set(rule.governors):
        return
    if governors & set(rule.not_governors) or (rule.not_governors and noun.head.lower_ == "for"):
        return
    patient = None
    if rule.patient_preps:
        # "support for X"; "gave his support to X" (the preposition hangs on the light verb)
        for prep in _children(noun, "prep") + (_children(noun.head, "prep", "dative") if noun.dep_ == "dobj" else []):
            if prep.lower_ in rule.patient_preps and patient is None:
                patient = next(iter(_children(prep, "pobj")), None)
    else:
        patient = _possessor(noun)
    agent = None
    agent_deps = ("compound", "nmod", "amod", "poss") if rule.patient_preps else ("compound", "nmod", "amod")
    for child in children(noun):
        if child.dep_ in agent_deps and (child.i in ctx.entity or child.dep_ == "poss") \
                and child.i != (patient.i if patient is not None else -1):
            agent = child
    for prep in _children(noun, "prep"):
        if prep.lower_ == "by":
            agent = next(iter(_children(prep, "pobj")), agent)
    if agent is None and noun.dep_ in ("dobj", "pobj", "attr"):
        governor = noun.head if noun.dep_ in ("dobj", "attr") else noun.head.head
        if governor.pos_ in ("VERB", "AUX"):
            agent = _subject(governor)  # "X voiced support for Y", "X was a critic of Y"
    if agent is None and noun.dep_ == "appos":
        agent = noun.head  # "X, a longtime critic of Y"
    if agent is None and rule.agent_fallback == "sentence_subject":
        for candidate in noun.sent:
            if candidate.dep_ == "nsubj" and candidate.i in ctx.entity and candidate.i != noun.i and \
                    ctx.entity[candidate.i].kind == "Person" and ctx.entity_of(patient) is not ctx.entity[candidate.i]:
                agent = candidate
                break
    if rule.possessor_is == "agent":
        # "the resignation of X, Y and Z": each of them
        people = [patient]
        if patient is not None:
            people += _children(patient, "conj", "appos")
            people += [c for a in _children(patient, "appos", "conj") for c in _children(a, "conj", "appos")]
        for person in people:
            yield person, None, noun.text
        return
    yield agent, patient, noun.text


def _complements(verb: Token, wanted: tuple[str, ...]) -> Iterable[Token]:
    """Verbs from ``wanted`` in the open or clausal complement of ``verb`` ("asked X to resign")."""
    for child in children(verb):
        if child.dep_ in ("xcomp", "ccomp", "advcl", "conj") or (child.dep_ == "dobj" and child.pos_ == "VERB"):
            for candidate in [child] + [c for c in children(child) if c.dep_ == "conj"]:
                lemma = candidate.lemma_.lower()
                # the particle of a phrasal verb, which the parser may also call an adverb ("step aside")
                particle = next((c.lower_ for c in children(candidate, ("prt", "advmod"))
                                 if f"{lemma} {c.lower_}" in wanted), None)
                if not (lemma in wanted or (particle and f"{lemma} {particle}" in wanted)):
                    continue
                if lemma == "go" and any(c.dep_ in _GO_COMPLEMENTS for c in children(candidate)):
                    continue  # "go public", "go ahead", "go to London" are not resignations
                if child.dep_ == "ccomp" and not any(c.lower_ in _HEDGED_AUX | {"to"} for c in children(candidate)):
                    continue  # "told X: I fell in love" reports; "told X that he should quit" asks
                yield candidate


def _frame_ask(token: Token, rule: RelationRule, ctx: _Context):
    verb = token
    for complement in _complements(verb, rule.complement):
        if rule.complement_is == "agent":
            yield _subject(verb), None, f"{verb.text} ... {complement.text}"
            continue
        patient = next(iter(_children(verb, "dobj", "dative")), None)
        for prep in _children(verb, "prep"):
            if patient is None and prep.lower_ in ("on", "upon"):
                patient = next(iter(_children(prep, "pobj")), None)  # "called on X to quit"
        if patient is None and _is_passive(verb):
            patient = next(iter(_children(verb, "nsubjpass")), None)
        if patient is None or complement.dep_ == "ccomp":
            patient = next(iter(_children(complement, "nsubj", "nsubjpass")), patient)
        if patient is None:
            patient = next(iter(_children(complement, "dobj")), None)  # "threatened to sack X"
        agent = _agent_of_passive(verb) if _is_passive(verb) else _subject(verb)
        if agent is None and _is_passive(verb):
            # "was asked to resign by X": the parser often hangs the by-phrase on the complement
            by = next((c for c in children(complement) if c.dep_ in ("prep", "agent") and c.lower_ == "by"), None)
            agent = next(iter(_children(by, "pobj")), None) if by is not None else None
        yield agent, patient, f"{verb.text} ... {complement.text}"


def _frame_call_for(token: Token, rule: RelationRule, ctx: _Context):
    verb = token
    for prep in _children(verb, "prep"):
        if prep.lower_ != "for":
            continue
        for noun in _children(prep, "pobj"):
            if noun.lemma_.lower() in rule.nouns:
                yield _subject(verb), _possessor(noun), f"{verb.text} for {noun.text}"


def _frame_request_from(token: Token, rule: RelationRule, ctx: _Context):
    noun = token
    if noun.pos_ not in ("NOUN", "PROPN"):
        return
    wanted = [c for c in noun.subtree if c.lemma_.lower() in rule.complement and c.head.i == noun.i or
              (c.lemma_.lower() in {w.split()[0] for w in rule.complement} and c.head.i == noun.i and c.dep_ in ("acl", "relcl"))]
    if not wanted:
        return
    # who made the request: "which came from X", "the request ... came from X"
    source = None
    for candidate in noun.subtree:
        if candidate.lemma_.lower() == "come":
            for prep in _children(candidate, "prep"):
                if prep.lower_ == "from":
                    source = next(iter(_children(prep, "pobj")), None)
    if source is None and noun.dep_ == "nsubj" and noun.head.lemma_.lower() == "come":
        for prep in _children(noun.head, "prep"):
            if prep.lower_ == "from":
                source = next(iter(_children(prep, "pobj")), None)
    # whom it was made to: the subject of the clause that holds the request ("he will not comply with ...")
    holder = noun.head.head if noun.dep_ == "pobj" else noun.head
    target = _subject(holder) if holder.pos_ in ("VERB", "AUX") else None
    yield source, target, f"{noun.text} ... {wanted[0].text}"
    if holder.pos_ in ("VERB", "AUX") and modality_of(holder) == "negated":
        # "he will not comply with the request": a refusal, by its target, of whoever asked
        yield _Refusal(target), source, f"{holder.text} ... {noun.text}"


@dataclass(frozen=True)
class _Refusal:
    """Marks the agent of a refusal read off a request ("will not comply with the request")."""

    who: Token | None


FRAMES = {"transitive": _frame_transitive, "intransitive": _frame_intransitive, "nominal": _frame_nominal,
          "ask": _frame_ask, "call_for": _frame_call_for, "request_from": _frame_request_from}


_EVALUATING_VERBS = {"be", "seem", "appear", "look", "sound", "become", "remain"}
# "told him he should resign or be fired" asks for an exit (the ask rules read it); it judges nothing
_LEAVING = re.compile(r"(?i)\b(resign|fired|sacked|step down|step aside|stand down|quit|go)\b")


def _evaluation(clause: Token) -> Span | None:
    """The words of a reported clause that evaluate its subject: what it is or seems ("was a
    disaster", "is a brilliant chancellor") or what it should do ("should stop this witch hunt")."""
    doc = clause.doc
    if clause.lemma_.lower() in _EVALUATING_VERBS:
        said = [c for c in children(clause, ("attr", "acomp", "oprd"))]
    elif any(c.lower_ in ("should", "must") for c in children(clause, ("aux",))) \
            and not _LEAVING.search(doc[clause.left_edge.i:clause.right_edge.i + 1].text):
        said = [clause] + children(clause, ("dobj", "prt", "advmod"))
    else:
        return None
    if not said:
        return None
    start = min(t.left_edge.i for t in said)
    end = max(t.right_edge.i for t in said) + 1
    return doc[start:end]


def _speech_relations(doc: Doc, rule: RelationRule, ctx: _Context):
    """"Y said the X administration has mishandled ...", "Y said X's handling was a disaster",
    "Y said X is a great chancellor": the speaker judges whom the reported clause is about (its
    subject, or the subject's possessor). With a `complement` list the clause must hold one of its
    words; without, the words that evaluate the subject must have the rule's stance in the
    sentiment lexicon (stance.py)."""
    wanted = set(rule.complement)
    for clause in ctx.reported_clauses:
        subject = next(iter(_children(clause, "nsubj", "nsubjpass")), None)
        if subject is None:
            continue
        if wanted:
            judged = next((t for t in clause.subtree if t.lemma_.lower() in wanted and t.i != subject.i
                           and not any(c.dep_ == "neg" for c in children(t.head))), None)
            if judged is not None:
                yield clause, _subject(clause.head), subject, f"{clause.head.text} ... {judged.text}"
            continue
        if subject.i not in ctx.entity:  # "X's handling was a disaster": the handling is X's
            subject = next(iter(_children(subject, "poss")), subject)
        evaluation = _evaluation(clause)
        if evaluation is None or subject.i not in ctx.entity:
            continue
        # a negation in the clause belongs to the evaluation ("was not a good chancellor")
        negation = " ".join(c.text for c in children(clause, ("neg",)))
        words = doc[min(evaluation.start, *(c.i for c in children(clause, ("neg",)))):evaluation.end] \
            if negation else evaluation
        if stance_of(words) == rule.predicate:
            yield clause, _subject(clause.head), subject, f"{clause.head.text} ... {' '.join(judging_words(words, rule.predicate))}"


def _ground(value, ctx: _Context) -> Entity | None:
    if value is None or isinstance(value, Entity):
        return value
    return ctx.entity_of(value)


_OBJECT_OPTIONAL = {"resigned", "refusedToResign", "withdrew"}

# Who can stand on each side of a predicate; ontology/shapes.ttl checks the same on the output.
_PERSON_SUBJECT = {"resigned", "refusedToResign", "succeeded", "reportsTo", "memberOf", "holdsPosition",
                   "heldPosition", "metWith", "withdrew"}
_PERSON_OBJECT = {"askedToResign", "fired", "threatenedToFire", "appointed", "succeeded", "reportsTo", "metWith",
                  "askedToWithdraw"}
_LEFT_KINDS = {"Organization", "Person"}


def fits(predicate: str, subject: Entity, obj: Entity | None) -> bool:
    """Whether the two parties are of the kinds the predicate joins (a body does not resign)."""
    if predicate in _PERSON_SUBJECT and subject.kind != "Person":
        return False
    if obj is None:
        return True
    if predicate in _PERSON_OBJECT:
        return obj.kind == "Person"
    if predicate == "memberOf":
        return obj.kind == "Organization"
    if predicate in _OBJECT_OPTIONAL:
        return obj.kind in _LEFT_KINDS
    return True


def extract_relations(doc: Doc, article: Article, sentences: tuple[Sentence, ...], entities: tuple[Entity, ...],
                      compiled: CompiledRules, lexicon: Lexicon) -> list[Relation]:
    """Every relation the rules find in the document, each with modality, attribution and time."""
    ctx = _Context(doc, sentences, entities, lexicon)
    found: list[tuple[Token, RelationRule, object, object, str]] = []
    for rule, token in compiled.triggers(doc):
        for agent, patient, trigger in FRAMES[rule.frame](token, rule, ctx):
            found.append((token, rule, agent, patient, trigger))
    for rule in compiled.speech_rules:
        for token, agent, patient, trigger in _speech_relations(doc, rule, ctx):
            found.append((token, rule, agent, patient, trigger))

    relations: dict[tuple, Relation] = {}
    race_words = frozenset().union(*(rule.candidacy_words for _, rule, *_ in found if rule.when_candidacy))
    running = candidates_in(doc, ctx, race_words) if race_words else set()
    for token, rule, agent_token, patient_token, trigger in found:
        refusal = isinstance(agent_token, _Refusal)
        subject = _ground(agent_token.who if refusal else agent_token, ctx)
        obj = _ground(patient_token, ctx)
        if subject is None or subject is obj:
            continue
        predicate = "refusedToResign" if refusal else rule.predicate
        # a race is not an office: leaving one, or a call to, is a withdrawal ("step aside as the
        # nominee", "urged him to drop out of the race")
        candidacy = bool(rule.candidacy_words) and about_candidacy(token, rule.candidacy_words)
        # a bare exit of someone the story has running ("Biden stepped aside", "called for him to
        # step aside") leaves the race; "stepped down as chief" names what is left, and "resign"
        # is said of an office only
        leaver = obj if rule.frame == "ask" else subject
        if not candidacy and rule.when_candidacy and leaver is not None and id(leaver) in running \
                and not _names_what_is_left(token) and not _OFFICE_ONLY.search(trigger):
            candidacy = True
        if rule.only_candidacy and not candidacy:
            continue
        if candidacy and rule.when_candidacy:
            predicate = rule.when_candidacy
        if obj is None and predicate not in _OBJECT_OPTIONAL:
            continue
        # a request is asserted once made, whatever became of it; an event noun that is the subject
        # of "was" ("his attack on X was not a stunt") is taken as having happened
        named_event = token.pos_ == "NOUN" and token.dep_ in ("nsubj", "nsubjpass") and token.head.lemma_ == "be"
        modality = "asserted" if rule.frame in ("speech", "request_from") or refusal or named_event else modality_of(token)
        # "will not step aside as the nominee" stays a negated withdrawal, not a refusal to resign
        if not candidacy and modality == "negated" and rule.when_negated and negated_itself(token):
            predicate, modality = rule.when_negated, "asserted"
        elif not candidacy and modality in _UNREAL and rule.when_unreal:
            predicate, modality = rule.when_unreal, "asserted"
        if predicate in _OBJECT_OPTIONAL and obj is not None and obj.kind not in _LEFT_KINDS:
            obj = None  # "quit the cabinet group": what was left is not a body we know
        if predicate == "resigned" and obj is None:
            # "the resignation of BBC chairman X": the body of the post named with them
            sentence = ctx.sentence_of(token)
            named = [p.organization for p in subject.posts if p.sentence == sentence and p.organization]
            held = {p.organization for p in subject.posts if p.organization}
            bodies = named or (list(held) if len(held) == 1 else [])
            obj = next((e for e in entities if e.kind == "Organization" and e.label in bodies), None)
        if not fits(predicate, subject, obj):
            continue
        time_text, event_date = _time_of(_verb_of(token), article, ctx)
        relation = Relation(predicate=predicate, subject=subject, object=obj, sentence=ctx.sentence_of(token),
                            rule=rule.id, modality=modality, trigger=trigger,
                            confidence=0.9 if rule.frame in ("transitive", "intransitive", "ask") else 0.7,
                            attributed_to=_attribution(token, ctx), time_text=time_text, event_date=event_date)
        key = (predicate, id(subject), id(obj), relation.sentence, modality)
        relations.setdefault(key, relation)
    # "refused (whom?)" adds nothing where the same refusal is known with its object
    known = {(r.predicate, id(r.subject), r.modality) for r in relations.values() if r.object is not None}
    return [r for r in relations.values()
            if r.object is not None or (r.predicate, id(r.subject), r.modality) not in known]


def relations_from_posts(entities: tuple[Entity, ...]) -> list[Relation]:
    """holdsPosition / heldPosition readings of every post, and memberOf for parties, so they carry
    evidence like the rest."""
    bodies = {e.label: e for e in entities if e.kind == "Organization"}
    out = []
    for person in entities:
        for post in person.posts:
            out.append(Relation(predicate="holdsPosition" if post.current else "heldPosition", subject=person,
                                object=bodies.get(post.organization), sentence=post.sentence, rule="post",
                                trigger=post.evidence, confidence=0.9, title=post.title))
        # membership of a party, from a party post ("Labour MP") or a party before the name
        parties = {}
        for post in person.memberships + person.posts:
            if post.party in bodies:
                parties.setdefault(post.party, post)
        for party, post in parties.items():
            out.append(Relation(predicate="memberOf", subject=person, object=bodies[party], sentence=post.sentence,
                                rule="party-membership", trigger=post.evidence, confidence=0.85))
    return out
