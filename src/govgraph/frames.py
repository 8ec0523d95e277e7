"""Frames: the grammatical roles that hold the two parties of a trigger.

Each frame of ontology/relations.yml is a function here that reads, off the dependency parse
around a trigger, who did it and to whom (transitive, intransitive, nominal, ask, call_for,
request_from), and the speech frame reads judgements from reported clauses ("Y said X's handling
was a disaster"). Each returns (agent, patient, trigger words); relations.py grounds the two in
entities and adds the modality, attribution and time.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.attrs import LOWER
from spacy.tokens import Doc, Span, Token

from .model import Entity
from .modality import HEDGED_AUX, REQUEST_FRAMES, modality_of
from .names import name_parts
from .nlp import children, conj_head, tokens_where
from .rules import RelationRule
from .stance import judging_words, stance_of

__all__ = ["FRAMES", "Refusal", "coordinated", "speech_relations"]

_TELLING_VERBS = {"tell", "warn", "inform", "threaten"}
_GO_COMPLEMENTS = {"acomp", "prt", "prep", "advmod", "xcomp", "dobj", "oprd", "attr", "ccomp", "npadvmod"}


def _children(token: Token, *deps: str) -> list[Token]:
    return children(token, deps)


_conj_head = conj_head


def author_of(noun: Token) -> Token | None:
    """Who put out a statement, letter or video: its possessor ("Doe's statement"), the subject of
    the verb whose object it is ("Doe issued a statement"), or of the clause it is set in ("in a
    letter ..., Doe said")."""
    owner = next(iter(_children(noun, "poss")), None)
    if owner is not None:
        return owner
    if noun.dep_ == "dobj":
        return _subject(noun.head)
    if noun.dep_ == "pobj" and noun.head.head.pos_ in ("VERB", "AUX"):
        return _subject(noun.head.head)
    return None


# verbs whose object takes up what their infinitive says: "appointed X to succeed Y"
_APPOINTING = {"appoint", "name", "pick", "choose", "select", "tap", "elect", "hire", "install"}
# verbs of perceiving whose object does what their bare infinitive says: "heard X attack Y"
_PERCEIVING = {"hear", "see", "watch", "witness", "observe", "notice"}


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
        if controller is None and head.head.dep_ == "relcl":
            # "X, whom Y endorsed to replace him", parsed with "whom" on the infinitive
            controller = next((o for o in _children(head, "dobj") if o.tag_ in ("WP", "WDT")), None)
        for prep in _children(head.head, "prep"):
            if controller is None and prep.lower_ in ("on", "upon"):
                controller = next(iter(_children(prep, "pobj")), None)  # "called on X to quit"
        if head.dep_ == "xcomp" and controller is not None and head.head.lemma_.lower() in REQUEST_FRAMES:
            return controller
        # "appointed Sen. X to succeed Y", "picked her to lead": the one appointed does what the
        # infinitive says (not "endorsed X to succeed him", a wish)
        if head.dep_ == "xcomp" and controller is not None and head.head.lemma_.lower() in _APPOINTING:
            return controller
        # "endorsed X to succeed him", "wants Y to win": a wish for someone named, which nobody has
        # done yet (not the wisher's act; "used his speech to attack X" is the user's)
        if head.dep_ == "xcomp" and controller is not None and controller.pos_ in ("PROPN", "PRON"):
            return None
        return _subject(head.head)
    # "the crowd heard X lambaste Y": the one perceived does what the bare infinitive says (the
    # parser makes the infinitive a clause of its own, with no subject)
    if head.dep_ in ("ccomp", "xcomp") and head.tag_ == "VB" and head.head.lemma_.lower() in _PERCEIVING \
            and not _children(head, "aux"):
        return next(iter(_children(head.head, "dobj")), None)
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
    # "was replaced as chairman by X": the parser may hang "by X" on the "as" phrase's noun
    for title in (o for prep in _children(verb, "prep") if prep.lower_ == "as" for o in _children(prep, "pobj")):
        by = next((p for p in _children(title, "prep") if p.lower_ == "by"), None)
        if by is not None:
            return next(iter(_children(by, "pobj")), None)
    return None


# --- frames: each returns (agent token or entity, patient token or entity, trigger words) -------


def _hyphen_agent(verb: Token) -> Token | None:
    """The name glued by a hyphen before a participle that describes a noun: "Ruritania" in "the
    Ruritania-backed group", "Doe" in "a Doe-appointed judge" (the noun was backed, appointed by it)."""
    doc, i = verb.doc, verb.i
    if verb.tag_ != "VBN" or verb.dep_ not in ("amod", "compound") or i < 2 or doc[i - 1].text not in _HYPHENS \
            or doc[i - 2].whitespace_ or doc[i - 1].whitespace_ or not doc[i - 2].text[:1].isupper():
        return None
    return doc[i - 2]


_HYPHENS = {"-", "\u2013", "\u2010", "\u2011"}


def _described(noun: Token) -> Token:
    """Who a noun describes: the name it is a title of ("judge Jane Doe"), the subject it is said
    of ("X is a Ruritania-backed group"), else itself."""
    if noun.dep_ == "compound" and noun.head.pos_ == "PROPN":
        return noun.head
    if noun.dep_ == "attr":
        return _subject(noun.head) or noun
    return noun


def _brushed_off(verb: Token, lexicon) -> bool:
    """A verb of putting out of a post used of brushing someone off: "dismissed X as a crank" (an
    "as" phrase that names no post, unlike "sacked X as chief of staff"), "dismissed X by saying he
    should walk away" (done by speaking)."""
    for prep in _children(verb, "prep"):
        if prep.lower_ == "as" and not any(lexicon.title_of(t.text) or lexicon.title_of(t.lemma_)
                                           or t.lemma_.lower() in lexicon.post_nouns for t in prep.subtree):
            return True
        if prep.lower_ == "by" and any(c.lemma_.lower() in lexicon.speech_verbs for c in _children(prep, "pcomp")):
            return True
    return False


def _frame_transitive(token: Token, rule: RelationRule, ctx):
    verb = token
    agent = _hyphen_agent(verb)
    if agent is not None:
        # "the Ruritania-backed rebels", "a Doe-appointed judge, Ann Lee": the noun is what the
        # name before the hyphen backed or appointed
        if not (rule.patient_preps or rule.patient_nouns or rule.sense_preps):
            yield agent, _described(verb.head), f"{agent.text}-{verb.text}"
        return
    # a verb of several senses counts in one: "challenged X over Y" judges X; "challenged X to
    # explain" dares and "challenged X for the leadership" runs against X
    if rule.sense_preps and (_children(verb, "xcomp") or not any(
            prep.lower_ in rule.sense_preps for prep in _children(verb, "prep"))):
        return
    if verb.lemma_.lower() in rule.post_sense and _brushed_off(verb, ctx.lexicon):
        return
    if rule.patient_nouns and not _is_passive(verb):
        # "expressed confidence in X": the object noun, then its preposition (which the parser
        # may hang on the verb: "took a swipe at X", "paid tribute to X")
        for obj in _children(verb, "dobj"):
            if obj.lemma_.lower() in rule.patient_nouns:
                for prep in _children(obj, "prep") + _children(verb, "prep", "dative"):
                    if prep.lower_ in rule.patient_preps:
                        for pobj in _children(prep, "pobj"):
                            yield _subject(verb), pobj, f"{verb.text} {obj.text} {prep.text}"
        return
    if rule.patient_preps and not _is_passive(verb):
        for prep in _children(verb, "prep", "prt"):
            if prep.lower_ in rule.patient_preps:
                # "turned on X" is often parsed with "on" a particle and X its object
                objects = _children(prep, "pobj") or (_children(verb, "dobj") if prep.dep_ == "prt" else [])
                for pobj in objects:
                    yield _subject(verb), pobj, f"{verb.text} {prep.text}"
        # the patient is the prepositional object only: "turned down the request", "turned over
        # files", "reported the matter to X" have objects that the rule's sense does not take
        return
    if rule.patient_preps:
        return  # "X was reported to be ...": a passive's subject is not the object of the sense's preposition
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
        if agent is None:  # "X was replaced with Y"
            agent = next((o for prep in _children(verb, "prep") if prep.lower_ in rule.replacement_preps
                          for o in _children(prep, "pobj")), None)
        if patient is None:
            patient = _subject(verb)
        yield agent, patient, verb.text
        return
    objects = _children(verb, "dobj")
    # "dismissing Trump 's remarks as satire" parsed with two objects: a name with a possessive
    # marker owns the object, and is none itself; what the object is brushed off as counts too
    owners = [o for o in objects if any(c.tag_ == "POS" for c in _children(o, "case"))]
    if owners and len(objects) > len(owners):
        if verb.lemma_.lower() in rule.post_sense and any(_brushed_off(o, ctx.lexicon) for o in objects):
            return
        objects = [o for o in objects if o not in owners]
    # "the Pope replaced X with Y": Y takes X's place, the subject only made the change
    replacement = next((o for head in [verb, *objects] for prep in _children(head, "prep")
                        if prep.lower_ in rule.replacement_preps for o in _children(prep, "pobj")), None)
    for obj in objects:
        for target in _conjuncts(obj) + _included(obj):
            yield replacement if replacement is not None else _subject(verb), target, verb.text


def _conjuncts(token: Token) -> list[Token]:
    """A word and every conjunct down its chain: "X, Y and Z", with Z parsed as Y's conjunct."""
    out, stack = [], [token]
    while stack:
        word = stack.pop()
        out.append(word)
        stack += _children(word, "conj")
    return sorted(out, key=lambda t: t.i)


def coordinated(token) -> list:
    """A party and those coordinated with it or named as included: "X and Y endorsed Z" gives X and
    Y; "Democrats, including X and Y, endorsed Z" gives the group, X and Y. Other values as they are."""
    if not isinstance(token, Token):
        return [token]
    # "he and X released a statement": a pronoun heads a list too
    if token.pos_ not in ("NOUN", "PROPN") and not (token.pos_ == "PRON" and _children(token, "conj")):
        return [token] + _included(token)  # "Many of the challengers, such as X, endorsed Z"
    if token.lemma_.lower() in _ARMS and not token.ent_type_:
        # "the support of the political arms of A, B and C": an arm acts for what it is an arm of
        inner = next((o for prep in _children(token, "prep") if prep.lower_ == "of" for o in _children(prep, "pobj")), None)
        if inner is not None:
            return coordinated(inner)
    members, stack = [], [token]
    while stack:  # "X, Y and Z": each conjunct hangs on the one before
        member = stack.pop()
        members.append(member)
        stack += [c for c in _children(member, "conj") if c.pos_ in ("NOUN", "PROPN", "PRON")]
        # "X, Y and Z" parsed with Y an appositive of X and Z a conjunct of Y: a list, not a title
        stack += [a for a in _children(member, "appos") if a.pos_ == "PROPN" and _children(a, "conj")]
        stack += [m for m in _accompanying(member) if m not in members]
    # "X endorsed Z on Monday, along with Y": set on the verb, the company joins its subject
    if token.dep_ == "nsubj":
        for company in _accompanying(token.head):  # "..., along with A, B and C": each of them
            members += [m for m in coordinated(company) if m not in members]
    return members + [m for m in _included(token) if m not in members]


_ARMS = {"arm", "wing", "branch"}


def _accompanying(noun: Token) -> list[Token]:
    """Those a noun (or a verb) names "along with" or "together with" itself ("X, along with Y,
    endorsed Z"): they do what it does."""
    withs = [w for prep in _children(noun, "prep") if prep.lower_ in ("along", "together")
             for w in _children(prep, "prep") if w.lower_ == "with"]
    withs += [prep for prep in _children(noun, "prep") if prep.lower_ == "with" and prep.i
              and prep.nbor(-1).lower_ in ("along", "together")]
    return [pobj for w in withs for pobj in _children(w, "pobj") if pobj.pos_ in ("NOUN", "PROPN")]


def _included(noun: Token) -> list[Token]:
    """The members a noun names with "including" or "such as" ("several public figures, including
    Doe and Roe"), also through a part "of" them ("many of her rivals, such as Doe"): what is done
    to the noun is done to each."""
    members = []
    # "criticized the plan, including X": a thing does not include people (the list is the
    # subject's, misattached); a group, a body or a part "of" a group does
    thing = noun.tag_ == "NN" and not noun.ent_type_
    nouns = ([] if thing else [noun]) + [o for of in _children(noun, "prep") if of.lower_ == "of"
                                         for o in _children(of, "pobj") if o.tag_ in ("NNS", "NNPS")]
    for prep in (prep for n in nouns for prep in _children(n, "prep")):
        if prep.lower_ == "including" or (prep.lower_ == "as" and prep.nbor(-1).lower_ == "such"):
            for pobj in _children(prep, "pobj"):
                members += [pobj] + _children(pobj, "conj", "appos") + [
                    c for a in _children(pobj, "conj", "appos") for c in _children(a, "conj", "appos")]
    return members


def _left_post(left: Token, lexicon) -> bool:
    """Whether an exit verb's object names a post or a body one can leave ("quit his job", "resigned
    the whip", "quit the cabinet"), not something else one stops ("quit smoking", "quit the talks")."""
    word = left.lemma_.lower()
    return (word in lexicon.post_nouns or word in lexicon.thing_nouns or word in lexicon.leader_nouns
            or word in lexicon.committee_nouns or lexicon.title_of(left.text) is not None
            or word.endswith("ship") and left.tag_ != "VBG")


def _frame_intransitive(token: Token, rule: RelationRule, ctx):
    body = next(iter(_children(token, "dobj")), None)  # "quit the party", "resigned the whip"
    if body is not None and body.i not in ctx.entity:
        # "quit his BBC One show", "quit his job at the bank": the body named with what was left
        near = [t for t in body.subtree if t.i < body.i] + [t for prep in _children(body, "prep")
                                                           for t in _children(prep, "pobj")]
        named = next((t for t in near if ctx.entity.get(t.i) is not None
                      and ctx.entity[t.i].kind == "Organization"), None)
        if named is None and body.lemma_.lower() not in rule.candidacy_words \
                and not _left_post(body, ctx.lexicon):
            return  # "quit smoking", "quit the talks": no post is left
        body = named
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


# verbs whose subject does the event their object names: "announced the appointment of Y"
_DOING = {"announce", "make", "order", "confirm", "approve", "finalize", "finalise", "complete", "authorize",
          "authorise", "sign", "effect", "carry", "push", "force", "engineer", "orchestrate", "recommend", "propose",
          "plan", "threaten", "consider", "seek"}
# verbs whose subject receives what their object names: "has the support of", "won the backing of"
_RECEIVING = {"have", "receive", "win", "gain", "get", "enjoy", "maintain", "retain", "earn", "secure", "attract",
              "command", "keep", "face", "draw"}


def _frame_nominal(token: Token, rule: RelationRule, ctx):
    noun = token
    governors = {noun.head.lemma_.lower()} | ({noun.head.head.lemma_.lower(), noun.head.lower_}
                                              if noun.head.dep_ == "prep" else set())
    if rule.governors and not governors & set(rule.governors):
        return
    if governors & set(rule.not_governors) or (rule.not_governors and noun.head.lower_ == "for"):
        return
    received = noun.dep_ == "dobj" and noun.head.lemma_.lower() in _RECEIVING
    # "X came under fire from Y": what one comes under, one receives
    under = noun.dep_ == "pobj" and noun.head.lower_ == "under" and noun.head.head.pos_ in ("VERB", "AUX")
    if rule.patient_preps and (received or under):
        # "X has the support of Y", "X won Y's endorsement", "X drew criticism from Y" (the parser
        # may hang "from Y" on the verb): the one who has it is its patient
        verb = noun.head if received else noun.head.head
        giver = next(iter(_children(noun, "poss")), None) or next(
            (pobj for prep in _children(noun, "prep") if prep.lower_ in ("of", "from")
             for pobj in _children(prep, "pobj")), None) or next(
            (pobj for prep in _children(verb, "prep") if prep.lower_ == "from" for pobj in _children(prep, "pobj")), None)
        if giver is not None:
            yield giver, _subject(verb), noun.text
        return
    patient = None
    if rule.patient_preps:
        # "support for X"; "gave his support to X" (the preposition hangs on the light verb)
        for prep in _children(noun, "prep") + (_children(noun.head, "prep", "dative") if noun.dep_ == "dobj" else []):
            if prep.lower_ in rule.patient_preps and patient is None:
                patient = next(iter(_children(prep, "pobj")), None)
    else:
        patient = _possessor(noun)
    if rule.agent_noun and patient is None:
        # "a Doe supporter", "Roe's critics": the name on a noun of the one who acts is whom
        # that one backs or attacks
        patient = next((c for c in children(noun) if c.dep_ in ("compound", "poss", "nmod") and c.i in ctx.entity), None)
    agent = None
    of_object = next((o for prep in _children(noun, "prep") if prep.lower_ == "of" for o in _children(prep, "pobj")), None)
    owner = next(iter(_children(noun, "poss")), None)
    if not rule.patient_preps and rule.possessor_is == "patient" and owner is not None and of_object is not None:
        patient, agent = of_object, owner  # "Doe's firing of Roe": the possessor acts on the object
    owner_acts = agent is not None
    agent_deps = () if rule.agent_noun else ("compound", "nmod", "amod", "poss") if rule.patient_preps \
        else ("compound", "nmod", "amod")
    for child in children(noun):
        if child.dep_ in agent_deps and (child.i in ctx.entity or child.dep_ == "poss") \
                and child.i != (patient.i if patient is not None else -1) and not owner_acts:
            agent = child
    for prep in _children(noun, "prep"):
        if prep.lower_ == "by":
            agent = next(iter(_children(prep, "pobj")), agent)
    # (through a preposition only "in" or being "on" it: "came out in support of Y", "is on the
    # attack against Y"; who "responded to the attacks on Y" or "defended Y against criticism"
    # did not make them)
    if agent is None and (noun.dep_ in ("dobj", "attr") or noun.dep_ == "pobj" and (
            noun.head.lower_ == "in" or noun.head.lower_ == "on" and noun.head.head.lemma_ in ("be", "go"))):
        governor = noun.head if noun.dep_ in ("dobj", "attr") else noun.head.head
        # "X voiced support for Y", "X was a critic of Y"; an event noun's doer only through a verb
        # of doing it ("X announced the appointment of Y", not "X welcomed the appointment of Y")
        if governor.pos_ in ("VERB", "AUX") and (rule.patient_preps or governor.lemma_.lower() in _DOING):
            agent = _subject(governor)
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
                if child.dep_ == "ccomp" and not any(c.lower_ in HEDGED_AUX | {"to"} for c in children(candidate)):
                    continue  # "told X: I fell in love" reports; "told X that he should quit" asks
                yield candidate


def _frame_ask(token: Token, rule: RelationRule, ctx):
    verb = token
    for complement in _complements(verb, rule.complement):
        # "urged him not to resign" asks him to stay; "urged him not to run" asks him out of the race
        if any(c.dep_ == "neg" for c in children(complement)) != rule.complement_negated:
            continue
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


def _frame_call_for(token: Token, rule: RelationRule, ctx):
    verb = token
    for prep in _children(verb, "prep"):
        if prep.lower_ != "for":
            continue
        for noun in _children(prep, "pobj"):
            if noun.lemma_.lower() in rule.nouns:
                yield _subject(verb), _possessor(noun), f"{verb.text} for {noun.text}"


def _frame_request_from(token: Token, rule: RelationRule, ctx):
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
        yield Refusal(target), source, f"{holder.text} ... {noun.text}"


def _frame_aide(token: Token, rule: RelationRule, ctx):
    """"Y, an aide to X", "Y is a senior adviser to X", "X's spokesman Y", "X aide Y": Y, whom the
    noun describes, works for X, whom it is of."""
    noun, doc = token, token.doc
    boss = next((pobj for prep in _children(noun, "prep") if prep.lower_ in rule.patient_preps
                 for pobj in _children(prep, "pobj")), None)
    if boss is None:
        before = doc[noun.i - 1] if noun.i else None
        boss = next(iter(_children(noun, "poss")), None) or (
            before if before is not None and before.i in ctx.entity and ctx.entity[before.i].kind == "Person" else None)
    if any(c.lower_ in ctx.lexicon.former_markers for c in children(noun)):
        return  # "his former adviser": works for him no more
    if noun.dep_ == "attr" and noun.head.lemma_ == "be":
        aide = _subject(noun.head)
    elif noun.dep_ == "appos" or noun.dep_ == "compound" and noun.head.i in ctx.entity:
        aide = noun.head
    else:
        return
    if boss is not None and aide is not None:
        yield aide, boss, noun.text


# words that make a choice only possible or hoped for ("a potential running mate")
_UNCHOSEN = {"potential", "possible", "prospective", "likely", "would-be", "future", "rumored", "rumoured"}


def _frame_chosen(token: Token, rule: RelationRule, ctx):
    """"X's running mate, Y", "Y, X's pick", "Y is X's appointee": one whom a person's choice made
    what the noun says; agent = X (the possessor, a person), patient = Y (set beside the noun or
    equated with it). "a potential running mate" or "her running mate" unnamed is no choice made."""
    noun = token
    while noun.dep_ in ("amod", "compound") and noun.head.i > noun.i:
        noun = noun.head  # "running mate": the phrase's head
    chooser = next(iter(_children(noun, "poss")), None)
    if chooser is None or chooser.i not in ctx.entity or ctx.entity[chooser.i].kind != "Person" \
            or any(c.lower_ in _UNCHOSEN for c in children(noun)):
        return
    if noun.dep_ == "appos" or noun.dep_ == "attr" and noun.head.lemma_ != "be":
        chosen = noun.head
    elif noun.dep_ == "attr":
        chosen = _subject(noun.head)
    else:
        chosen = next((c for c in _children(noun, "appos") if c.i in ctx.entity), None)
    if chosen is not None and chosen.i != chooser.i:
        yield chooser, chosen, token.doc[token.i:noun.i + 1].text


def _frame_naming(token: Token, rule: RelationRule, ctx):
    """"X called Y a liar", "X described Y as outrageous", "Y was described as a disgrace by X": what
    Y is named must have the rule's stance in the sentiment lexicon (stance.py)."""
    verb, doc = token, token.doc
    passive = _is_passive(verb)
    patient = next(iter(_children(verb, "nsubjpass" if passive else "dobj")), None)
    said = _children(verb, "oprd") + [c for prep in _children(verb, "prep") if prep.lower_ == "as"
                                      for c in children(prep) if c.dep_ in ("pobj", "amod", "acomp")]
    if patient is None or not said:
        return
    start, end = min(t.left_edge.i for t in said), max(t.right_edge.i for t in said) + 1
    agent = _agent_of_passive(verb) if passive else _subject(verb)
    by = next((t for t in doc[start:end] if t.lower_ == "by" and t.dep_ in ("prep", "agent")), None)
    if by is not None:  # "described as outrageous by X": the parser may hang "by X" on the description
        end = by.i
        if passive and agent is None:
            agent = next(iter(_children(by, "pobj")), None)
    words = doc[start:end]
    if len(words) and stance_of(words) == rule.predicate:
        yield agent, patient, f"{verb.text} ... {' '.join(judging_words(words, rule.predicate))}"


@dataclass(frozen=True)
class Refusal:
    """Marks the agent of a refusal read off a request ("will not comply with the request")."""

    who: Token | None


def _frame_adjective(token: Token, rule: RelationRule, ctx):
    """"X has been critical of Y", "X, supportive of Y, said": agent = the subject of the copula
    the adjective completes, or the noun it is set beside; patient = the object of its preposition
    (``patient_preps``), or whose it is ("critical of Y's policies", "of Y defense spending")."""
    if token.dep_ == "acomp":
        agent = _subject(token.head)
    elif token.dep_ in ("amod", "appos") and token.head.pos_ in ("NOUN", "PROPN"):
        agent = token.head
    else:
        return
    for prep in _children(token, "prep"):
        if prep.lower_ in rule.patient_preps:
            for pobj in _children(prep, "pobj"):
                if pobj.i not in ctx.entity:
                    pobj = next((c for c in children(pobj) if c.dep_ in ("poss", "compound") and c.i in ctx.entity), pobj)
                yield agent, pobj, f"{token.text} {prep.text}"


FRAMES = {"transitive": _frame_transitive, "intransitive": _frame_intransitive, "nominal": _frame_nominal,
          "ask": _frame_ask, "call_for": _frame_call_for, "request_from": _frame_request_from,
          "naming": _frame_naming, "aide": _frame_aide, "chosen": _frame_chosen, "adjective": _frame_adjective}


_EVALUATING_VERBS = {"be", "seem", "appear", "look", "sound", "become", "remain"}
# verbs whose object says how well their subject did: "had done a fantastic job", "made a
# terrible mistake"
_PERFORMING_VERBS = {"do", "make"}
# "told him he should resign or be fired" asks for an exit (the ask rules read it); it judges nothing
_LEAVING = re.compile(r"(?i)\b(resign|fired|sacked|step down|step aside|stand down|quit|go)\b")


def _evaluation(clause: Token) -> Span | None:
    """The words of a reported clause that evaluate its subject: what it is or seems ("was a
    disaster", "is a brilliant chancellor"), how it did ("did a fantastic job") or what it should
    do ("should stop this witch hunt")."""
    doc = clause.doc
    if clause.lemma_.lower() in _EVALUATING_VERBS:
        said = [c for c in children(clause, ("attr", "acomp", "oprd"))]
    elif clause.lemma_.lower() in _PERFORMING_VERBS:
        said = [c for c in children(clause, ("dobj",))]
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


def _own_words(clause: Token) -> list[Token]:
    """The words of a clause, without the clauses joined to it that have a subject of their own
    ("X is a great chancellor, but business wants ... not ... squabbles": "squabbles" is not said of X)."""
    others = {t.i for c in _children(clause, "conj") if _children(c, "nsubj", "nsubjpass") for t in c.subtree}
    return [t for t in clause.subtree if t.i not in others]


def speech_relations(doc: Doc, rule: RelationRule, ctx):
    """"Y said the X administration has mishandled ...", "Y said X's handling was a disaster",
    "Y said X is a great chancellor", '"X is a hero," Y said' and the sentences a quotation runs on
    into: the speaker judges whom the reported or quoted clause is about (its subject, or the
    subject's possessor). With a `complement` list the clause must hold one of its words (with
    ``complement_is: deed``, as the verb of what the subject did: "says Y groped her"); without,
    the words that evaluate the subject must have the rule's stance in the sentiment lexicon
    (stance.py). Yields (clause, speaker token or entity, judged token, trigger text)."""
    wanted = set(rule.complement)
    clauses = [(clause, _subject(clause.head), f"{clause.head.text} ... ") for clause in ctx.reported_clauses
               if clause.head.lemma_.lower() not in rule.not_governors]
    clauses += [(clause, speaker, "\u201c... ") for clause, speaker in ctx.quoted_clauses]
    for clause, speaker, said in clauses:
        subject = next(iter(_children(clause, "nsubj", "nsubjpass")), None)
        if subject is None:
            continue
        if wanted and rule.complement_is == "deed":
            deeds = [clause] + [c for c in clause.conjuncts if not _children(c, "nsubj", "nsubjpass")]
            judged = next((t for t in deeds if t.lemma_.lower() in wanted and t.pos_ == "VERB"
                           and not _children(t, "neg", "auxpass")), None)
            if judged is not None:
                yield clause, speaker, subject, said + judged.text
            continue
        if wanted:
            judged = next((t for t in _own_words(clause) if t.lemma_.lower() in wanted and t.i != subject.i
                           and not any(c.dep_ == "neg" for c in children(t.head))), None)
            if judged is not None:
                yield clause, speaker, subject, said + judged.text
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
            yield clause, speaker, subject, said + " ".join(judging_words(words, rule.predicate))


def _named(word: str, entities) -> Entity | None:
    """The one person or body of the story a bare name stands for: its label, an alias, or a
    person's surname ("Doe" in "pro-Doe"); None when no one or several are."""
    found = {id(e): e for e in entities if e.kind in ("Person", "Organization")
             and (word == e.label or word in e.aliases or e.kind == "Person" and name_parts(e.label)[1] == word)}
    return next(iter(found.values())) if len(found) == 1 else None


def prefix_relations(doc: Doc, rule: RelationRule, ctx):
    """"pro-Doe tech mogul X", "X, a pro-Ruritania blogger", "anti-Doe protesters": a prefix from
    the rule's `nouns` glued by a hyphen to a name of the story says what the one the phrase
    describes is for or against. Yields (trigger token, who, the named one, trigger text)."""
    for token in tokens_where(doc, LOWER, rule.nouns):
        if token.i + 2 >= len(doc) or token.whitespace_ \
                or doc[token.i + 1].text not in _HYPHENS or doc[token.i + 1].whitespace_:
            continue
        named = _named(doc[token.i + 2].text, ctx.entities)
        if named is None:
            continue
        noun = token.head  # the word the prefix describes, then the name the phrase is set before
        while noun.dep_ in ("compound", "amod") and noun.head.i > noun.i:
            noun = noun.head
        holder = noun.head if noun.dep_ == "appos" else noun  # "X, a pro-Doe blogger"
        beside = next((c for c in _children(holder, "appos") if c.i in ctx.entity), None)
        holder = beside if beside is not None else holder  # "the pro-Doe super PAC, Y Inc."
        who = ctx.entity_of(holder)
        # a person or a group described, or a body by the name beside it; "the anti-Doe
        # Republican" is a person, not the party, and "a pro-Doe PAC" no body we know
        if who is not None and (who.kind in ("Person", "Group") or beside is not None):
            yield token, holder, named, f"{token.text}-{doc[token.i + 2].text}"
