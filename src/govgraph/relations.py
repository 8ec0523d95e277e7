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
from datetime import date

from spacy.attrs import DEP, LOWER
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from .coref import quote_speakers
from .dates import resolve_time
from .model import Article, Entity, Relation, Sentence, sentence_index
from .nlp import children, named_entities, quoted_tokens, token_bounds, tokens_at, tokens_where
from .frames import FRAMES, Refusal, author_of, coordinated, prefix_relations, speech_relations
from .members import OFFICE_ONLY_VERBS, candidates_in
from .modality import UNREAL, modality_of, negated_itself, verb_of
from .rules import Lexicon, RelationRule

__all__ = ["CompiledRules", "compile_rules", "extract_relations", "relations_from_posts", "fits"]


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
    plural_nouns: PhraseMatcher | None = None  # nouns by lemma, read on plurals ("attacks on X")
    adjectives: PhraseMatcher | None = None  # adjectives in lower case ("critical of X")
    phrases: dict[int, _Phrase] = field(default_factory=dict)  # match key -> its phrase
    speech_rules: list[RelationRule] = field(default_factory=list)
    prefix_rules: list[RelationRule] = field(default_factory=list)

    def triggers(self, doc: Doc) -> list[tuple[RelationRule, Token]]:
        """Each trigger in the document with its rule, in text order (then rule order)."""
        order = {rule_id: i for i, rule_id in enumerate(self.rules)}
        strings = doc.vocab.strings
        found = [(strings[m], s) for m, s, _ in self.verbs(doc) if doc[s].pos_ not in _NOT_VERBS]
        found += [(strings[m], s) for m, s, _ in self.nouns(doc) if doc[s].pos_ in _NOUNS]
        if self.plural_nouns is not None:
            # singular nouns are matched as written ("backing", "firing" would lemmatise away from
            # the noun); a plural by its lemma: "attacks on X", "endorsements from Y"
            found += [(strings[m], s) for m, s, _ in self.plural_nouns(doc)
                      if doc[s].pos_ in _NOUNS and doc[s].tag_ in ("NNS", "NNPS")]
        if self.adjectives is not None:
            found += [(strings[m], s) for m, s, _ in self.adjectives(doc) if doc[s].pos_ == "ADJ"]
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
                             PhraseMatcher(vocab, attr="LEMMA"), PhraseMatcher(vocab, attr="LOWER"),
                             PhraseMatcher(vocab, attr="LEMMA"), adjectives=PhraseMatcher(vocab, attr="LOWER"))
    for rule in rules:
        compiled.rules[rule.id] = rule
        if rule.frame == "speech":
            compiled.speech_rules.append(rule)
            continue
        if rule.frame == "prefix":
            compiled.prefix_rules.append(rule)  # read by prefix_relations, not by a matcher
            continue
        verbs = [Doc(vocab, words=[v], lemmas=[v]) for v in rule.verbs if " " not in v]
        nouns = [Doc(vocab, words=[n]) for n in rule.nouns if " " not in n]
        if rule.adjectives:
            compiled.adjectives.add(rule.id, [Doc(vocab, words=[a]) for a in rule.adjectives])
        if verbs:
            compiled.verbs.add(rule.id, verbs)
        if nouns:
            compiled.nouns.add(rule.id, nouns)
            if not rule.agent_noun:  # "Labour supporters", "her critics" are people, not one who acts
                compiled.plural_nouns.add(rule.id, [Doc(vocab, words=[n], lemmas=[n]) for n in rule.nouns if " " not in n])
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
        self.entities = entities
        self.entity: dict[int, Entity] = {}
        # the narrowest mention wins a token: "UKIP" in "a UKIP spokesman" is the party
        mentions = sorted(((m.end - m.start, m.start, entity) for entity in entities for m in entity.mentions),
                          key=lambda item: (item[0], item[1]))
        bounds = token_bounds(doc)
        for length, start, entity in mentions:
            for i in tokens_at(bounds, start, start + length):
                self.entity.setdefault(i, entity)
        # but a group of several words is what its head word stands for: "House Democrats praised
        # X" is the group's act, though "Democrats" alone names the party
        for entity in (e for e in entities if e.kind == "Group"):
            for mention in entity.mentions:
                inside = tokens_at(bounds, mention.start, mention.end)
                if len(inside) > 1:
                    self.entity[inside[-1]] = entity
        # and a person described by a party's noun is that person: "urged the Minnesota Democrat
        # to step down" (posts.py linked the description), though "Democrat" alone names the party
        for entity in (e for e in entities if e.kind == "Person"):
            for mention in entity.mentions:
                inside = tokens_at(bounds, mention.start, mention.end)
                if len(inside) > 1 and mention.text[:4].lower() == "the " \
                        and getattr(self.entity.get(inside[-1]), "kind", None) == "Organization":
                    self.entity[inside[-1]] = entity
        self.sentences = sentences
        self.sentence_starts = [s.start for s in sentences]
        self.speakers = quote_speakers(doc, sentences, self.entity, lexicon)
        # "Y said [X is ...]": found once here for every speech rule
        self.reported_clauses = [t for t in tokens_where(doc, DEP, ("ccomp",)) if t.head.lemma_.lower() in lexicon.speech_verbs]
        # '"Jane Doe has shown real leadership. She is a hero," Roe said': a clause inside the
        # quotation marks of a sentence whose speaker is known is said by that speaker too
        quoted, reported = quoted_tokens(doc), {t.i for t in self.reported_clauses}
        self.quoted_clauses: list[tuple[Token, Entity]] = []
        for subject in tokens_where(doc, DEP, ("nsubj", "nsubjpass")):
            clause, speaker = subject.head, self.speakers.get(self.sentence_of(subject))
            # a main clause about someone, not "a government that has wasted ..." (a description)
            if speaker is not None and subject.i in quoted and clause.i in quoted and clause.i not in reported \
                    and clause.dep_ in ("ROOT", "conj", "ccomp") and subject.tag_ not in ("WDT", "WP", "DT", "EX"):
                self.quoted_clauses.append((clause, speaker))
        # "according to X", by sentence (looked for by every relation found)
        self.according: dict[int, list[Token]] = {}
        for token in tokens_where(doc, LOWER, ("according",)):
            self.according.setdefault(self.sentence_of(token), []).append(token)
        # date phrases by their root token, in text order (Span.ents would walk all of the doc's)
        dates = sorted((ent.root.i, ent.text) for ent in named_entities(doc) if ent.label_ == "DATE")
        self.date_roots, self.date_texts = [i for i, _ in dates], [text for _, text in dates]

    def sentence_of(self, token: Token) -> int:
        return sentence_index(self.sentence_starts, token.idx)

    def entity_of(self, token: Token | None, possessor: bool = True) -> Entity | None:
        """The entity a token names: itself (I/me in a quotation is its speaker, coref.py), an appositive name;
        with ``possessor``, also the owner of what it names ("Mr Roe's ambitions").

        A spokesperson acts for the body they speak for ("a spokesman for X called on ...")."""
        if token is None:
            return None
        if token.i in self.entity:
            entity = self.entity[token.i]
            if entity.kind == "AnonymousSource" and self.lexicon.title_of(token.text) == "Spokesperson":
                for child in children(token):
                    pobj = next(iter(children(child, ("pobj",))), None) if child.lower_ == "for" else child
                    body = self.entity.get(pobj.i) if pobj is not None else None
                    if body is not None and body.kind == "Organization":
                        return body
            return entity
        # "X, who was expelled": a relative pronoun stands for the noun its clause describes
        if token.tag_ in ("WP", "WDT") and token.head.dep_ == "relcl":
            return self.entity_of(token.head.head)
        for child in children(token):
            if child.dep_ == "appos" and child.i in self.entity:
                return self.entity[child.i]
        # "Mr Roe's ambitions": what belongs to someone stands for them (not their kin: "the ire
        # of the president's family" is the family's)
        for child in (children(token) if possessor and token.lemma_.lower() not in self.lexicon.kin_nouns else ()):
            if child.dep_ == "poss" and child.i in self.entity:
                return self.entity[child.i]
        return None


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


# a trigger that says resign or abdicate is about an office, whoever is running
_OFFICE_ONLY = re.compile(r"(?i)\b(" + "|".join(verb.rstrip("e") for verb in sorted(OFFICE_ONLY_VERBS)) + ")")


def _names_what_is_left(token: Token, asking: bool = False) -> bool:
    """Whether an exit says what is left ("resigned his seat", "stepped down as chief", "quit
    from the board"), in the trigger's clause or the one it asks for. The object of a verb of
    asking is whom it asks ("urged Doe to step aside"), not what is left."""
    verbs = [] if asking else [token]
    verbs += [c for c in children(token, ("xcomp", "ccomp")) if c.pos_ in ("VERB", "AUX")]
    return any(children(v, ("dobj",)) or any(p.lower_ in ("as", "from") for p in children(v, ("prep",)))
               for v in verbs)


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
            speaker = ctx.entity_of(next(iter(children(ancestor, ("nsubj",))), None)) or speaker
    return speaker or ctx.speakers.get(ctx.sentence_of(token))


# nouns of quantity, through which "of" reaches the ones who act: "the backing of hundreds of
# Democratic officials", "backed by a majority of Tory MPs"
_QUANTITIES = {"majority", "minority", "number", "handful", "group", "host", "dozen", "dozens", "hundred",
               "hundreds", "thousand", "thousands", "score", "scores", "most", "many", "some", "several",
               "all", "half", "third", "quarter", "raft", "slew", "bloc"}


def _ground(value, ctx: _Context) -> Entity | None:
    if value is None or isinstance(value, Entity):
        return value
    found = ctx.entity_of(value)
    if found is None and (value.lower_ in _QUANTITIES or value.ent_type_ == "CARDINAL"):
        inner = next((o for prep in children(value, ("prep",)) if prep.lower_ == "of"
                      for o in children(prep, ("pobj",))), None)
        return _ground(inner, ctx) if inner is not None else None
    return found


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
            if isinstance(agent, Token) and agent.lemma_.lower() in lexicon.speech_nouns:
                agent = author_of(agent) or agent  # "issued a statement condemning X": the issuer condemns
            found += [(token, rule, one, patient, trigger) for one in coordinated(agent)]
    for rule in compiled.speech_rules:
        for token, agent, patient, trigger in speech_relations(doc, rule, ctx):
            found.append((token, rule, agent, patient, trigger))
    for rule in compiled.prefix_rules:
        for token, agent, patient, trigger in prefix_relations(doc, rule, ctx):
            found.append((token, rule, agent, patient, trigger))

    relations: dict[tuple, Relation] = {}
    race_words = frozenset().union(*(rule.candidacy_words for _, rule, *_ in found if rule.when_candidacy))
    running = candidates_in(doc, ctx.entity, race_words) if race_words else set()
    # one the story has leave a race ("Doe's exit from the race") was running in it: a bare exit
    # of theirs elsewhere ("hours after Doe stepped down") is the same withdrawal
    running |= {id(leaver) for token, rule, agent_token, _, _ in found
                if rule.when_candidacy and rule.frame != "ask" and not isinstance(agent_token, Refusal)
                and about_candidacy(token, rule.candidacy_words) and (leaver := _ground(agent_token, ctx)) is not None}
    for token, rule, agent_token, patient_token, trigger in found:
        refusal = isinstance(agent_token, Refusal)
        subject = _ground(agent_token.who if refusal else agent_token, ctx)
        # one is fired, appointed or asked to go in person: "dismissed Doe's remarks" or
        # "sacked Roe's aide" does nothing to Doe or Roe
        obj = ctx.entity_of(patient_token, possessor=False) \
            if rule.predicate in _PERSON_OBJECT and isinstance(patient_token, Token) else _ground(patient_token, ctx)
        if subject is None or subject is obj:
            continue
        predicate = "refusedToResign" if refusal else rule.predicate
        # a race is not an office: leaving one, or a call to, is a withdrawal ("step aside as the
        # nominee", "urged him to drop out of the race")
        candidacy = bool(rule.candidacy_words) and about_candidacy(token, rule.candidacy_words)
        # a bare exit of someone the story has running ("Doe stepped aside", "called for him to
        # step aside") leaves the race; "stepped down as chief" names what is left, and "resign"
        # is said of an office only
        leaver = obj if rule.frame == "ask" else subject
        if not candidacy and rule.when_candidacy and leaver is not None and id(leaver) in running \
                and not _names_what_is_left(token, asking=rule.frame == "ask") and not _OFFICE_ONLY.search(trigger):
            candidacy = True
        if rule.only_candidacy and not candidacy:
            continue
        if candidacy and rule.when_candidacy:
            predicate = rule.when_candidacy
        if obj is None and predicate not in _OBJECT_OPTIONAL:
            continue
        # a request is asserted once made, whatever became of it; an event noun that is the subject
        # of "was" ("his attack on X was not a stunt") is taken as having happened; a judgement is
        # as real as its saying ("failed to note that X lied" judges no one)
        # ("his resignation would be a disaster" or "is unlikely" stays unreal)
        named_event = token.pos_ == "NOUN" and token.dep_ in ("nsubj", "nsubjpass") and token.head.lemma_ == "be"
        modality = modality_of(token.head) if rule.frame == "speech" else modality_of(token)
        if rule.frame in ("prefix", "chosen"):
            # "pro-Kremlin blogger X", "X's running mate, Y" describe, whatever the clause says
            modality = "asserted"
        if rule.frame == "request_from" or refusal or named_event and modality in ("asserted", "negated"):
            modality = "asserted"
        # "will not step aside as the nominee" stays a negated withdrawal, not a refusal to resign
        if not candidacy and modality == "negated" and rule.when_negated and negated_itself(token):
            predicate, modality = rule.when_negated, "asserted"
        elif not candidacy and modality in UNREAL and rule.when_unreal:
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
        time_text, event_date = _time_of(verb_of(token), article, ctx)
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
