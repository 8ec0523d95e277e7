"""Party membership from what a story says of people: the members a phrase names ("X, a Democratic
lawmaker", "Republicans, including X and Y", "X won the Republican nomination", "X joined the
Greens"), the party before a name ("Labour's X", "Tory X"), and a party's member described but not
named ("the California Democrat said"). A part of the posts stage (posts.py), which calls it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.attrs import DEP, LEMMA, LOWER
from spacy.tokens import Doc, Span, Token

from .modality import modality_of
from .model import Entity, sentence_index
from .nlp import children, tokens_where, whole_entity
from .rules import Lexicon, OrgChart

if TYPE_CHECKING:
    from .posts import _Index

__all__ = ["party_of_phrase", "party_before", "party_descriptions", "listed_members", "phrase_members",
           "candidates_in", "OFFICE_ONLY_VERBS"]

# "X is / became / remains a Labour activist": the verbs that say what someone is
_COPULAS = {"be", "become", "remain"}


def party_of_phrase(head: Token, index: _Index, orgchart: OrgChart, named: bool = False) -> Entity | None:
    """The party a noun phrase's head or one of its modifiers names ("Democrats", "Democratic leaders");
    with ``named``, only by its name ("the Republican nominee", not "a major party nominee") or as
    "the party" itself, which refers back to the party the story last named."""
    modifiers = children(head, ("amod", "compound", "nmod"))
    # "Democratic Senate candidates": the party may modify the noun's own modifier
    modifiers += [m for c in modifiers if c.dep_ == "compound" for m in children(c, ("amod", "compound"))]
    for token in [head] + modifiers:
        body = index.body.get(token.i)
        if body is not None and orgchart.is_party(body.label) and (
                not named or token.text[:1].isupper()
                or token is head and any(c.lower_ == "the" for c in children(token, ("det",)))):
            return body
    return None


def party_descriptions(doc: Doc, index: _Index, orgchart: OrgChart, starts: list[int]
                        ) -> list[tuple[Token, Entity, Entity, str | None]]:
    """"the California Democrat said", "the Tory": a party's member described, not named. The
    description refers to the subject of the sentence before, or else to the person named nearest
    before it within two sentences, never to one the story puts in another party. Returns the
    description's head, the person, the party and the place it names."""
    found = []
    persons = sorted(index.person)
    for i, body in index.body.items():
        token = doc[i]
        # a member's noun ("Democrat", "Tory"), not the party's name ("the Democratic Party", "the GOP")
        if not orgchart.is_party(body.label) or token.tag_ != "NNP" or token.text.isupper() \
                or index.body.get(i - 1) is body or index.body.get(i + 1) is body \
                or token.dep_ in ("compound", "amod", "poss", "nmod") \
                or not any(c.lower_ == "the" for c in children(token, ("det",))):
            continue
        sentence = sentence_index(starts, token.idx)
        before = [index.person[j] for j in persons if j < token.left_edge.i
                  and sentence_index(starts, doc[j].idx) >= sentence - 2]
        eligible = [p for p in before if all(m.party in (None, body.label) for m in p.memberships)]
        subjects = [index.person[j] for j in persons if doc[j].dep_ in ("nsubj", "nsubjpass")
                    and sentence_index(starts, doc[j].idx) == sentence - 1]
        person = next((p for p in subjects if p in eligible), eligible[-1] if eligible else None)
        if person is None:
            continue
        place = next((whole_entity(c).text for c in children(token, ("compound", "amod"))
                      if c.ent_type_ in ("GPE", "LOC")), None)
        found.append((token, person, body, place))
    return found


def listed_members(doc: Doc, index: _Index, orgchart: OrgChart) -> list[tuple[Entity, Entity, Span]]:
    """People named in a list that a plural appositive gives a party: "Doe and Roe, the
    top two Democrats in Congress" / "..., the Democratic leaders" make each a member. The list
    is the names, titles, "and" and commas right before the appositive's comma."""
    found = []
    for appos in tokens_where(doc, DEP, ("appos",)):
        if appos.tag_ not in ("NNS", "NNPS") or appos.left_edge.i < 2 or doc[appos.left_edge.i - 1].text != ",":
            continue
        party = party_of_phrase(appos, index, orgchart)
        if party is None:
            continue
        people, i = [], appos.left_edge.i - 2
        while i >= appos.sent.start and (i in index.person or doc[i].pos_ == "PROPN" or doc[i].lower_ in ("and", ",")):
            if i in index.person and index.person[i] not in people:
                people.append(index.person[i])
            i -= 1
        if len(people) > 1:
            evidence = doc[i + 1:appos.right_edge.i + 1]
            found += [(person, party, evidence) for person in reversed(people)]
    # "four House Democrats - Reps. X and Y - said": names in apposition to a party's people
    for group in sorted({doc[i].head for i in index.person if doc[i].dep_ == "appos"}, key=lambda t: t.i):
        party = party_of_phrase(group, index, orgchart) if group.tag_ in ("NNS", "NNPS") else None
        if party is None or group.i in index.person:
            continue
        for name in (c for c in children(group, ("appos",)) if c.i in index.person):
            for member in [name] + [c for c in name.conjuncts if c.i > name.i and c.i in index.person]:
                found.append((index.person[member.i], party, doc[group.left_edge.i:member.i + 1]))
    return found


# a party's contest for its candidate, the verbs whose subject is in it ("won the Democratic
# nomination", "entered the Republican primary") and the nouns of someone's part in it ("her
# campaign for the Democratic nomination", "propelled X to victory in the Republican primary")
_CONTESTS = ("nomination", "primary", "primaries")
_SEEKING = {"seek", "win", "secure", "clinch", "accept", "capture", "lock", "pursue", "seal", "claim", "earn",
            "enter", "lose", "contest"}
_NOMINATES = ("nominate", "renominate")
_BIDS = {"campaign", "bid", "run", "push", "race", "victory", "quest", "fight"}


def _contestant(contest: Token) -> Token | None:
    """The token of whoever seeks the party contest ``contest`` names: the subject of a verb of
    seeking it, the object or subject of the verb it is "for", "to" or "in" ("endorsed X for the
    nomination", "is marching toward the nomination"), or the owner of a bid for it ("Doe's campaign
    for the nomination", "the push by Doe for", "propelled Doe to victory in the primary")."""
    if contest.dep_ == "dobj":
        # "was working to seal the nomination", "X, who secured enough votes to win the
        # nomination": the subject of the clause the verb completes, or the one "who" stands for
        return _doer(contest.head) if contest.head.lemma_.lower() in _SEEKING else None
    bid = contest.head if contest.dep_ == "compound" else None  # "her GOP primary campaign"
    if contest.dep_ == "pobj" and contest.head.lower_ in ("for", "to", "toward", "towards", "in"):
        holder = contest.head.head
        if holder.pos_ in ("VERB", "AUX"):
            return next(iter(children(holder, ("dobj",))), None) or _doer(holder)
        bid = holder
    if bid is None or bid.lemma_.lower() not in _BIDS:
        return None
    owner = next(iter(children(bid, ("poss",))), None) or next(
        (o for prep in children(bid, ("prep",)) if prep.lower_ == "by" for o in children(prep, ("pobj",))), None)
    if owner is None and bid.dep_ == "pobj" and bid.head.head.pos_ == "VERB":
        owner = next(iter(children(bid.head.head, ("dobj",))), None)  # "propelled Doe to victory in"
    return owner


# verbs of running in an election under a party's colours ("ran as a Democrat", "stood as a Tory")
_RUNNING = {"run", "stand", "campaign"}
_STANDING = {"run", "stand", "contest"}  # "for" a party (campaigning for one is no membership)


def _named_as(noun: Token) -> Token | None:
    """Whom "as" + ``noun`` describes: the word "as" hangs on ("Doe as the nominee"; the object of
    a "with" it hangs on, "with Doe as the nominee, ..."), else, on a verb, its object, the one it
    is "with" ("rallied with Doe as the nominee") or its subject ("Doe spoke as the nominee")."""
    head = noun.head.head
    if head.pos_ == "ADP" and head.lower_ == "with":  # "with Doe as the nominee, ..." opening a clause
        return next(iter(children(head, ("pobj",))), None)
    if head.pos_ not in ("VERB", "AUX"):
        return head
    return next(iter(children(head, ("dobj",))), None) \
        or next((o for prep in children(head, ("prep",)) if prep.lower_ == "with" for o in children(prep, ("pobj",))), None) \
        or next(iter(children(head, ("nsubj", "nsubjpass"))), None)


def _doer(verb: Token) -> Token | None:
    """Who does what a verb says: its subject, the noun a relative clause's "who" stands for, or the
    subject of the clause it completes ("quit Labour to join the Greens")."""
    subject = next(iter(children(verb, ("nsubj",))), None)
    if subject is not None:
        return verb.head if subject.tag_ in ("WP", "WDT") and verb.dep_ == "relcl" else subject
    if verb.dep_ in ("xcomp", "advcl", "conj") and verb.head.i != verb.i:
        return _doer(verb.head)
    return None


def _joined_party(verb: Token, joining: frozenset[str], index: _Index, orgchart: OrgChart
                  ) -> tuple[Entity, Token] | None:
    """The party a verb of joining takes, and the word that names it: "joined the Greens",
    "defected to the Conservatives"."""
    lemma = verb.lemma_.lower()
    objects = []
    for phrase in joining:
        words = phrase.split()
        if words[0] != lemma:
            continue
        if len(words) == 1:
            objects += children(verb, ("dobj",))
        else:
            objects += [o for prep in children(verb, ("prep",)) if prep.lower_ == words[-1] for o in children(prep, ("pobj",))]
    return next(((party, o) for o in objects if (party := party_of_phrase(o, index, orgchart, named=True))), None)


def phrase_members(doc: Doc, index: _Index, orgchart: OrgChart, lexicon: Lexicon) -> list[tuple[Entity, Entity, Span]]:
    """People a phrase puts in a party: "X is one of the most influential Democratic lawmakers",
    "X, one of Labour's senior figures", "Republicans, including X and Y", "X won the Republican
    nomination". Each is a (person, party, evidence) triple."""
    found = []

    def person_at(token: Token | None) -> Entity | None:
        return index.person.get(token.i) if token is not None else None

    def party_of(group: Token) -> Entity | None:
        # the group's own words, a possessive ("Labour's"), or what it is of ("members of Democratic leadership")
        of = [o for prep in children(group, ("prep",)) if prep.lower_ == "of" for o in children(prep, ("pobj",))]
        for token in [group] + children(group, ("poss",)) + of:
            party = party_of_phrase(token, index, orgchart)
            if party is not None:
                return party
        return None

    for one in (t for t in tokens_where(doc, LOWER, ("one",)) if t.dep_ in ("attr", "appos")):
        group = next((o for prep in children(one, ("prep",)) if prep.lower_ == "of"
                      for o in children(prep, ("pobj",)) if o.tag_ in ("NNS", "NNPS")), None)
        party = party_of(group) if group is not None else None
        if party is None:
            continue
        person = person_at(one.head) if one.dep_ == "appos" else \
            person_at(next(iter(children(one.head, ("nsubj",))), None)) if one.head.lemma_ == "be" else None
        if person is not None:
            found.append((person, party, doc[one.i:group.right_edge.i + 1]))
    # "Republicans, including X and Y", "Labour MPs such as X", "Senate Republicans like X"
    listing = [t for t in tokens_where(doc, LOWER, ("including",)) if t.dep_ == "prep"] + [
        t for t in tokens_where(doc, LOWER, ("as",)) if t.dep_ == "prep" and any(c.lower_ == "such" for c in children(t))] + [
        t for t in tokens_where(doc, LOWER, ("like",)) if t.dep_ == "prep" and t.head.tag_ in ("NNS", "NNPS")
        and t.head.dep_ != "ROOT"]  # "Republicans like X" (not "Democrats like X." misparsed)
    for including in listing:
        group = including.head
        if group.tag_ == "NN" and not group.ent_type_ and group.dep_ in ("dobj", "pobj"):
            group = group.head if group.dep_ == "dobj" else group.head.head  # "criticized the plan, including X"
        if group.pos_ in ("VERB", "AUX"):
            # "Democratic officials have rallied behind X, including Y and Z": the list hangs on
            # the verb but names its subject's people (unless an object is a group it could name)
            subjects = children(group, ("nsubj",))
            objects = [c for c in children(group, ("dobj",)) if c.tag_ in ("NNS", "NNPS")]
            group = subjects[0] if subjects and not objects else group
        party = party_of(group)
        first = next(iter(children(including, ("pobj",))), None)
        if party is None or first is None:
            continue
        for member in [first] + [c for c in first.subtree if c.dep_ in ("conj", "appos") and c.pos_ == "PROPN"]:
            if person_at(member) is not None:
                found.append((person_at(member), party, doc[min(group.left_edge.i, including.i):member.i + 1]))
    # "X won the Republican nomination", "endorsed X for the Democratic nomination", "X entered the
    # Democratic primary", "her campaign for the Republican nomination": who seeks a party's
    # nomination stands for the party named
    for contest in tokens_where(doc, LOWER, _CONTESTS):
        party, holder = party_of_phrase(contest, index, orgchart, named=True), _contestant(contest)
        if party is not None and person_at(holder) is not None:
            found.append((person_at(holder), party, doc[min(holder.i, contest.i):max(holder.i, contest.i) + 1]))
    # "the Republican ticket of X and Y", "her Democratic ticket": who is on a party's ticket stands for it
    for ticket in tokens_where(doc, LOWER, ("ticket",)):
        party = party_of_phrase(ticket, index, orgchart, named=True)
        owners = [o for prep in children(ticket, ("prep",)) if prep.lower_ == "of" for o in children(prep, ("pobj",))]
        for owner in (owners + list(children(ticket, ("poss",)))) if party is not None else ():
            for member in [owner] + [c for c in owner.subtree if c.dep_ == "conj" and c.pos_ == "PROPN"]:
                if person_at(member) is not None:
                    found.append((person_at(member), party, doc[min(ticket.left_edge.i, member.i):max(ticket.i, member.i) + 1]))
    # "For the Liberal Democrats, X said", "X, for the Tories, attacked ...", "X, of Plaid Cymru,
    # called ...": a party phrase set off by commas beside a name or its verb says whom X speaks
    # for ("X voted for the Tories", not set off, says nothing of X's party)
    for prep in (t for t in tokens_where(doc, LOWER, ("for", "of")) if t.dep_ == "prep"):
        party = next((party_of_phrase(o, index, orgchart, named=True) for o in children(prep, ("pobj",))), None)
        edge = max([prep.i] + [t.i for t in prep.subtree])
        set_off = (prep.i == 0 or doc[prep.i - 1].text == "," or doc[prep.i - 1].is_sent_start
                   or prep.is_sent_start) and edge + 1 < len(doc) and doc[edge + 1].text == ","
        if party is None or not set_off:
            continue
        holder = prep.head if prep.head.i in index.person else next(
            (s for s in children(prep.head, ("nsubj",)) if prep.lower_ == "for" and prep.head.pos_ in ("VERB", "AUX")), None)
        if person_at(holder) is not None:
            found.append((person_at(holder), party, doc[min(holder.i, prep.i):max(holder.i, edge) + 1]))
    # "Republican delegates nominated X", "X was nominated by the Democrats": whom a party or its
    # people nominate, or will, stands for it (not one they may or should nominate)
    for verb in (t for t in tokens_where(doc, LEMMA, _NOMINATES) if t.pos_ == "VERB" and modality_of(t) in ("asserted", "future")):
        agent = next((o for a in children(verb, ("agent",)) for o in children(a, ("pobj",))), None)
        subject = agent if agent is not None else next(iter(children(verb, ("nsubj",))), None)
        nominee = next(iter(children(verb, ("nsubjpass",) if agent is not None else ("dobj",))), None)
        party = party_of(subject) if subject is not None else None
        if party is not None and person_at(nominee) is not None:
            found.append((person_at(nominee), party, doc[min(subject.left_edge.i, nominee.i):max(subject.i, nominee.right_edge.i) + 1]))
    # "X, a Democratic lawmaker", "X is a Labour activist", "X, a member of the Green Party": a
    # noun of a party's people said of a person (one, not "X and Y, both Labour members")
    for noun in tokens_where(doc, LEMMA, lexicon.member_nouns):
        beside = _named_beside(noun, index)
        if (noun.dep_ not in ("appos", "attr") and beside is None) or noun.tag_ not in ("NN", "NNP"):
            continue
        party = party_of_phrase(noun, index, orgchart, named=True) or next(
            (p for prep in children(noun, ("prep",)) if prep.lower_ == "of"
             for p in (party_of_phrase(o, index, orgchart, named=True) for o in children(prep, ("pobj",))) if p), None)
        if party is None:
            continue
        if beside is not None:
            holder = beside  # "A Democratic lawmaker, X, said"
        elif noun.dep_ == "appos":
            holder = noun.head
        elif noun.head.lemma_.lower() in _COPULAS and modality_of(noun.head) == "asserted":
            holder = _doer(noun.head)
        else:
            continue
        if person_at(holder) is not None:
            found.append((person_at(holder), party, doc[min(holder.i, noun.left_edge.i):max(holder.i, noun.right_edge.i) + 1]))
    # "X is a Republican", "X, who became a Democrat": a party's member noun said of a person
    for i, body in index.body.items():
        noun = doc[i]
        if noun.dep_ == "attr" and noun.tag_ == "NNP" and orgchart.is_party(body.label) \
                and noun.head.lemma_.lower() in _COPULAS and modality_of(noun.head) == "asserted":
            holder = _doer(noun.head)
            if person_at(holder) is not None:
                found.append((person_at(holder), body, doc[min(holder.i, noun.left_edge.i):max(holder.i, noun.i) + 1]))
    # "X joined the Greens in 1990", "X, who defected to the Conservatives": who joins a party is
    # in it (not who would, or refused to)
    first_words = {phrase.split()[0] for phrase in lexicon.joining_verbs}
    for verb in (t for t in tokens_where(doc, LEMMA, first_words) if t.pos_ == "VERB" and modality_of(t) == "asserted"):
        joined, holder = _joined_party(verb, lexicon.joining_verbs, index, orgchart), _doer(verb)
        if joined is not None and person_at(holder) is not None:
            party, named = joined
            found.append((person_at(holder), party, doc[min(holder.i, verb.i):max(holder.i, named.i) + 1]))
    # "X, the presumptive Democratic nominee", "made X the Republican candidate": a party's nominee
    # or candidate stands for it
    for nominee in tokens_where(doc, LOWER, ("nominee", "candidate")):
        beside = _named_beside(nominee, index)
        named_as = _named_as(nominee) if nominee.dep_ == "pobj" and nominee.head.lower_ == "as" else None
        if nominee.dep_ not in ("attr", "appos", "oprd", "ccomp") and beside is None and named_as is None:
            continue
        party = party_of_phrase(nominee, index, orgchart, named=True)
        if beside is not None:
            holder = beside  # "The Democratic nominee, X, said"
        elif named_as is not None:
            holder = named_as
        elif nominee.dep_ == "appos":
            holder = nominee.head
        elif nominee.dep_ == "ccomp":  # "made [X the nominee]", parsed as a clause of its own
            holder = next(iter(children(nominee, ("nsubj",))), None)
        else:
            holder = next(iter(children(nominee.head, ("dobj",) if nominee.dep_ == "oprd" else ("nsubj", "nsubjpass"))), None)
            if holder is not None and holder.tag_ in ("WP", "WDT") and nominee.head.dep_ == "relcl":
                holder = nominee.head.head  # "X, who is now the Democratic nominee"
        if party is not None and person_at(holder) is not None:
            found.append((person_at(holder), party, doc[min(holder.i, nominee.left_edge.i):max(holder.i, nominee.i) + 1]))
    # "X and fellow Democrats", "X praised fellow Tory MP Y", "his fellow Republicans": one whose
    # fellows are a party's people is one of them - the possessor, or whoever does what the
    # clause says ("Doe, who faces concerns from fellow Democrats")
    for fellow in (t for t in tokens_where(doc, LOWER, ("fellow",)) if t.dep_ in ("amod", "compound")):
        group = fellow.head
        party = party_of(group) or next(
            (p for t in doc[fellow.i + 1:group.i] if (p := party_of_phrase(t, index, orgchart, named=True))), None)
        if party is None:
            continue
        holder = next(iter(children(group, ("poss",))), None)
        if holder is None and group.dep_ == "conj" and group.head.i in index.person:
            holder = group.head  # "X and fellow Democrats"
        elif holder is None:
            head = group
            while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
                head = head.head
            holder = _doer(head)
        if person_at(holder) is not None and person_at(holder) is not person_at(group):
            found.append((person_at(holder), party, doc[min(holder.i, fellow.i):max(holder.i, group.i) + 1]))
    # "X is running as a Democrat", "X ran as the Republican candidate", "stood as a Labour
    # candidate", "stood for Labour in Leeds": whom one runs for, one is in (not "plans to run as ...")
    for prep in (t for t in tokens_where(doc, LOWER, ("as", "for")) if t.dep_ == "prep"
                and t.head.lemma_.lower() in (_RUNNING if t.lower_ == "as" else _STANDING)
                and t.head.pos_ == "VERB" and modality_of(t.head) == "asserted"):
        party = next((p for o in children(prep, ("pobj",)) if (p := party_of_phrase(o, index, orgchart, named=True))), None)
        holder = _doer(prep.head)
        if party is not None and person_at(holder) is not None:
            found.append((person_at(holder), party, doc[min(holder.i, prep.i):prep.right_edge.i + 1]))
    return found


def _named_beside(noun: Token, index: _Index) -> Token | None:
    """The person named in apposition after a description: "The Democratic nominee, X, said" (not
    after what someone becomes or is: "If Y becomes the nominee, X, ..." may be a misparse)."""
    before = noun.left_edge.i - 1
    if noun.dep_ in ("attr", "oprd", "acomp") or before >= 0 and noun.doc[before].lemma_ in ("be", "become"):
        return None
    return next((c for c in children(noun, ("appos",)) if c.i > noun.i and c.i in index.person), None)


def party_before(doc: Doc, first: int, name: Token, index: _Index, orgchart: OrgChart) -> int | None:
    """The token of the party named in the words that lead up to a name within its noun phrase
    ("Republican vice presidential nominee Sen. X"), or its possessor ("Labour's X"); the words
    stop at a determiner, a possessive or punctuation, so "Roe's Democratic rival X" gives X
    Democratic and nothing of Roe's. A hyphenated party ("anti-Labour campaigner") is no membership."""
    def party_at(i: int) -> bool:
        body = index.body.get(i)
        return body is not None and orgchart.is_party(body.label) and not (i > 0 and doc[i - 1].text == "-")

    if first > 1 and (doc[first - 1].text in ("'s", "\u2019s")
                      or doc[first - 1].text in ("'", "\u2019") and doc[first - 2].text.endswith("s")):
        return first - 2 if party_at(first - 2) else None  # "Labour's X", "the Conservatives' X"
    left = name.left_edge.i
    if name.dep_ == "appos" and name.head.i < first:
        left = name.head.left_edge.i  # "Republican vice presidential nominee Sen. X": X is the nominee's appositive
    for i in range(first - 1, left - 1, -1):
        if doc[i].dep_ in ("det", "poss", "case") or doc[i].is_punct and doc[i].text not in (".", "-"):
            return None
        # in the phrase the name is set beside, only a party adjective describes the person
        # ("Republican nominee X"); a noun there describes the head ("the Democrat event X")
        if party_at(i) and (i >= name.left_edge.i or doc[i].dep_ == "amod"):
            return i
    return None


# verbs of leaving said of an office alone, never of a race: "resigned" is no withdrawal
OFFICE_ONLY_VERBS = frozenset({"resign", "abdicate"})


def candidates_in(doc: Doc, person_at: dict[int, Entity], words: frozenset[str]) -> set[int]:
    """The people (ids of their entities) a story presents as running for office: the possessor
    or modifier of a race word ("Doe's reelection bid", "the Roe campaign", "his candidacy"),
    the one set beside or equated with one ("Doe, the nominee"), or the subject of running for
    something ("Doe is running for the Senate")."""
    found = set()
    # "the Doe campaign" is a body of its own (entities.py), its candidate named by surname
    surnames: dict[str, list[Entity]] = {}
    for person in {id(e): e for e in person_at.values() if e.kind == "Person"}.values():
        surnames.setdefault(person.label.split()[-1], []).append(person)

    def person_of(token: Token) -> Entity | None:
        if token.i in person_at and person_at[token.i].kind == "Person":
            return person_at[token.i]
        named = surnames.get(token.text, [])
        return named[0] if len(named) == 1 else None

    # one array pass finds the words (a capital where a sentence or headline starts one)
    for token in tokens_where(doc, LEMMA, words | {"run"} | {word.capitalize() for word in words | {"run"}}):
        lemma = token.lemma_.lower()
        if lemma in words and token.pos_ == "NOUN":
            people = [c for c in children(token, ("poss", "compound"))]
            if token.dep_ in ("appos", "attr"):
                people.append(token.head if token.dep_ == "appos" else next(iter(children(token.head, ("nsubj",))), token))
            # "neither candidate - Doe or Roe": the names set beside the word
            people += [m for a in children(token, ("appos",)) for m in [a, *(c for c in a.conjuncts if c.i > a.i)]]
        elif lemma == "run" and token.pos_ == "VERB" and any(p.lower_ in ("for", "as") for p in children(token, ("prep",))):
            people = children(token, ("nsubj",))
        else:
            continue
        found |= {id(person) for p in people if (person := person_of(p)) is not None}
    return found
