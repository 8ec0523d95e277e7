"""Posts people hold or held, read from the grammar around their mentions.

Five constructions cover most of news copy (titles are ontology/titles.yml):

* a title before the name: "Transport Secretary Jane Doe", "former Coast Guard chief X" (the body
  named just before the title is where the post is);
* an appositive: "John Roe, the second in command at the Department of Transport", "the head of
  the Coast Guard, Jane Doe";
* a predicate: "X became chief in Springfield", "rose to prominence as chief of the ... Police Department";
* a relative clause with a verb of leading: "who led Immigration and Customs Enforcement";
* a title that a chart names as a body's head ("Home Secretary" heads the Home Office).

A post is former when a qualifier says so ("former", "ex-", "then") or the clause that states it
is in the past tense; otherwise it is current. Party memberships read from phrases are members.py's.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache

from spacy.attrs import DEP, LEMMA, LOWER
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from .dates import resolve_time
from .entities import addressed_lists
from .modality import HEDGED_AUX, modality_of
from .model import Entity, Mention, Post, Sentence, sentence_index
from .members import OFFICE_ONLY_VERBS, candidates_in, listed_members, party_before, party_descriptions, phrase_members
from .nlp import children, conj_head, named_entities, quoted_tokens, token_bounds, tokens_at, tokens_where, whole_entity
from .rules import Body, Lexicon, OrgChart, chamber_of, load_candidacy_words, load_leaving_verbs, load_ousting_verbs, load_replacing_verbs

__all__ = ["extract_posts", "resolve_descriptions", "LEADING_VERBS"]

_SUBJECTS = {"nsubj", "nsubjpass"}
_PLACE_OR_PARTY = {"GPE", "LOC", "NORP"}  # "Ohio Republican Gov.": where the post is and a party, not its title

# verbs of leading in a relative clause ("who led X") -> the title they imply
LEADING_VERBS = {"lead": "Head", "head": "Head", "run": "Head", "chair": "Chair", "direct": "Director",
                 "command": "Commander", "manage": "Manager"}
# besides the conditional modals modality_of reads ("could", "may"): "can" and the hedging ones
_POSSIBILITY_MODALS = {"can"} | HEDGED_AUX
_BE_VERBS = {"be", "become", "serve", "rise", "remain", "work", "return", "stay", "act"}
_ORG_PREPS = {"of", "at", "in", "for", "with", "to"}  # "adviser to the Treasury"
_GENERIC_TITLES = {"secretary", "president", "chief", "director", "leader", "head", "chair", "chairman",
                   "commissioner", "administrator", "speaker", "deputy", "minister", "official", "director general"}
# titles of members rather than office-holders: in a party they say membership, not a post in it
_SERVING_VERBS = {"serve", "sit"}  # "served in the Senate", "sits on the committee": a seat there
# a stretch of one's past "as" a title: "during her time as attorney general", "his background as
# the head of a firm", "her years as mayor" (not "tenure" or "term", said of a post held now too)
_SPELL_NOUNS = {"time", "stint", "spell", "day", "year", "background"}  # lemmas
_NOT_PAST_SPELLS = {"first", "second", "third", "fourth", "fifth", "current", "new", "early", "opening"}
_MEMBER = "Member"  # the post of a member of a body whose chart gives its members no title
_STAFF = "Staff"  # the post of someone a body calls its own ("the BBC's Jane Doe"), its title unsaid
_MEMBER_TITLES = {"mp", "mep", "msp", "am", "peer", "backbencher", "member", "councillor", "activist",
                  "candidate", "supporter", "senator", "representative"}


class _Index:
    """Token -> entity lookups for one document."""

    def __init__(self, doc: Doc, entities: Iterable[Entity], parties: frozenset[str] = frozenset(),
                 chambers: frozenset[str] = frozenset()):
        self.person: dict[int, Entity] = {}
        self.body: dict[int, Entity] = {}
        self.parties = parties  # labels of the bodies that are parties
        self.chambers = chambers  # labels of the bodies that are chambers (whose members have a title)
        bounds = token_bounds(doc)
        for entity in entities:
            target = self.person if entity.kind == "Person" else self.body if entity.kind == "Organization" else None
            if target is None:
                continue
            for mention in entity.mentions:
                for i in tokens_at(bounds, mention.start, mention.end):
                    target.setdefault(i, entity)

    def body_in(self, tokens: Iterable[Token]) -> Entity | None:
        for token in tokens:
            if token.i in self.body:
                return self.body[token.i]
        return None


def _title_spans(doc: Doc, lexicon: Lexicon) -> list[Span]:
    matcher = _title_matcher(doc.vocab, tuple(sorted(lexicon.titles)))
    # after a numeral "PM" and "am" tell the time ("at 5 PM Jane Doe said")
    return filter_spans([doc[s:e] for _, s, e in matcher(doc) if not (s > 0 and doc[s - 1].like_num)])


@lru_cache(maxsize=4)
def _title_matcher(vocab, phrases: tuple[str, ...]) -> PhraseMatcher:
    """The lexicon's title phrases as one matcher, made once per pipeline rather than once a story."""
    matcher = PhraseMatcher(vocab, attr="LOWER")
    words = [phrase.replace("-", " - ").split() for phrase in phrases]
    # abbreviations are written with full stops too ("Sen.", "Lt. Gov."), each one token
    dotted = [[f"{word}." for word in phrase] for phrase in words if all(len(word) <= 4 for word in phrase)]
    matcher.add("TITLE", [Doc(vocab, words=phrase) for phrase in words + dotted])
    return matcher


def _modifier_chain(doc: Doc, title: Span, index: _Index, lexicon: Lexicon) -> tuple[int, Entity | None]:
    """Walk left from a title over the words that modify it: a body ("Coast Guard chief"), a
    possessive ("the BBC's political editor"), capitalised names and lower-case compounds
    ("Liberal Democrat constitutional affairs spokesman"). Returns the chain's start and its body."""
    start, body, body_at = title.start, None, None
    while start > 0:
        prev = doc[start - 1]
        if prev.text == "-" and start >= 2 and not prev.whitespace_ and not doc[start - 2].whitespace_ \
                and doc[start - 2].text.lower() not in lexicon.former_markers:
            start -= 1  # "co-chairman", "director-general"
            continue
        if prev.i in index.person or prev.text.lower() in lexicon.former_markers or prev.text in ("-", ","):
            break
        if prev.i in index.body:
            if body is None:
                body, body_at = index.body[prev.i], prev.i
        elif prev.text in ("'s", "\u2019s", "'", "\u2019"):
            if start >= 2 and start - 2 in index.person:
                break  # "Doe's deputy": the owner and the mark are no part of the title

        elif not (prev.dep_ in ("compound", "amod", "nmod", "npadvmod", "poss") and prev.pos_ in ("PROPN", "NOUN", "ADJ")):
            break
        start -= 1
    # "House Democratic Leader X": a chamber before the party is whose post it is
    chamber = _chamber_of_party(body_at, index) if body_at is not None else None
    return start, chamber or body


_POST_NOUNS = {"post", "job", "office", "position", "role", "seat", "portfolio", "chair", "presidency", "premiership"}
_DEPARTURES = {"resignation", "departure", "exit", "sacking", "dismissal", "firing", "ouster", "removal",
               "retirement", "death", "downfall", "exodus"}


def _departed(token: Token, race: frozenset[str], by_verb: bool = True, running: bool = False) -> bool:
    """"the resignation of BBC chairman X (, Y and Z)", "Home Secretary X resigned", "fired
    Chairman X", "X, the chairman, was sacked": a post named with someone who left it or is leaving
    it ("President X's exit from the race", "dropped out of the race" leave a race, not the post;
    "resigned as Y" names the post left, which the "as" reading takes). ``by_verb`` False reads
    only the nouns: "Jane Doe MP resigned" left some office, not (it does not say) her seat. One
    the story has ``running`` who steps aside leaves the race ("President X stepped aside and
    endorsed Y"), unless the verb says resign."""
    verb = token.head
    if running and token.dep_ == "nsubj" and verb.lemma_.lower() not in OFFICE_ONLY_VERBS:
        return False
    if by_verb and token.dep_ in ("nsubj", "nsubjpass", "dobj") and verb.pos_ in ("VERB", "AUX") \
            and _leaves(verb, load_leaving_verbs()) and modality_of(verb) == "asserted" \
            and not any(t.lower_ in race for t in verb.subtree) \
            and not any(p.lower_ == "as" for p in children(verb, ("prep",))):
        ousted = _leaves(verb, load_ousting_verbs())
        if not ousted and any(o.lemma_.lower() not in _POST_NOUNS for o in children(verb, ("dobj",))):
            return False  # "MEP X resigned the whip", "quit the party": what is left is not the post
        # one resigns as the subject, and is fired as the object or the passive's subject
        return token.dep_ != "nsubj" if ousted else token.dep_ == "nsubj"
    for ancestor in token.ancestors:
        if ancestor.lemma_.lower() in _DEPARTURES or ancestor.lower_ in _DEPARTURES:
            return not any(t.lower_ in race for prep in children(ancestor, ("prep",)) for t in prep.subtree)
        if ancestor.pos_ in ("VERB", "AUX"):
            return False
    return False


def _is_former(tokens: Iterable[Token], lexicon: Lexicon) -> bool:
    """Whether a word among ``tokens`` marks a post as left: "former", "ex-", and participles
    only as modifiers ("the retired finance chief", "fired agent X"; not "was fired by Chief X")."""
    return any(t.text.lower() in lexicon.former_markers
               and not (t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "compound")) for t in tokens)


def _is_prospective(title: Span, lexicon: Lexicon) -> bool:
    """Whether a qualifier of the title says it is hoped for or still to come ("a prospective MP",
    "the would-be leader", "future Justice X"): its modifiers, or the words just before it."""
    doc, start = title.doc, title.start
    # the words that qualify the title run back to a determiner, preposition, verb or comma ("the
    # future of the Home Secretary" does not qualify it)
    while start > max(0, title.start - 3) and doc[start - 1].pos_ in ("ADJ", "PROPN", "NOUN", "PUNCT") \
            and doc[start - 1].text not in (",", "(", ")"):
        start -= 1
    words = [t.lower_ for t in (*doc[start:title.start], *children(title.root, ("amod",)))]
    # a hyphenated qualifier is several tokens ("would-be"): its words as written
    words += doc[max(0, title.start - 3):title.start].text.lower().split()[-1:]
    return any(word in lexicon.prospective_markers for word in words)


def _to_be_elected(name: Token) -> bool:
    """"help elect President X", "will elect Governor Y": a title before the name of one an
    election still to come is to make it: the post is hoped for, not held ("elected President X
    in 2020" is said of a holder, and one re-elected or voted for may hold it already)."""
    return name.dep_ == "dobj" and name.head.lemma_.lower() == "elect" and not _past(name.head)


def _past(verb: Token) -> bool:
    """The clause is about the past: a past-tense verb, or a conjunct of one ("rose ... and later becoming")."""
    while True:
        if verb.tag_ in ("VBD", "VBN") and not any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBZ", "VBP", "MD")
                                                  for c in children(verb)):
            return True
        if verb.dep_ == "conj" and verb.head.i != verb.i:
            verb = verb.head
            continue
        return False


def _body_of_title(title: Span, index: _Index, doc: Doc, lexicon: Lexicon | None = None) -> tuple[Entity | None, str | None]:
    """The body a title belongs to: named among the words before it ("UKIP's deputy leader",
    "Home Office permanent secretary"), or after it with of/at/in/for."""
    # "party leader": a word of the title itself may refer to a body
    inner = index.body_in(title[:-1])
    if inner is not None:
        return inner, None
    left = title.start - 1
    before = index.body[left] if left >= 0 and left in index.body else None
    if before is None and lexicon is not None:
        before = _modifier_chain(doc, title, index, lexicon)[1]
    if before is None:
        return _place_after(title.root, index)
    if left in index.body and (chamber := _chamber_of_party(left, index)) is not None:
        return chamber, None
    # "Labour's Chief Secretary to the Treasury": the post is the Treasury's; the party's
    # possessive says whose member holds it (read as a membership where the possessive is read)
    if before.label in index.parties and left >= 0 and doc[left].text in ("'s", "\u2019s"):
        after = _place_after(title.root, index)
        if after[0] is not None and after[0].label not in index.parties:
            return after
    return before, None


def _chamber_of_party(i: int, index: _Index) -> Entity | None:
    """"House Democratic Leader X", "Senate Republican whip": the chamber named right before the
    party at token ``i``, whose post it is (the party is a membership, read where parties before
    names are); None when the token names no party or no chamber precedes it."""
    party = index.body.get(i)
    if party is None or party.label not in index.parties:
        return None
    while i > 0 and index.body.get(i - 1) is party:
        i -= 1
    chamber = index.body.get(i - 1)
    return chamber if chamber is not None and chamber.label in index.chambers else None


def _canonical_title(title: Span, lexicon: Lexicon, doc: Doc, index: _Index) -> str:
    """The title, extended over capitalised words before it that are not a body ("Trade and Industry Secretary")."""
    start = title.start
    while start > 0 and start - 1 not in index.body and start - 1 not in index.person \
            and doc[start - 1].ent_type_ not in _PLACE_OR_PARTY \
            and doc[start - 1].text.lower() not in lexicon.tenure_markers and (
            doc[start - 1].text[:1].isupper() and doc[start - 1].pos_ in ("PROPN", "NOUN", "ADJ")
            or (doc[start - 1].text == "and" and start > 1 and doc[start - 2].text[:1].isupper()
                and start - 2 not in index.person and start - 2 not in index.body)):
        start -= 1
    if start < title.start and doc[start].text.lower() not in lexicon.former_markers:
        return doc[start:title.end].text
    return lexicon.title_of(title.text) or title.text


def _post(lexicon: Lexicon, orgchart: OrgChart, title: str, body: Entity | None, place: str | None,
          current: bool, sentence: int, evidence: str, stated_elsewhere: bool = False,
          named: frozenset[str] = frozenset(), qualifiers: frozenset[str] = frozenset(),
          owned: bool = False, written: str = "") -> Post:
    party = None
    if body is not None and (organ := orgchart.party_of(body.label)) is not None and not orgchart.is_party(body.label):
        party = organ.label  # "DNC Chair X": a post in one of a party's own bodies is a member's
    seat = chamber_of(title, lexicon, orgchart)
    if body is not None and orgchart.is_party(body.label) and not owned \
            and lexicon.is_occupation(lexicon.title_of(title) or title):
        body = None  # "Democratic strategist X": a leaning, no post in the party ("Labour's strategist" is one)
    if body is not None and orgchart.is_party(body.label):
        party = body.label
        canonical = lexicon.title_of(title) or title
        # "Labour MP": a member's seat is in the chamber, the party is a membership
        if seat is not None or canonical.lower() in _MEMBER_TITLES:
            body, place = None, seat.label if seat else None
        # "Republican Gov. X": a member's office, not the party's; but "the Liberal Democrats'
        # president" (``owned``) and "Lib Dem home affairs spokesman" are the party's
        elif not (owned or lexicon.is_party_post(canonical, written)
                  or lexicon.is_party_post(lexicon.title_of(title.rpartition(" ")[2]) or "")):
            body = None
    if seat is not None and body is not None and (body.label in lexicon.country_prefixes
                                                   or lexicon.is_known_place(body.label)):
        # "United States Representative X", "Ohio Sen. X": the place a member sits for, not a body
        body, place = None, None if body.label in lexicon.country_prefixes else body.label
    seat_place, in_chart = None, False
    if seat is not None and body is None:
        # "an MEP for the East Midlands", "Ohio Sen.": a member sits in the chamber, for a place
        seat_place = place if place != seat.label else None
        place, in_chart = seat.label, True
    organization = body.label if body else place
    if organization is None and not stated_elsewhere:
        known = _chart_body_of_title(title, orgchart, named, qualifiers)
        if known is not None:
            organization, in_chart = known.label, True
    return Post(title=title, organization=organization, current=current, sentence=sentence, evidence=evidence,
                party=party, place=seat_place, in_chart=in_chart)


def _chart_body_of_title(title: str, orgchart: OrgChart, named: frozenset[str] = frozenset(),
                         qualifiers: frozenset[str] = frozenset()) -> Body | None:
    """The body a title alone names in the chart: the one body whose head or deputy has that
    title ("Home Secretary" -> Home Office, "Chancellor" -> HM Treasury), or a department named
    by the words before a generic head title ("Transportation Secretary" -> Department of
    Transportation, when the chart's head of that department is a Secretary).

    A title heading bodies of several countries ("President", "Speaker") names the one whose
    country the story names (``named``: "President Jane Doe" in a story about the United States),
    if only one. A country word before the title (``qualifiers``: "French President") keeps the
    bodies of other countries out. A generic title alone ("Secretary") names no body."""
    heads = [b for b in orgchart.bodies.values()
             if title.lower() in {(b.head_title or "").lower(), (b.deputy_title or "").lower()}]
    if qualifiers:  # "Ohio Attorney General" is not the country's; a chart without countries says nothing
        heads = [b for b in heads if not orgchart.jurisdiction_of(b) or qualifiers <= orgchart.jurisdiction_of(b)]
    if len(heads) == 1 and (title.lower() not in _GENERIC_TITLES or qualifiers):
        return heads[0]
    local = [b for b in heads if orgchart.jurisdiction_of(b) & named]
    if len(local) == 1:
        return local[0]
    field, _, head = title.rpartition(" ")
    if field and head.lower() in _GENERIC_TITLES:
        body = orgchart.find_department(field)
        if body is not None and (body.head_title or "").lower() == head.lower():
            return body
    return None


def extract_posts(doc: Doc, sentences: tuple[Sentence, ...], entities: tuple[Entity, ...],
                  lexicon: Lexicon, orgchart: OrgChart) -> None:
    """Add to each person the posts the text gives them."""
    starts = [s.start for s in sentences]
    bodies = [e for e in entities if e.kind == "Organization"]
    index = _Index(doc, entities, frozenset(e.label for e in bodies if orgchart.is_party(e.label)),
                   frozenset(e.label for e in bodies if e.label in orgchart.chamber_words))
    titles = _title_spans(doc, lexicon)
    title_at = {t.i: span for span in titles for t in span}

    def sentence_of(token: Token) -> int:
        return sentence_index(starts, token.idx)

    found: dict[int, list[Post]] = {}
    stated: dict[tuple[int, str, str | None], set[bool]] = {}  # a post -> whether each statement of it names an era
    body_before_name: dict[int, Entity | None] = {}  # name's last token -> the body of its title
    deputies: list[tuple[Entity, Post, Entity]] = []  # "his deputy X": X, the post, whose deputy
    countries = {c.lower() for c in lexicon.country_prefixes}
    abroad: set[tuple[int, str]] = set()  # (person, title) the story gives with another country's name
    quoted = quoted_tokens(doc)
    race, leaving, replacing = load_candidacy_words(), load_leaving_verbs(), load_replacing_verbs()
    running = candidates_in(doc, index.person, race)
    # the countries the story names: a place or people, or a body of the chart ("the Senate")
    named = frozenset(ent.text for ent in named_entities(doc) if ent.label_ in _PLACE_OR_PARTY).union(
        *(orgchart.jurisdiction_of(body) for e in entities if e.kind == "Organization"
          for body in [orgchart.find(e.label)] if body is not None))

    def add(person: Entity, title_span: Span, former: bool, anchor: Token, evidence: Span,
            title_text: str | None = None, body: Entity | None = None, place: str | None = None,
            tenure: tuple[str | None, str | None] = (None, None)) -> None:
        if _is_prospective(title_span, lexicon):
            # "a prospective Labour MP", "future Justice X": not a post held, but a party's
            # candidate is in the party
            party = body or _body_of_title(title_span, index, doc, lexicon)[0]
            if party is not None and orgchart.is_party(party.label):
                person.memberships.append(Post("member", party.label, True, sentence_of(anchor),
                                               evidence.text.strip(), party=party.label))
            return
        if body is None and place is None:
            body, place = _body_of_title(title_span, index, doc, lexicon)
        title = title_text or _canonical_title(title_span, lexicon, doc, index)
        # "the shadow education secretary": the opposition's post, never the department's
        shadow = title_span.start > 0 and doc[title_span.start - 1].lower_ == "shadow" \
            and not title.lower().startswith("shadow")
        title = f"Shadow {title}" if shadow else title
        # "director general of <a body the model missed>", "its president", "the nation's president":
        # the text says whose post it is, so the chart must not guess another body
        of_something = any(c.dep_ == "prep" and c.text.lower() in _ORG_PREPS or c.dep_ == "poss"
                           for c in children(title_span.root))
        qualifiers = _country_words(title_span)
        # only news style's "President Jane Doe" stands for the country's president; "Doe, the
        # president", "could still be president" or a title quoted ("called him 'President Roe'") do not
        before_name = title_span[0].text[:1].isupper() and title_span.end <= anchor.i and title_span.start not in quoted
        # "Labour's leader", "Labour's election strategist": the party's own post (not "Ohio's
        # Republican governor")
        possessors = [c for c in children(title_span.root) if c.dep_ == "poss"]
        if title_span.start > 1 and doc[title_span.start - 1].tag_ == "POS":
            possessors.append(doc[title_span.start - 2])
        owned = any(c.i in index.body and orgchart.is_party(index.body[c.i].label) for c in possessors)
        post = _post(lexicon, orgchart, title, body, place, not former, sentence_of(anchor), evidence.text.strip(),
                     stated_elsewhere=of_something or shadow, named=named if before_name else frozenset(),
                     qualifiers=qualifiers, owned=owned, written=title_span.text)
        if qualifiers and post.organization is None:
            abroad.add((id(person), title.lower()))
        if tenure != (None, None):
            post = replace(post, started=tenure[0], ended=tenure[1], current=post.current and tenure[1] is None)
        if body is not None and body is person:
            return
        found.setdefault(id(person), []).append(post)
        possessor = _possessor(title_span, anchor, index) if post.organization is None and _DEPUTY.match(title) else None
        if possessor is not None and possessor is not person:
            deputies.append((person, post, possessor))
        # "the State Department under President X": the name marks an era, not who holds it now
        era = anchor.dep_ == "pobj" and anchor.head.lower_ == "under"
        stated.setdefault((id(person), post.title.lower(), post.organization), set()).add(era)

    # the first token of each name a plural title addresses, with the title and its singular
    plural_title = {name.start: (word, title) for word, names in addressed_lists(doc, lexicon)
                    if (title := lexicon.title_of(word.lower_.rstrip(".")[:-1])) for name in names}
    for token in (doc[i] for i in sorted(index.person)):
        person = index.person[token.i]
        if token.i + 1 < len(doc) and index.person.get(token.i + 1) is person:
            continue  # act once per mention, on its last token
        first = token.i
        while first > 0 and index.person.get(first - 1) is person:
            first -= 1
        # 1. a title just before the name (an honorific may stand between)
        before = first - 1
        # a title in lower case is a description, not a form of address ("former host Mr Doe")
        while before >= 0 and doc[before].text.lower().rstrip(".") in lexicon.honorifics \
                and not (before in title_at and doc[before].text.islower()):
            before -= 1
        addressed = before + 1  # the name with its honorifics: "Labour's Mr Doe"
        # "calling Doe “Vice President Roe.”": a title and name quoted whole are words
        # mentioned, not a post held (American style closes the quote after the full stop)
        after_name = token.i + 1 + (token.i + 1 < len(doc) and doc[token.i + 1].text in _CLOSING_PUNCT)
        quoted_whole = (before in title_at and title_at[before].start > 0 and after_name < len(doc)
                        and doc[title_at[before].start - 1].text in _OPENING_QUOTES | {'"'}
                        and doc[after_name].text in _CLOSING_QUOTES | {'"'})
        if before in title_at and not quoted_whole and not _to_be_elected(token):
            span = title_at[before]
            chain_start, body = _modifier_chain(doc, span, index, lexicon)
            former = _is_former(doc[max(0, chain_start - 2):chain_start], lexicon) \
                or _departed(token, race, chamber_of(span.text, lexicon, orgchart) is None, id(person) in running)
            # a lower-case word before a bare surname with no body is a description ("top border
            # official X"); before a full name ("deputy leader Jane Doe") it is a post
            full_name = token.i - first >= 1
            if body is None and _body_of_title(span, index, doc, lexicon) == (None, None):
                body = _shared_body(token, body_before_name, orgchart)
            place = _place_before(doc, chain_start, span.start) if body is None else None
            if place is not None and place.lower() in countries:
                place = None  # "U.S. Attorney General": the national post the chart knows
            if span[0].text[:1].isupper() or body is not None or former or full_name:
                add(person, span, former, token, doc[max(0, chain_start):token.i + 1], body=body, place=place)
                body_before_name[token.i] = body
                # "Lib Dem home affairs committee chairman X": a party further out in the chain
                # than the body of the post is the holder's party
                party = next((index.body[i] for i in range(max(0, chain_start), span.start) if i in index.body
                              and index.body[i] is not body and orgchart.is_party(index.body[i].label)), None)
                if party is not None:
                    person.memberships.append(Post("member", party.label, True, sentence_of(token),
                                                   doc[max(0, chain_start):token.i + 1].text, party=party.label))
        # 1a. a plural title addressing a list of names: "Reps. Jane Doe and John Roe"
        plural = plural_title.get(first)
        if plural is not None:
            word = plural[0]
            former = _is_former(doc[max(0, word.i - 2):word.i], lexicon)  # "the late Justices X and Y"
            add(person, doc[word.i:word.i + 1], former, token, doc[word.i:token.i + 1], title_text=plural[1])
        # 1b. a member's title after the name, as UK style writes it ("Jane Doe MP", "Tom Roe MSP")
        after = title_at.get(token.i + 1)
        if after is not None and after.start == token.i + 1 and len(after) == 1 and after[0].text.isupper() \
                and chamber_of(after.text, lexicon, orgchart) is not None:
            add(person, after, False, token, doc[first:after.end])
        # 1c. a title "of" a place, body or portfolio just before the name: "Governor of Virginia
        # John Roe", "the President of France Ann Poe", "Minister of Finance Jane Doe"
        of_at = before
        # the portfolio may be in lower case ("chief inspector of schools Jane Doe"), the body
        # described ("head of the troubled Child Support Agency Jane Doe")
        while of_at > max(first - 6, 0) and (doc[of_at].text[:1].isupper() or doc[of_at].pos_ in ("NOUN", "ADJ")) \
                and of_at not in title_at and of_at not in index.person:
            of_at -= 1
        if doc[of_at].lower_ == "the" and of_at < before:
            of_at -= 1  # "Head of the Coast Guard Jane Doe"
        if before not in title_at and of_at < before and doc[of_at].lower_ in ("of", "for") and of_at - 1 in title_at \
                and doc[before].pos_ != "ADJ":
            span, what = title_at[of_at - 1], doc[of_at + 1:before + 1]
            body = index.body_in(what)
            place = what.text if body is None and all(t.ent_type_ in ("GPE", "LOC") for t in what) else None
            title = None if body or place else f"{_canonical_title(span, lexicon, doc, index)} {doc[of_at].lower_} {what.text}"
            chain_start, _ = _modifier_chain(doc, span, index, lexicon)  # "ex-chief inspector of schools"
            former = _is_former(doc[max(0, chain_start - 2):chain_start], lexicon) \
                or _departed(token, race, chamber_of(span.text, lexicon, orgchart) is None, id(person) in running)
            add(person, span, former, token, doc[span.start:token.i + 1], title_text=title, body=body, place=place)
        # 0. a party before the name: "Labour's Jane Doe", "Tory John Roe", "Republican vice
        # presidential nominee Sen. John Roe", "2016 Democratic presidential candidate Jane Doe"
        party_at = party_before(doc, addressed, token, index, orgchart)
        if party_at is not None:
            party = index.body[party_at]
            person.memberships.append(Post("member", party.label, True, sentence_of(token),
                                           doc[party_at:token.i + 1].text, party=party.label))
        # 0b. a body's possessive before a name with no title: "the BBC's Jane Doe", "Amnesty
        # International's John Roe" work there (a party's is a membership, a country's no post)
        owner_at = next((c for c in children(token) if c.dep_ == "poss" and c.i in index.body and c.ent_type_ == "ORG"), None)
        owner = index.body[owner_at.i] if owner_at is not None else None
        if owner is not None and before not in title_at and party_at is None and not orgchart.is_party(owner.label) \
                and orgchart.party_of(owner.label) is None and not lexicon.is_known_place(owner.label):
            found.setdefault(id(person), []).append(
                Post(_STAFF, owner.label, not _departed(token, race, running=id(person) in running), sentence_of(token),
                     doc[owner_at.left_edge.i:token.i + 1].text))
        root = token
        if root.dep_ == "compound" and root.head.i == token.i + 1 and root.head.i in title_at:
            root = root.head  # "Jane Doe MP, Labour's ...": the name is parsed into its postnominal title
        # 2. appositives, both ways round; "the head of the Coast Guard, Jane Doe" is parsed as an
        # appositive of the body, so climb from the body to the title that governs it
        heads = [root.head] if root.dep_ == "appos" else []
        if heads and heads[0].i in index.body and heads[0].head.dep_ == "prep" and heads[0].head.text.lower() == "of":
            heads.append(heads[0].head.head)
        appositives = [c for c in children(root) if c.dep_ == "appos"]
        if not appositives and not heads:
            # "X, the Y Union president, said" with the parser's tree broken (the body made the
            # clause's subject): the words set off by commas right after the name are read as written
            set_off = _set_off_title(doc, token.i, title_at, index)
            if set_off is not None:
                span, body = set_off
                add(person, span, _is_former(doc[span.start - 1:span.start], lexicon), token,
                    doc[first:span.end], body=body)
        # "X, a longtime ally and former party chairman": each title coordinated in the appositive
        appositives += [c for a in appositives for c in a.conjuncts if c.i > a.i and c.i in title_at and c.i not in index.person]
        for appos in appositives + heads:
            party = index.body.get(appos.i)
            # "The Ohio Republican, Jane Doe, said": a party's member noun the name stands beside (one
            # word with an article, not "the Republican Party, Jane Doe said" or "the GOP, Doe")
            member_noun = appos.i < token.i and appos.tag_ in ("NNP", "NN") and not appos.text.isupper() \
                and any(c.dep_ == "det" for c in children(appos)) \
                and index.body.get(appos.i - 1) is not party and index.body.get(appos.i + 1) is not party
            if party is not None and orgchart.is_party(party.label) and (appos.i > token.i or member_noun):
                # "Rep. Jane Doe, a Democrat from Pennsylvania": the appositive says the party
                place = next((whole_entity(o).text for prep in children(appos)
                              if prep.dep_ == "prep" and prep.lower_ in ("from", "of")
                              for o in children(prep) if o.dep_ == "pobj" and o.ent_type_ in ("GPE", "LOC")), None)
                person.memberships.append(Post("member", party.label, True, sentence_of(token),
                                               doc[min(first, appos.left_edge.i):max(appos.right_edge.i, token.i) + 1].text,
                                               party=party.label, place=place))
                continue
            # "X, Labour's election strategist", "the Tories' candidate, X": a party's own person
            # (not "X and Y, Labour's Z": a name in the appositive is the party's)
            owner = next((index.body[c.i] for c in children(appos, ("poss",))
                          if c.i in index.body and orgchart.is_party(index.body[c.i].label)), None) \
                if appos.i not in index.person else None
            if owner is not None:
                person.memberships.append(Post("member", owner.label, True, sentence_of(token),
                                               doc[min(appos.left_edge.i, first):max(appos.right_edge.i, token.i) + 1].text,
                                               party=owner.label))
            span = title_at.get(appos.i)
            titled = next((c for c in children(appos, ("appos",)) if c.i in title_at), None)
            if span is None and appos.i in index.body and titled is not None and titled.i > appos.i:
                # "X, the International Brotherhood of Teamsters president": the parser hangs the
                # title on the body that names whose it is
                add(person, title_at[titled.i], _is_former(children(titled), lexicon), token,
                    doc[min(appos.left_edge.i, root.i):max(titled.right_edge.i, root.i) + 1], body=index.body[appos.i])
                continue
            if span is None:
                continue
            # "X, spokesperson for Gov. Y": the one whose staff X is on says whose post it is
            served = any(o.i in index.person for prep in children(appos, ("prep",)) if prep.lower_ in ("for", "to")
                         for o in children(prep, ("pobj",)))
            if not any(c.dep_ in ("det", "poss") for c in children(appos) + children(conj_head(appos))) \
                    and not span[0].text[:1].isupper() and not served \
                    and _body_of_title(span, index, doc, lexicon) == (None, None):
                continue  # "top border official X" describes; "X, a former MP" or "X, head of Y" states a post
            former = _is_former(children(appos), lexicon) or _is_former(doc[span.start - 1:span.start] if span.start else [], lexicon) \
                or _departed(token, race, chamber_of(span.text, lexicon, orgchart) is None, id(person) in running)
            evidence = doc[min(appos.left_edge.i, root.i):max(appos.right_edge.i, root.i) + 1]
            add(person, span, former, token, evidence)
            for relcl in (c for c in children(appos) if c.dep_ == "relcl"):
                _leading_verb(relcl, person, add, index, token, doc)
        for relcl in (c for c in children(root) if c.dep_ == "relcl"):
            _leading_verb(relcl, person, add, index, token, doc)
        # 3. predicates: "X became chief in Springfield", "X rose to prominence as chief of Y",
        # "X, who served as chancellor from 1997 to 2007", "X resigned as home secretary"
        # "As chancellor, X has ...", "As Roe's second in command, X ...": a capacity set before the
        # subject is the subject's post (presupposed, whatever the verb says)
        if root.dep_ in ("nsubj", "nsubjpass"):
            for prep in (c for c in children(root.head, ("prep",)) if c.lower_ == "as" and c.i < first):
                complement = next((c for c in children(prep, ("pobj",)) if c.i in title_at), None)
                if complement is not None and not index.person.get(complement.i):
                    add(person, title_at[complement.i], _is_former(children(complement), lexicon), token,
                        doc[prep.i:token.i + 1])
        for verb in _stating_verbs(root, leaving):
            if verb.lemma_.lower() in replacing:
                # "Y replaced X as chief of staff": Y holds the post X held; "X was replaced as
                # leader" held it, "want X to be replaced as leader" still holds it
                done = modality_of(verb) == "asserted"
                replaced = person if root.dep_ == "nsubjpass" else \
                    index.person.get(next((o.i for o in children(verb, ("dobj",))), -1))
                for complement in (c for prep in children(verb, ("prep",)) if prep.lower_ == "as"
                                   for c in children(prep, ("pobj",)) if c.i in title_at):
                    evidence = doc[min(token.i, verb.i):complement.right_edge.i + 1]
                    if root.dep_ == "nsubj" and done:
                        add(person, title_at[complement.i], False, token, evidence)
                    if replaced is not None and (replaced is not person or root.dep_ == "nsubjpass"):
                        add(replaced, title_at[complement.i], done, token, evidence)
                continue
            if _leaves(verb, leaving):
                # "X resigned as home secretary" held it; "X will step down as chair", "refused to
                # quit as leader", "did not resign as X" still holds it
                left = modality_of(verb) == "asserted"
                leaver = person
                if root.dep_ == "nsubj" and _leaves(verb, load_ousting_verbs()):
                    # "X fired Y as chief of staff": the post is Y's, whom X put out of it
                    ousted = next(iter(children(verb, ("dobj",))), None)
                    leaver = index.person.get(ousted.i) if ousted is not None else None
                    if leaver is None or leaver is person:
                        continue
                for complement in (c for prep in children(verb, ("prep",)) if prep.lower_ == "as"
                                   for c in children(prep, ("pobj",)) if c.i in title_at):
                    add(leaver, title_at[complement.i], left, token, doc[min(token.i, verb.i):complement.right_edge.i + 1],
                        tenure=_tenure(verb) if left else (None, None))
                continue
            if verb.lemma_.lower() in LEADING_VERBS and verb.dep_ != "relcl":
                if modality_of(verb) == "asserted":
                    _leading_verb(verb, person, add, index, token, doc)  # "X runs the Y Agency"
                continue
            if verb.lemma_.lower() in _SERVING_VERBS:
                _served_in(verb, person, add, index, orgchart, token)
            elif verb.lemma_.lower() == "work":
                _worked_at(verb, person, add, index, token)
            # "X could still be president", "X is not the leader", "they want X to be president":
            # no post is stated
            modality = modality_of(verb) if verb.lemma_.lower() in _BE_VERBS else None
            if modality is None or modality in ("negated", "conditional") or (
                    modality in ("hedged", "future") and verb.dep_ in ("xcomp", "ccomp")) \
                    or any(c.lower_ in _POSSIBILITY_MODALS for c in children(verb, ("aux",))):
                continue  # "whether he can still be president" states no post either
            for complement in _complements(verb):
                span = title_at.get(complement.i)
                if span is None or index.person.get(complement.i):
                    continue
                body, place = _body_of_title(span, index, doc)
                if body is None and place is None:
                    body, place = _place_after(verb, index)
                former = _past(verb) or _is_former(children(complement), lexicon)
                add(person, span, former, token, doc[token.i:complement.right_edge.i + 1] if complement.i > token.i
                    else verb.sent, body=body, place=place)

    # "two senators, Jane Doe and John Roe, ...", "three former MPs - X, Y and Z": a plural title
    # with the names set beside it gives each of them the post
    for appos in tokens_where(doc, DEP, ("appos",)):
        plural = appos.head
        if plural.tag_ not in ("NNS", "NNPS") or plural.i in index.person or plural.i in index.body:
            continue
        title = lexicon.title_of(plural.lemma_) or (lexicon.title_of(plural.text[:-1]) if plural.text.endswith("s") else None)
        named = [c for c in (appos, *appos.conjuncts) if c.i in index.person]
        for member in named if title else ():
            add(index.person[member.i], doc[plural.i:plural.i + 1], _is_former(children(plural), lexicon), member,
                doc[plural.left_edge.i:member.right_edge.i + 1], title_text=title)

    for noun in tokens_where(doc, LEMMA, _SPELL_NOUNS):
        owner = next((c for c in children(noun, ("poss",)) if c.i in index.person), None)
        if any(c.dep_ == "nummod" or c.ent_type_ in ("ORDINAL", "CARDINAL") or c.lower_ in _NOT_PAST_SPELLS
               for c in children(noun)):
            continue  # "in her second year as mayor", "his first days as president": maybe now
        if owner is not None and owner.pos_ == "PRON" and not any(
                index.person.get(t.i) is index.person[owner.i] for t in owner.sent if t.pos_ == "PROPN"):
            continue  # "she pointed to her time as ...": a pronoun's referent is named in the sentence
        verb = next((a for a in noun.ancestors if a.pos_ in ("VERB", "AUX")), None)
        if verb is not None and (verb.tag_ in ("VBZ", "VBP") or any(
                c.tag_ in ("VBZ", "VBP") for c in children(verb, ("aux",)))):
            continue  # "throughout his time as governor, he has clashed ...": a time still running
        for complement in (c for prep in children(noun, ("prep",)) if prep.lower_ == "as" and owner is not None
                           for c in children(prep, ("pobj",))):
            titles = [title_at[c.i] for c in (complement, *complement.conjuncts) if c.i in title_at]
            # "as a prosecutor and attorney general in California": the place is said once for all
            where = next((said for span in reversed(titles)
                          if (said := _body_of_title(span, index, doc, lexicon)) != (None, None)), (None, None))
            for span in titles:
                add(index.person[owner.i], span, True, owner, doc[owner.i:span.root.right_edge.i + 1],
                    body=where[0], place=where[1])

    for entity in entities:
        posts = found.get(id(entity), [])
        seen: dict[tuple[str, str | None], Post] = {}
        # "former President X ... President X said": news keeps a title for its former holders, so
        # one post that the story calls former anywhere is a former post (the first mention wins
        # among equals)
        # "Ukrainian President X ... President X": the bare title is the same foreign post, not
        # the chart's president of the country the story is about
        posts = [replace(p, organization=None, in_chart=False) if p.in_chart and (id(entity), p.title.lower()) in abroad
                 else p for p in posts]
        # "President X ... the former president": one post, whose body the chart gave one mention
        charted = {p.title.lower(): p.organization for p in posts if p.in_chart and p.organization}
        posts = [replace(p, organization=charted[p.title.lower()], in_chart=True)
                 if p.organization is None and p.place is None and p.title.lower() in charted else p for p in posts]
        # "Haley, who served as ambassador to the UN ... 'Ambassador Haley'": a title with no body
        # that the story says someone held at a body is the form of address a former holder keeps
        held = {p.title.lower() for p in posts if not p.current and p.organization}
        posts = [p for p in posts if not (p.current and p.organization is None and p.place is None
                                          and p.title.lower() in held)]
        for post in sorted(posts, key=lambda p: p.current):
            seen.setdefault((post.title.lower(), post.organization), post)
        entity.posts = sorted(seen.values(), key=lambda p: (p.sentence, p.title))
        # "Sen. Jane Doe (R-Iowa)": the member's tag says where the seat is
        tagged = next((m.place for m in entity.memberships if m.place), None)
        if tagged:
            entity.posts = [replace(p, place=tagged) if p.place is None and _is_seat(p, orgchart, lexicon) else p
                            for p in entity.posts]
    for token, person, party, place in party_descriptions(doc, index, orgchart, starts):
        phrase = doc[token.left_edge.i:token.i + 1]
        person.memberships.append(Post("member", party.label, True, sentence_of(token), phrase.text,
                                       party=party.label, place=place))
        person.mentions.append(Mention(phrase.start_char, phrase.end_char, phrase.text, sentence_of(token)))
    for person, party, evidence in listed_members(doc, index, orgchart) + phrase_members(doc, index, orgchart, lexicon):
        if any(m.party == party.label for m in person.memberships):
            continue  # its own appositive said it already
        person.memberships.append(Post("member", party.label, True, sentence_of(evidence[0]), evidence.text,
                                       party=party.label))
    _deputy_of(deputies)
    _one_holder_now(entities, stated)
    _one_head_at_a_time(entities, orgchart)
    _the_dead_hold_nothing(entities, _the_dead(doc, index))


def _is_seat(post: Post, orgchart: OrgChart, lexicon: Lexicon) -> bool:
    """A member's seat in a chamber ("Senator" in the Senate), which is for a place."""
    chamber = chamber_of(post.title, lexicon, orgchart)
    return chamber is not None and chamber.label == post.organization


def _one_holder_now(entities: tuple[Entity, ...], stated: dict[tuple[int, str, str | None], set[bool]]) -> None:
    """"The department under President X ... President Y said": when people share a post and some
    are named with it only as an era ("under X"), those held it before; the others hold it now."""
    holders: dict[tuple[str, str | None], list[Entity]] = {}
    for entity in entities:
        for post in entity.posts:
            if post.current:
                holders.setdefault((post.title.lower(), post.organization), []).append(entity)
    for (title, organization), people in holders.items():
        eras = {id(p) for p in people if stated.get((id(p), title, organization)) == {True}}
        if not eras or len(eras) == len(people):
            continue
        for person in people:
            if id(person) in eras:
                person.posts = [replace(p, current=False) if (p.title.lower(), p.organization) == (title, organization)
                                else p for p in person.posts]


# verbs of dying, whose subject died, and of killing, whose object (or passive subject) died
_DYING_VERBS = {"die"}
_KILLING_VERBS = {"kill", "assassinate", "murder", "execute", "slay"}


def _the_dead(doc: Doc, index: _Index) -> set[int]:
    """The people the story says died or were killed ("X died on Monday", "an airstrike killed
    X", "X was assassinated"): ids of those entities."""
    dead = set()
    for verb in tokens_where(doc, LEMMA, _DYING_VERBS | _KILLING_VERBS):
        if verb.pos_ != "VERB" or verb.dep_ == "xcomp" or modality_of(verb) != "asserted":
            continue  # "tried to kill X", "could die"
        lemma = verb.lemma_.lower()
        roles = ("nsubj",) if lemma in _DYING_VERBS else ("nsubjpass", "dobj")
        dead |= {id(index.person[c.i]) for c in children(verb, roles) if c.i in index.person}
    return dead


def _the_dead_hold_nothing(entities: tuple[Entity, ...], dead: set[int]) -> None:
    """Whoever the story says died holds no post now: each post they were named with was held."""
    for entity in entities:
        if id(entity) in dead:
            entity.posts = [replace(p, current=False) for p in entity.posts]


def _one_head_at_a_time(entities: tuple[Entity, ...], orgchart: OrgChart) -> None:
    """"President X ... President Y": a body the chart knows has one head at a time. When a story
    gives its head's title, not as former, to several people, the one it names most holds the post
    now and the others held it (news keeps "President X" for a former president); when two are
    named as often, the story does not say which, and both stay as written."""
    holders: dict[tuple[str, str], list[Entity]] = {}
    for entity in entities:
        for post in entity.posts:
            body = orgchart.find(post.organization) if post.current and post.in_chart and post.organization else None
            if body is not None and body.head_title and post.title.lower() == body.head_title.lower():
                holders.setdefault((post.title.lower(), post.organization), []).append(entity)
    for (title, organization), people in holders.items():
        ranked = sorted(people, key=lambda e: len(e.mentions), reverse=True)
        if len(ranked) < 2 or len(ranked[0].mentions) == len(ranked[1].mentions):
            continue
        for person in ranked[1:]:
            person.posts = [replace(p, current=False) if (p.title.lower(), p.organization) == (title, organization)
                            else p for p in person.posts]


_DEPUTY = re.compile(r"(?i)^(deputy|second in command|number two|no\. 2)$")  # not "deputy campaign manager"


def _possessor(title: Span, name: Token, index: _Index) -> Entity | None:
    """The person a title is given as belonging to: "his deputy", "Roe's deputy" (the
    possessive hangs on the title or, in "his deputy Rod Roe", on the name)."""
    for child in (*children(title.root), *children(name)):
        if child.dep_ == "poss" and child.i in index.person and child.i < title.start:
            return index.person[child.i]
    return None


def _deputy_of(deputies: list[tuple[Entity, Post, Entity]]) -> None:
    """"his deputy X": X is deputy in the body where the possessor holds a post now (the one such
    post), so the chain of command runs through the body, with the charts' premises."""
    for person, post, principal in deputies:
        bodies = {p.organization for p in principal.posts if p.current and p.organization}
        if len(bodies) != 1:
            continue
        (body,) = bodies
        in_chart = any(p.in_chart for p in principal.posts if p.organization == body)
        person.posts = [replace(p, organization=body, in_chart=in_chart) if p == post else p for p in person.posts]


_OPENING_QUOTES, _CLOSING_QUOTES = {"\u201c", "\u2018"}, {"\u201d", "\u2019"}
_CLOSING_PUNCT = {".", ",", "!", "?"}


def _country_words(title: Span) -> frozenset[str]:
    """Names of places or peoples that modify a title ("French President", "U.S. Secretary of
    State") or follow the name it is given ("President Jane Doe of Ruritania")."""
    words = set()
    for child in children(title.root, ("amod", "compound", "nmod", "npadvmod")):
        if child.i < title.start:
            words |= {whole_entity(t).text for t in child.subtree if t.ent_type_ in _PLACE_OR_PARTY}
    words |= {whole_entity(t).text for t in title if t.ent_type_ in _PLACE_OR_PARTY}
    named = title.root.head if title.root.dep_ == "compound" else None
    for prep in children(named, ("prep",)) if named is not None else ():
        if prep.lower_ == "of":
            words |= {whole_entity(o).text for o in children(prep, ("pobj",)) if o.ent_type_ in ("GPE", "LOC")}
    return frozenset(words)


def _place_before(doc: Doc, start: int, end: int) -> str | None:
    """"Ohio Sen.", "New York City Mayor": the place named among the words before a title."""
    place = next((t for t in doc[start:end] if t.ent_type_ in ("GPE", "LOC")), None)
    if place is None:
        return None
    whole = whole_entity(place)
    return doc[max(whole.start, start):min(whole.end, end)].text


def _shared_body(name: Token, body_before_name: dict[int, Entity | None], orgchart: OrgChart) -> Entity | None:
    """"BBC chairman X, director-general Y and reporter Z": titles listed together after one body
    share it; a party is not shared ("Labour MP X and journalist Y")."""
    first = name
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    body = body_before_name.get(first.i) if first is not name else None
    if body is None or body.kind != "Organization" or getattr(orgchart.find(body.label), "party", False):
        return None
    return body


def _leaves(verb: Token, leaving: frozenset[str]) -> bool:
    """A verb of leaving a post, or being put out of one: "resigned", "stepped down", "was ousted"."""
    lemma = verb.lemma_.lower()
    return lemma in leaving or any(f"{lemma} {c.lower_}" in leaving for c in children(verb, ("prt", "advmod")))


def _set_off_title(doc: Doc, name_end: int, title_at: dict[int, Span], index: _Index) -> tuple[Span, Entity] | None:
    """The title and body of "NAME, the BODY TITLE," read from the words alone: an article right
    after the comma, a body the index knows, and a title ending right before the closing comma."""
    if name_end + 2 >= len(doc) or doc[name_end + 1].text != "," or doc[name_end + 2].lower_ not in ("the", "a", "an"):
        return None
    close = next((k for k in range(name_end + 3, min(name_end + 14, len(doc))) if doc[k].text in (",", ".", ";", "(")), None)
    if close is None or doc[close].text != "," or close - 1 not in title_at or title_at[close - 1].end != close:
        return None
    span = title_at[close - 1]
    body = index.body_in(doc[name_end + 3:span.start])
    return (span, body) if body is not None and body.label not in index.parties else None


def _stating_verbs(root: Token, leaving: frozenset[str]) -> list[Token]:
    """The verbs whose clause says what the person at ``root`` is, was or left: the verb it is the
    subject of and its conjuncts, their complements of leaving ("refused to resign as leader"; not
    "urged Y to step aside as chair", which is Y's post), and relative clauses whose subject is the
    relative pronoun ("X, who served as chancellor", not "X, whose father served as lord chancellor")."""
    verbs = []
    if root.dep_ in ("nsubj", "nsubjpass"):
        verbs = [root.head] + [c for c in children(root.head) if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]
        verbs += [c for v in verbs if not children(v, ("dobj",)) for c in children(v, ("xcomp",)) if _leaves(c, leaving)]
    return verbs + [c for c in children(root, ("relcl",)) if (_leaves(c, leaving) or c.lemma_.lower() in _BE_VERBS | _SERVING_VERBS)
                    and any(s.tag_ in ("WP", "WDT") for s in children(c, ("nsubj", "nsubjpass")))]


def _served_in(verb: Token, person: Entity, add, index: _Index, orgchart: OrgChart, anchor: Token) -> None:
    """"X served in the Senate from 2003 to 2011", "X, who sits on the home affairs committee":
    a seat in the body, titled as the chart titles its members ("Senator"), else "Member"; held
    when the verb is in the past, with the years the clause gives."""
    if modality_of(verb) != "asserted" or any(p.lower_ == "as" for p in children(verb, ("prep",))):
        return  # "would serve in the cabinet", "never sat in the Lords"; "served as X in Y" says the post
    for prep in children(verb, ("prep",)):
        if prep.lower_ not in ("in", "on"):
            continue
        for obj in children(prep, ("pobj",)):
            body = index.body_in(obj.subtree)
            if body is None or body is person:
                continue
            known = orgchart.find(body.label)
            title = known.member_titles[0] if known is not None and known.member_titles else _MEMBER
            add(person, verb.doc[verb.i:verb.i + 1], _past(verb), anchor,
                verb.doc[min(anchor.i, verb.i):obj.right_edge.i + 1], title_text=title, body=body, tenure=_tenure(verb))


def _worked_at(verb: Token, person: Entity, add, index: _Index, anchor: Token) -> None:
    """"X has worked in the Treasury and the Department of Employment", "Y works for the BBC": a
    post on the body's staff, held now in the present tense; one worked at ("worked", "has
    worked") is a post held before."""
    if modality_of(verb) != "asserted" or any(p.lower_ == "as" for p in children(verb, ("prep",))):
        return  # "would work for X"; "worked as X at Y" says the post
    # "has worked at X" is experience, and "no longer works for X" a post left
    former = _past(verb) or any(c.lemma_ == "have" for c in children(verb, ("aux",))) or any(
        c.lower_ == "longer" and any(n.lower_ == "no" for n in children(c)) for c in children(verb, ("advmod",)))
    for prep in children(verb, ("prep",)):
        if prep.lower_ not in ("in", "at", "for"):
            continue
        for obj in children(prep, ("pobj",)):
            for named in [obj] + [c for c in obj.conjuncts if c.i > obj.i]:
                body = index.body.get(named.i)
                if body is None or body is person or body.label in index.parties:
                    continue  # "worked for the Tories" is campaigning, not a post
                add(person, verb.doc[verb.i:verb.i + 1], former, anchor,
                    verb.doc[min(anchor.i, verb.i):named.right_edge.i + 1], title_text=_STAFF, body=body)


def _complements(verb: Token) -> list[Token]:
    """Title-bearing complements of a copular verb: attr/acomp/oprd, and "as X" on it or its object."""
    out = [c for c in children(verb) if c.dep_ in ("attr", "acomp", "oprd")]
    for child in [verb] + [c for c in children(verb) if c.dep_ in ("prep", "pobj", "dobj")]:
        for prep in (c for c in children(child) if c.dep_ == "prep" and c.text.lower() == "as"):
            out += [c for c in children(prep) if c.dep_ == "pobj"]
        for grandchild in (c for c in children(child) if c.dep_ == "pobj"):
            for prep in (c for c in children(grandchild) if c.dep_ == "prep" and c.text.lower() == "as"):
                out += [c for c in children(prep) if c.dep_ == "pobj"]
    return out


def _place_after(head: Token, index: _Index) -> tuple[Entity | None, str | None]:
    """The body or place in a prepositional phrase on a word: "head of Y", "became chief in Z"."""
    for prep in (c for c in children(head) if c.dep_ == "prep" and c.text.lower() in _ORG_PREPS):
        for obj in (c for c in children(prep) if c.dep_ == "pobj"):
            if obj.i in index.person:
                continue  # "adviser to Republican Secretary of State X": a person's, not the party's
            body = index.body_in(obj.subtree)
            if body is not None:
                return body, None
            if obj.ent_type_ in ("GPE", "LOC"):
                return None, obj.text
    return None, None


def _leading_verb(verb: Token, person: Entity, add, index: _Index, anchor: Token, doc: Doc) -> None:
    """"who led Immigration and Customs Enforcement", "X runs the Y Agency": a leading verb and the
    body it leads."""
    title = LEADING_VERBS.get(verb.lemma_.lower())
    if title is None:
        return
    start = verb.left_edge.i if verb.dep_ == "relcl" else min(anchor.i, verb.i)
    for obj in (c for c in children(verb) if c.dep_ == "dobj"):
        body = index.body.get(obj.i)  # "led the Y Agency", not "led the Y Agency's staff call"
        if body is not None:
            end = verb.right_edge.i if verb.dep_ == "relcl" else obj.right_edge.i
            add(person, doc[verb.i:verb.i + 1], _past(verb), anchor, doc[start:end + 1],
                title_text=title, body=body, tenure=_tenure(verb))


def _tenure(verb: Token) -> tuple[str | None, str | None]:
    """"who led it from 2009 to 2013", "since 2017": when a post began and ended, from dates with
    their year in the clause (relative ones need the story's date, which posts do not know)."""
    started = ended = None
    for prep in children(verb, ("prep",)):
        for date_token in children(prep, ("pobj",)):
            value = resolve_time(date_token.text, None) if date_token.ent_type_ == "DATE" else None
            if prep.lower_ in ("from", "since"):
                started = started or value
                for to in children(prep, ("prep",)) + children(date_token, ("prep",)):  # "from 2009 to 2013"
                    if to.lower_ in ("to", "until", "through", "till"):
                        ended = ended or next((resolve_time(t.text, None) for t in children(to, ("pobj",))), None)
            elif prep.lower_ in ("to", "until", "through", "till"):
                ended = ended or value
    return started, ended


def resolve_descriptions(doc: Doc, sentences: tuple[Sentence, ...], entities: tuple[Entity, ...],
                         lexicon: Lexicon) -> None:
    """Link definite descriptions that name a post ("the prime minister", "the former police chief",
    "The Glasgow Kelvin MP") to a person, as a reader does.

    A description is a noun phrase with "the" whose head is a title and which carries no name. It
    refers only to someone the story gives that post (former posts for "former"): the one, or of
    several the last subject, else the nearest named. It never gives the post to whoever was named
    last ("Ms X said ... The senator apologised" does not make her a senator).
    """
    starts = [s.start for s in sentences]
    people = [e for e in entities if e.kind == "Person"]
    subject_of_sentence: dict[int, Entity] = {}
    token_person: dict[int, Entity] = {}
    bounds = token_bounds(doc)
    for person in people:
        for mention in person.mentions:
            for i in tokens_at(bounds, mention.start, mention.end):
                token_person[i] = person
    others = {i for entity in entities if entity.kind != "Person" for mention in entity.mentions
              for i in tokens_at(bounds, mention.start, mention.end)}
    for token in (doc[i] for i in sorted(token_person)):
        if token.dep_ in _SUBJECTS:
            subject_of_sentence.setdefault(sentence_index(starts, token.idx), token_person[token.i])
    described_now: set[tuple[int, str]] = set()  # (person, title) the story calls "the <title>" now
    # descriptions the story used before anyone in it had the post: they refer to someone it never
    # names so, and so do their later uses ("the former president" all along, not the one a quote
    # says "was president" half way through)
    unnamed: set[tuple[str, bool]] = set()
    for token in tokens_where(doc, LOWER, lexicon.title_words):
        if token.i in token_person or token.i in others or not lexicon.title_of(token.text):
            continue
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in children(token)):
            continue
        # a name inside the phrase ("the Labour MP Ann Smith") is not a description; a pronoun in its
        # relative clause ("The MP, who ... his stance") does not count
        clauses = {t.i for c in children(token) if c.dep_ == "relcl" for t in c.subtree}
        if any(c.i in token_person for c in token.subtree if c.i not in clauses):
            continue
        former = any(c.lower_ in lexicon.former_markers for c in children(token))
        # the longest title ending here: "the prime minister", "the home secretary"
        words = next(n for n in (2, 1, 0) if token.i - n >= 0 and lexicon.title_of(doc[token.i - n:token.i + 1].text))
        title = lexicon.title_of(doc[token.i - words:token.i + 1].text).lower()
        if (title, former) in unnamed:
            continue
        holders = [p for p in people if any(post.title.lower() == title and post.current != former
                                            for post in p.posts) and p.mentions[0].start < token.idx]
        # "the Leeds MP", "the Ohio senator": names in the description must be said of the holder
        named = [c.text for c in token.subtree if c.i < token.i - words and c.pos_ == "PROPN"]
        if named:
            holders = [p for p in holders if all(word in _said_of(p) for word in named)]
        sentence = sentence_index(starts, token.idx)
        previous = subject_of_sentence.get(sentence - 1)
        if previous is not None and any(p.current and p.title.lower() != title for p in previous.posts):
            previous = None  # a prime minister is not "the chancellor"
        # "the former president" when one person has that title and no one is said to have held
        # it: news copy keeps the title of a former holder ("President X"), so it is his, and former
        # ("Jane Doe, president of a club" is not "the former president" of the story's country)
        # ... but not one the story has called "the president" (it holds the post now), nor the
        # subject of the description's own clause ("he drew a contrast with the former president"
        # is not he)
        own_subject = token_person.get(getattr(_clause_subject(token), "i", -1))
        titled = [p for p in people if any(post.title.lower() == title and post.current
                                           and (post.organization is None or post.in_chart) for post in p.posts)
                  and p.mentions[0].start < token.idx and (id(p), title) not in described_now
                  and p is not own_subject] if former and not holders else []
        if len(titled) > 1:
            # several say "President": a definite description refers back to the nearest of them
            titled = [_nearest_before(titled, token.idx)]
        # ... and only to someone the story has just been about: "President Jane Doe ... (other
        # people, other paragraphs) ... the former president" is not Doe
        titled = [p for p in titled if any(sentence - 2 <= m.sentence <= sentence and m.start < token.idx
                                           for m in p.mentions)]
        if len(titled) == 1:
            choice = titled[0]
            choice.posts = [replace(post, current=False) if post.title.lower() == title else post
                            for post in choice.posts]
            holders = [choice]
        elif len(holders) == 1:
            choice = holders[0]
        elif len(holders) > 1:
            # several hold it ("Sen. X ... Sen. Y ... the senator"): the last subject if one of
            # them, else the one named nearest before
            choice = previous if previous in holders else _nearest_before(holders, token.idx)
        else:
            unnamed.add((title, former))
            continue  # no one the story gives the post
        if not former:
            described_now.add((id(choice), title))
        start = min(c.idx for c in token.subtree if c.i <= token.i)
        text = doc.text[start:token.idx + len(token.text)]
        choice.mentions.append(Mention(start, token.idx + len(token.text), text, sentence))
        token_person[token.i] = choice
        subject_of_sentence.setdefault(sentence, choice)


def _clause_subject(token: Token) -> Token | None:
    """The subject of the clause a noun phrase is in, through the open complements its verb
    completes ("he tried to draw a contrast with X": he); None for the clause's own subject."""
    if token.dep_ in _SUBJECTS:
        return None
    verb = next((t for t in token.ancestors if t.pos_ in ("VERB", "AUX")), None)
    while verb is not None:
        subject = next(iter(children(verb, tuple(_SUBJECTS))), None)
        if subject is not None:
            return subject
        verb = verb.head if verb.dep_ in ("xcomp", "conj") and verb.head is not verb else None
    return None


def _said_of(person: Entity) -> str:
    """What the story says of a person's posts and parties, as one text: their places, bodies,
    parties and the words that stated them."""
    return " ".join(f"{p.title} {p.organization or ''} {p.place or ''} {p.party or ''} {p.evidence}"
                    for p in person.posts + person.memberships)


def _nearest_before(people: list[Entity], offset: int) -> Entity:
    """The one of ``people`` (each named before ``offset``) named last before it."""
    return max(people, key=lambda p: max(m.start for m in p.mentions if m.start < offset))
