"""Named-entity spans -> one Entity per person, body, group or anonymous source of a document.

spaCy's small model labels names inconsistently across a story: a surname tagged a place in one
sentence and an organisation in the next, a body tagged a person. A story names each actor in full
once and by a short form after, so the decisions are made per document, not per span:

1. Bodies first: ORG spans, the names and aliases of the organisation charts, and every further
   occurrence of a body's name anywhere in the text. A span that names a body is not a person.
2. People: PERSON spans, and capitalised words after an honorific or a title ("Mr Doe",
   "Chief Roe"), with titles and honorifics stripped. A lone word that never has a first name,
   honorific or title is kept only where it acts like a person (a subject, a possessor, the leader
   in "the X administration", "under X"): "On Twitter" is not a person.
3. Names are parsed with nameparser and coalesced: a surname joins the full name that ends in it;
   the longest well-formed form is canonical. Every occurrence of a person's names is a mention,
   whatever the model labelled it.
4. Groups ("Republican governors", "the Smith administration") and anonymous sources ("a senior
   official") are found from their head nouns (ontology/titles.yml).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable
from functools import lru_cache

from spacy.attrs import DEP, IS_UPPER, LEMMA, LOWER, ORTH, TAG
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from .model import Entity, Mention, Post, Sentence, sentence_index
from .names import first_name_gender, generation, is_given_name, name_parts
from .nlp import children, named_entities, tokens_where, whole_entity
from .rules import Body, Lexicon, OrgChart, chamber_of

__all__ = ["extract_sentences", "extract_entities", "acronym_of", "body_key", "addressed_lists"]

PERSON_LABELS = {"PERSON"}
ORG_LABELS = {"ORG"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}

_DETERMINERS = {"the", "a", "an", "some", "another", "both", "one", "two", "several", "many", "other"}
_POSSESSIVE_TOKENS = {"'s", "\u2019s", "'", "\u2019"}
_NAME_TOKEN = re.compile(r"^[A-Z][\w\-.'\u2019]*$")
_CONNECTORS = {"of", "and", "for", "the", "&", "on", "in"}
_PERSON_ROLES = {"nsubj", "nsubjpass", "poss", "appos", "agent", "dobj", "conj"}


def extract_sentences(doc: Doc) -> tuple[Sentence, ...]:
    """Return the Doc's sentences with their character offsets."""
    # trailing spaces and line breaks belong to no sentence; the text is cut from the Doc's (a
    # Span's own .text is assembled token by token)
    sentences, whole = [], doc.text  # (Doc.text, too, is assembled on each use)
    for i, span in enumerate(doc.sents):
        text = whole[span.start_char:span.end_char].rstrip()
        sentences.append(Sentence(i, span.start_char, span.start_char + len(text), text))
    return tuple(sentences)


_WEEKDAY_NAMES = frozenset({"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"})


# Function words that title-case capitalises in headlines and widgets ("Doe To John Roe",
# "Regarding Doe", "Will Jane Doe Be Confirmed?"): never part of a person's name.
_NOT_IN_NAMES = frozenset({"to", "of", "and", "for", "the", "in", "on", "at", "with", "over", "regarding",
                           "about", "after", "before", "from", "into", "than", "via", "vs", "be", "is", "are",
                           "inside", "why", "how", "what", "who", "when", "where"})


def _is_name(span: Span, particles: frozenset[str] = frozenset()) -> bool:
    """A well-formed name: capitalised words (hyphenated ones too, and the particles of names
    inside: "Hans Urs von Balthasar", "Juan de la Cruz"), no line breaks or quotes, no function
    word a headline capitalised, and not an auxiliary opening a question ("Will X be...?")."""
    if not len(span) or "\n" in span.text or span[0].text == "-" or span[-1].text == "-":
        return False
    if _an_initial(span):
        return False
    if any(_not_in_name(t) for t in span):
        return False
    return all(_NAME_TOKEN.match(t.text) or t.text == "-" or _particle_inside(t, span, particles)
               or _hyphen_tail(t) for t in span)


def _hyphen_tail(token: Token) -> bool:
    """The lower-case syllable after a hyphen inside a name ("Cho Jung-tai"), which the model tags
    a proper noun (not "Bush-style", "Cover-up", "Cardinal-deacon")."""
    doc = token.doc
    return token.i > 1 and token.is_lower and token.is_alpha and token.pos_ == "PROPN" and not token.is_stop \
        and doc[token.i - 1].text == "-" \
        and not doc[token.i - 2].whitespace_ and not doc[token.i - 1].whitespace_ \
        and _NAME_TOKEN.match(doc[token.i - 2].text) is not None


def _an_initial(span: Span) -> bool:
    """A single letter ("Gen Z", "Z."): an initial alone names no one."""
    return len(span) == 1 and len(span.text.rstrip(".")) < 2


def _particle_inside(token: Token, span: Span, particles: frozenset[str]) -> bool:
    """A name's particle ("von", "de", "la") between its capitalised words."""
    return token.text in particles and span.start < token.i < span.end - 1


def _not_in_name(token: Token) -> bool:
    # a function word, or a modal opening a question ("Will Jane Doe be confirmed?")
    return token.lower_ in _NOT_IN_NAMES or token.tag_ == "MD"


def _name_parts(span: Span, particles: frozenset[str] = frozenset()) -> list[Span]:
    """The runs of name-shaped words in a span the model called a person, between function words
    and punctuation: "Doe To John Roe: Stop The Probe" (a headline in title case) holds
    "John Roe"; "Will Jane" is "Jane", and a surname the model left out joins it. A name's
    particles inside it keep it whole ("Henri de Lubac")."""
    doc, runs, start = span.doc, [], span.start
    for token in list(span) + [None]:
        if token is None or _not_in_name(token) or not (_NAME_TOKEN.match(token.text) or token.text == "-"
                                                        or _particle_inside(token, span, particles)
                                                        or _hyphen_tail(token)):
            end = token.i if token is not None else span.end
            if end > start:
                runs.append(doc[start:end])
            start = end + 1
    whole = []
    for run in runs:
        end = run.end
        # "Will Jane | Doe": the name's head, right after it, is part of it
        while end < len(doc) and doc[end].pos_ == "PROPN" and _NAME_TOKEN.match(doc[end].text) \
                and doc[end - 1].dep_ == "compound" and doc[end - 1].head.i == end and not _not_in_name(doc[end]):
            end += 1
        whole.append(doc[run.start:end])
    return whole


# Tags of a capitalised word a headline puts before a name ("Concerning Doe", "Your
# Holiness") or a comparative after one ("Doe Tougher on Roe"): never part of a name. A verb's
# tag after a name is not among them: the model gives it to surnames too ("Ann Poe").
_NOT_NAME_START_TAGS = frozenset({"VBG", "VBZ", "PRP$", "PRP"})
_NOT_NAME_END_TAGS = frozenset({"JJR", "JJS", "RBR"})


def _without_verbs(span: Span) -> Span:
    """The span without the verbs, comparatives and pronouns the model took into a name at its edges."""
    start, end = span.start, span.end
    while start < end and span.doc[start].tag_ in _NOT_NAME_START_TAGS:
        start += 1
    while end > start and span.doc[end - 1].tag_ in _NOT_NAME_END_TAGS:
        end -= 1
    return span.doc[start:end]


def _is_body_name(span: Span) -> bool:
    """A body's name: capitalised words, joined by "of", "and", "for"... inside."""
    if not len(span) or "\n" in span.text or span[-1].text.lower() in _CONNECTORS:
        return False
    return all(_NAME_TOKEN.match(t.text) or t.text.lower() in _CONNECTORS or t.text in "-,"
               for t in span) and bool(_NAME_TOKEN.match(span[0].text))


def _trim(span: Span) -> Span:
    """Drop leading determiners and a trailing possessive ("the", "'s") from a span, and a dash
    the model took into it ("Jane Doe -" before an aside)."""
    start, end, doc = span.start, span.end, span.doc
    while start < end and doc[start].text.lower() in _DETERMINERS:
        start += 1
    while end > start and (doc[end - 1].text in _POSSESSIVE_TOKENS
                           or doc[end - 1].text in _DASHES and end - 2 >= start and doc[end - 2].whitespace_):
        end -= 1
    return doc[start:end]


_DASHES = {"-", "\u2013", "\u2014"}


def acronym_of(name: str) -> str:
    """Initials of a body's name, skipping joining words ("Department of Homeland Security" -> "DHS")."""
    words = [w for w in re.split(r"[\s\-]+", name) if w and w.lower() not in _CONNECTORS]
    return "".join(w[0] for w in words if w[0].isalpha()).upper()


def body_key(name: str, lexicon: Lexicon) -> str:
    """A body's name reduced to what identifies it: no country prefix, "X Department" read as
    "Department of X", lower case ("U.S. Homeland Security Department" -> "department of homeland security")."""
    text = re.sub(r"^(the)\s+", "", name.strip(), flags=re.I)
    for prefix in lexicon.country_prefixes:
        if text.startswith(prefix + " "):
            text = text[len(prefix) + 1:]
            break
    words = text.split()
    if len(words) > 1 and words[-1] in lexicon.body_heads:
        text = f"{words[-1]} of {' '.join(words[:-1])}"
    return text.lower()


def _core_of(key: str, lexicon: Lexicon) -> str | None:
    """"department of homeland security" -> "homeland security"; None for a name without a generic head."""
    for head in lexicon.body_heads:
        for joiner in (" of ", " for "):
            prefix = head.lower() + joiner
            if key.startswith(prefix):
                return key[len(prefix):]
    return None


# --- bodies ---------------------------------------------------------------------------------


class _Bodies:
    """Clusters body names of one document into organisations, with aliases and acronyms."""

    def __init__(self, lexicon: Lexicon, orgchart: OrgChart):
        self.lexicon, self.orgchart = lexicon, orgchart
        self.entities: list[Entity] = []
        self.by_key: dict[str, Entity] = {}

    def entity_for(self, name: str) -> Entity:
        # "Transportation" in "Transportation Secretary X" is the chart's Department of Transportation
        known = self.orgchart.find(name) or self.orgchart.find_department(name)
        key = body_key(known.label if known else name, self.lexicon)
        entity = self.by_key.get(key) or self._related(name, key)
        if entity is None:
            entity = Entity("Organization", known.label if known else name)
            self.entities.append(entity)
        self.by_key[key] = entity
        if known is None and len(name) > len(entity.label) and entity.label not in {b.label for b in self.orgchart.bodies.values()}:
            entity.aliases.add(entity.label)
            entity.label = name
        entity.aliases.add(name)
        return entity

    def _related(self, name: str, key: str) -> Entity | None:
        """An acronym, or the core of a "Department of X" name, names a body already seen."""
        for entity in self.entities:
            other = body_key(entity.label, self.lexicon)
            if name.isupper() and 2 <= len(name) <= 6 and acronym_of(entity.label) in {name, "U" + name, "US" + name}:
                return entity
            if name.isupper() and acronym_of(other) == name:
                return entity
            if entity.label.isupper() and acronym_of(key) == entity.label:
                return entity
            if _core_of(other, self.lexicon) == key or _core_of(key, self.lexicon) == other:
                return entity
        return None


def _person_names(doc: Doc, lexicon: Lexicon) -> set[str]:
    """Names the model tags as persons somewhere in the document, and their surnames."""
    names = set()
    for ent in named_entities(doc):
        if ent.label_ in PERSON_LABELS:
            span = _strip_titles(_trim(ent), lexicon)[0]
            if len(span) and _is_name(span):
                names |= {span.text, name_parts(span.text)[1] or span.text}
    return names


def _staff_name(ent: Span, lexicon: Lexicon) -> bool:
    """A name the model tagged as a body's that a body's possessive introduces: "NBC News'
    Jane Doe", "the BBC's John Roe" (two or three capitalised words, none a title or a word of
    bodies, places or things, as in "the BBC's World Service")."""
    doc = ent.doc
    if ent.label_ not in ORG_LABELS or not 2 <= len(ent) <= 3 or ent.start < 2:
        return False
    marker, owner = doc[ent.start - 1], doc[ent.start - 2]
    if marker.text not in _POSSESSIVE_TOKENS or marker.head.i != ent.root.i and owner.head.i != ent.root.i \
            or owner.ent_type_ not in ORG_LABELS:
        return False
    return all(t.pos_ == "PROPN" and t.text.istitle() and _NAME_TOKEN.match(t.text)
               and not _names_a_kind(t.text, lexicon) and t.lower_ not in lexicon.thing_nouns
               and not _title_word(t.lower_, lexicon) for t in ent)


def _person_tagged_a_body(ent: Span, lexicon: Lexicon) -> bool:
    """A person's name the model tagged as a body's: two or three name words, the first a given name
    the name dictionary gives to men or to women ("Maeve Roe", "Vince Doe QC", "Adair Roe's
    report"), none a word of titles, bodies, places or things ("John Roe Foundation" is a body)."""
    if ent.label_ not in ORG_LABELS:
        return False
    span = _trim(ent)
    while len(span) > 2 and span[-1].text in lexicon.postnominals:
        span = span[:-1]
    # a given name of either sex will do where a title stands right before the name ("spokesman Glyn Roe")
    titled = any(span.start >= n and lexicon.title_of(span.doc[span.start - n:span.start].text) for n in (1, 2))
    # "O'Malley", "D'Souza": a name with an apostrophe the tagger may read as a common noun
    return 2 <= len(span) <= 3 and (first_name_gender(span.text) is not None or titled and is_given_name(span[0].text)) \
        and all((t.pos_ == "PROPN" or t.pos_ == "NOUN" and ("'" in t.text or "\u2019" in t.text))
                and t.text.istitle() and _NAME_TOKEN.match(t.text)
                and not _names_a_kind(t.text, lexicon) and t.lower_ not in lexicon.thing_nouns
                and t.lower_ not in lexicon.place_nouns and not _title_word(t.lower_, lexicon)
                and not lexicon.is_known_place(t.text) for t in span) \
        and _named_as_a_person(span, lexicon)


def _named_as_a_person(span: Span, lexicon: Lexicon, speech: bool = True) -> bool:
    """The sentence or story treats a name as a person's: a title before it ("shadow chancellor
    Jane Doe") or beside it ("Jane Doe, chief executive of ...", "the chairman, John Roe"), a speech
    verb it is the subject of (with ``speech``), or an honorific before its surname elsewhere ("Ms Doe")."""
    doc, root = span.doc, span.root
    while root.dep_ == "compound" and root.head.i >= span.end and root.head.text in lexicon.postnominals:
        root = root.head  # "Jane Doe QC"

    def a_title(noun: Token) -> bool:  # "executive" in "chief executive of ..."
        return bool(_title_word(noun.lower_, lexicon) or lexicon.title_of(doc[noun.left_edge.i:noun.i + 1].text)
                    or noun.i and lexicon.title_of(doc[noun.i - 1:noun.i + 1].text))

    if any(span.start >= n and lexicon.title_of(doc[span.start - n:span.start].text) for n in (1, 2, 3)):
        return True
    if any(c.dep_ == "appos" and a_title(c) for c in children(root)) or root.dep_ == "appos" and a_title(root.head):
        return True
    if speech and root.dep_ == "nsubj" and root.head.lemma_.lower() in lexicon.speech_verbs:
        return True
    return any(t.i and doc[t.i - 1].lower_.rstrip(".") in lexicon.honorifics
               for t in tokens_where(doc, ORTH, (span[-1].text,)))


def _org_spans(doc: Doc, lexicon: Lexicon, orgchart: OrgChart,
               addressed: list[tuple[Token, list[Span]]] = (), people_tagged: frozenset[int] = frozenset()) -> list[Span]:
    """Spans naming bodies: ORG entities (a generic one like "Police Department" extended over
    the place before it), chart names, and every further occurrence of a name already found.

    An ORG span whose words are a person's name or surname elsewhere in the story is that person
    ("Doe" after "Jane Q. Doe"), unless a chart knows it as a body; so are the names a plural form
    of address lists, and the plural itself is no body ("Lords Doe and Roe").
    """
    people = _person_names(doc, lexicon)
    # "Director of National Intelligence Avril Haines" tagged from "National": the holder's name,
    # and her surname wherever the tagger makes it a body's ("Haines said")
    ents = named_entities(doc)
    holders = [holder for ent in ents if ent.label_ in ORG_LABELS
               and (holder := _name_after_title(_trim(ent), lexicon)) is not None]
    people |= {form for holder in holders for form in (holder.text, holder[-1].text)}
    addressed_tokens = {t.i for address, names in addressed for t in [address, *(t for n in names for t in n)]}
    spans = []
    for ent in ents:
        if ent.label_ not in ORG_LABELS or _staff_name(ent, lexicon) or addressed_tokens & {t.i for t in ent} \
                or (ent.start in people_tagged and orgchart.find(_trim(ent).text) is None):
            continue
        span = _trim(ent)
        if not _is_body_name(span) or _name_after_title(span, lexicon) is not None:
            continue
        before = doc[span.start - 1] if span.start else None
        # "Sunday Telegraph journalist": the model reads the weekday in a paper's name as a date
        if before is not None and before.text in _WEEKDAY_NAMES and before.dep_ == "compound":
            span, before = doc[span.start - 1:span.end], (doc[span.start - 2] if span.start > 1 else None)
        if orgchart.find(span.text) is None and (
                span.text in people  # "Doe" after "Jane Q. Doe"
                or span[0].text.lower().rstrip(".") in lexicon.honorifics  # "Mr Doe", "Lord Roe"
                or (before is not None and before.text[:1].isupper()
                    and before.text.lower().rstrip(".") in lexicon.honorifics)
                or all(t.text in people or t.text.lower() in _CONNECTORS for t in span)):  # "Doe and Roe"
            continue
        # "New Home" before "Secretary": the model cut a title ("Home Secretary") into a body
        after = doc[span.end].text if span.end < len(doc) else ""
        if any(lexicon.title_of(doc[span.end - n:span.end].text + " " + after) for n in (1, 2) if span.end - n >= span.start) \
                and len((lexicon.title_of(span[-1].text + " " + after) or "").split()) > 1:
            continue
        # "UKIP MEP": a title after a body's name is not part of it, nor what follows it
        # ("Democratic National Committee Chair Jane Doe": the body ends before "Chair"), but a
        # title after "of" and before no given name is the body's own word ("the Association of
        # Chief Police Officers", not "Office of Archbishop Jane Doe")
        title_at = next((i for i in range(1, len(span) - 1) if lexicon.title_of(span[i].text)
                         and span[i + 1].text[:1].isupper() and span[i + 1].pos_ == "PROPN"
                         and (span[i - 1].lower_ != "of" or any(is_given_name(t.text) for t in span[i + 1:]))), None)
        if title_at is not None and orgchart.find(span.text) is None:
            span = span[:title_at]
        while len(span) > 1 and lexicon.title_of(span[-1].text):
            span = span[:-1]
        # "London UKIP": a place before a body the chart knows is not part of its name; but a
        # place's own "... Party" is a body of its own ("the Florida Democratic Party", a state party)
        while len(span) > 1 and span[0].ent_type_ in PLACE_LABELS | {"ORG"} and orgchart.find(span.text) is None \
                and orgchart.find(span[1:].text) is not None and span[-1].lower_ != "party":
            span = span[1:]
        spans.append(_with_place(span, lexicon, orgchart))
    spans += _committee_spans(doc, lexicon) + _acronyms_before_titles(doc, lexicon) + _campaign_spans(doc, people, lexicon)
    # only names whose first word is one of the story's words can occur in it (pattern Docs are
    # not free): the words are compared as spaCy's hashes, all read in one array pass
    words, strings = set(doc.to_array(ORTH).tolist()), doc.vocab.strings
    chart_names = orgchart.labels_and_aliases
    names = {s.text for s in spans} | {n for n in chart_names if len(n.split()) > 1 or n.isupper()}
    names = {n for n in names | {_without_country(n, lexicon) for n in names} if strings[_first_word(n)] in words}
    chart_names = {n for n in chart_names if strings[_first_word(n)] in words}
    matcher = PhraseMatcher(doc.vocab)
    matcher.add("BODY", [_name_doc(doc, n) for n in sorted(names)])
    # one-word chart names ("Labour", "Tory") only where they are used as names, not as words
    matcher.add("WORD", [_name_doc(doc, n) for n in sorted(chart_names - names) if len(n.split()) == 1])
    matches = matcher(doc)
    # the bodies the story names in mid-sentence somewhere ("the Tories", "the Conservative leader")
    named_inside = {orgchart.find(doc[start:end].text) for _, start, end in matches if not doc[start].is_sent_start}
    for match_id, start, end in matches:
        token = doc[start]
        if token.i in addressed_tokens:
            continue
        if doc.vocab.strings[match_id] == "WORD" and not (
                token.tag_ in ("NNP", "NNPS") or token.ent_type_ in ("ORG", "NORP")
                or not token.is_sent_start
                # a sentence's first word is capitalised whatever it is: an adjective there names
                # a body only if the story names it elsewhere ("Conservative commentator X" in a
                # story of "conservative" radio hosts and no Tories is no Tory)
                or (token.dep_ in ("compound", "amod")
                    and (token.tag_ != "JJ" or orgchart.find(doc[start:end].text) in named_inside))):
            continue
        spans.append(doc[start:end])
    return filter_spans(spans)


_POSSESSIVE_MARKS = {"'s", "\u2019s", "'", "\u2019"}


def _name_after_title(span: Span, lexicon: Lexicon) -> Span | None:
    """The name in a span whose first words end a title begun before it ("Secretary of State Mac
    Warner" tagged "State Mac Warner"; "Director of National Intelligence Avril Haines" tagged
    "National Intelligence Avril Haines"): the holder's, not a body's; None for other spans."""
    doc, start = span.doc, span.start
    for end in range(start + 1, min(start + 4, span.end)):
        if all(t.pos_ == "PROPN" and t.text not in lexicon.body_heads for t in doc[end:span.end]) \
                and any(lexicon.title_of(doc[start - n:end].text) for n in (1, 2, 3) if start - n >= 0):
            return doc[end:span.end]
    return None


def _campaign_spans(doc: Doc, people: set[str], lexicon: Lexicon) -> list[Span]:
    """A person's campaign, named by its candidate, where it acts or has staff: "the Biden campaign
    said", "Trump's campaign communications director", "a spokesperson for the Harris campaign"
    ("his campaign" names none; "endorsed Doe's campaign" endorses Doe). The name is one the model
    tags a person's here or elsewhere in the story (``people``)."""
    spans = []
    for campaign in tokens_where(doc, LEMMA, ("campaign",)):
        staffed = campaign.dep_ == "pobj" and campaign.head.lower_ in ("for", "of", "with", "at", "to") \
            and lexicon.title_of(campaign.head.head.text.lower()) is not None
        if campaign.pos_ != "NOUN" or not (staffed or campaign.dep_ in ("compound", "nsubj", "nsubjpass")):
            continue
        i = campaign.i - 1
        while i > campaign.i - 3 and i >= 0 and doc[i].is_lower and doc[i].pos_ in ("NOUN", "ADJ"):
            i -= 1  # "reelection", "presidential"
        if i >= 0 and doc[i].text in _POSSESSIVE_MARKS:
            i -= 1
        if i < 0 or doc[i].pos_ != "PROPN" or doc[i].text.isupper() \
                or not (doc[i].ent_type_ in PERSON_LABELS or doc[i].text in people):
            continue  # "GOP campaign spending": a party's, not a candidate's
        start = i
        while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].ent_type_ == doc[i].ent_type_:
            start -= 1
        spans.append(doc[start:campaign.i + 1])
    return spans


def campaign_name(span: Span) -> str | None:
    """The name of the campaign a span names ("Joe Biden's reelection campaign" -> "Biden
    campaign"), by its candidate's surname as news copy writes it; None for any other span."""
    if span[-1].lemma_ != "campaign" or span[0].pos_ != "PROPN":
        return None
    names = [t for t in span if t.pos_ == "PROPN" and t.text not in _POSSESSIVE_MARKS]
    return f"{names[-1].text} campaign" if names else None


def _acronyms_before_titles(doc: Doc, lexicon: Lexicon) -> list[Span]:
    """An acronym set before a title and a name is the body the title is in, whatever the model
    tagged it ("IHRC chairman Jane Doe", "TUC general secretary John Roe"); not a place ("US
    Ambassador"), an honour or a title itself ("CEO Jane Doe")."""
    spans = []
    upper = doc.to_array(IS_UPPER).tolist()
    for token in (doc[i] for i, flag in enumerate(upper[:-2]) if flag):
        word = token.text
        if not (word.isalpha() and len(word) >= 3) or lexicon.is_known_place(word) \
                or lexicon.title_of(word) or word in lexicon.postnominals or token.ent_type_ in PLACE_LABELS:
            continue
        after = token.i + 1
        name = after + _title_length(doc, after, lexicon)
        if not lexicon.title_of(doc[after:name].text):
            continue
        if name < len(doc) and doc[name].pos_ == "PROPN" and _NAME_TOKEN.match(doc[name].text):
            spans.append(doc[token.i:token.i + 1])
    return spans


def _chamber_before(span: Span, orgchart: OrgChart) -> Token | None:
    """The chamber named just before a party's plural ("House" in "House Democrats"), if any."""
    if not span.start or span[-1].tag_ not in ("NNPS", "NNS") or not getattr(orgchart.find(span.text), "party", False):
        return None
    before = span.doc[span.start - 1]
    if before.dep_ != "compound" or before.head.i not in range(span.start, span.end) or not before.text[:1].isupper():
        return None
    # a chamber's name or the first word of one ("House" of "House of Representatives")
    return before if before.text in orgchart.chamber_words else None


_INDEFINITE = frozenset({"a", "an", "another", "any", "each", "every", "no", "some", "one"})


def _committee_spans(doc: Doc, lexicon: Lexicon) -> list[Span]:
    """Bodies the model leaves untagged or the name test rejects: a committee noun with the words
    that say which, as the press writes them in lower case ("the Commons trade committee", "the
    science and technology committee"), and a body's generic head with "for"/"of" and a capitalised
    name ("the Commission for Racial Equality").

    A committee is one only with a noun saying which ("the ruling committee", "a committee", "the
    city council" name none); adjectives before that noun are description ("the powerful ...").
    """
    spans = []
    heads = {t.i: t for t in tokens_where(doc, LOWER, lexicon.committee_nouns) + tokens_where(doc, ORTH, lexicon.body_heads)}
    for head in (heads[i] for i in sorted(heads)):
        if head.pos_ not in ("NOUN", "PROPN"):
            continue
        if head.lower_ in lexicon.committee_nouns and head.text.islower():
            lefts = list(head.lefts)
            if any(c.dep_ in ("det", "poss") and c.lower_ in _INDEFINITE for c in lefts):
                continue
            modifiers = [c for c in lefts if c.dep_ in ("compound", "nmod", "amod")]
            if not any(c.dep_ in ("compound", "nmod") and c.pos_ in ("NOUN", "PROPN") for c in modifiers):
                continue
            start = min(c.left_edge.i for c in modifiers)
            # an adjective on the committee or before a name is description ("the influential
            # Commons home affairs committee"); one inside the phrase names it ("public accounts")
            while start < head.i and doc[start].dep_ == "amod" and doc[start].is_lower \
                    and (doc[start].head.i == head.i or doc[start + 1].text[:1].isupper()):
                start += 1
            words = doc[start:head.i]
            if not words or any(t.ent_type_ == "PERSON" or t.dep_ in ("poss", "det", "case") or t.is_punct for t in words) \
                    or all(t.lower_ in lexicon.place_nouns or t.lower_ in _CONNECTORS for t in words):
                continue
            spans.append(doc[start:head.i + 1])
        elif head.text in lexicon.body_heads and not head.ent_type_:
            for prep in (c for c in head.rights if c.dep_ == "prep" and c.lower_ in ("for", "of", "on")):
                # the name runs over capitalised words up to a title or a person ("Commission for
                # Racial Equality chief Jane Doe" is parsed as if she were the commission's object)
                end = prep.i + 1
                while end < len(doc) and (doc[end].pos_ == "PROPN" or doc[end].lower_ in _CONNECTORS) \
                        and not doc[end].ent_type_ == "PERSON" and not lexicon.title_of(doc[end].text):
                    end += 1
                span = doc[min([head.i] + [c.left_edge.i for c in head.lefts if c.dep_ == "compound"]):end]
                if end > prep.i + 1 and _is_body_name(span):
                    spans.append(span)
    return spans


@lru_cache(maxsize=65536)
def _first_word(name: str) -> str:
    words = _NAME_WORDS.findall(name)
    return words[0] if words else ""  # (no story has the empty word: its hash is in no Doc)


def _without_country(name: str, lexicon: Lexicon) -> str:
    return _strip_prefix(name, lexicon.country_prefixes)


@lru_cache(maxsize=65536)
def _strip_prefix(name: str, prefixes: tuple[str, ...]) -> str:
    # asked of every chart name for every story: remembered
    for prefix in prefixes:
        if name.startswith(prefix + " "):
            return name[len(prefix) + 1:]
    return name


_NAME_WORDS = re.compile(r"[^\W_]+(?:[.'\u2019][^\W_]+)*\.?|[^\w\s]")


def _name_doc(doc: Doc, name: str) -> Doc:
    """A name as a pattern Doc, split into words the way spaCy's English tokenizer splits names."""
    return _pattern_doc(doc.vocab, name)


@lru_cache(maxsize=4096)
def _pattern_doc(vocab, name: str) -> Doc:
    # made once per name: making a Doc takes ~50 us, and the same bodies and people recur in
    # story after story (a matcher only reads its pattern Docs; ~5 KB each)
    return Doc(vocab, words=_NAME_WORDS.findall(name))


def _with_place(span: Span, lexicon: Lexicon, orgchart: OrgChart) -> Span:
    """"Police Department" after "Springfield, Ill.," is the Springfield Police Department; a
    party after a state's name ("South Carolina Republican Party") is that state's branch."""
    doc, start = span.doc, span.start
    if span[-1].text == "Party" and start > 0 and doc[start - 1].ent_type_ == "GPE" \
            and orgchart.is_party(span.text) and orgchart.find(span.text) is not None:
        place = whole_entity(doc[start - 1])
        if place.text not in lexicon.country_prefixes:
            return doc[place.start:span.end]
    if len(span) > 2 or span[-1].text not in lexicon.body_heads:
        return span
    while start > 0 and (doc[start - 1].ent_type_ in PLACE_LABELS or doc[start - 1].text == ","):
        start -= 1
    while start < span.start and doc[start].text == ",":
        start += 1
    return doc[start:span.end] if start < span.start else span


# --- people ---------------------------------------------------------------------------------


class _Name:
    """A person-name candidate: the name tokens, and any title or honorific before them."""

    def __init__(self, span: Span, title: str | None, honorific: str | None):
        self.span, self.title, self.honorific = span, title, honorific
        self.text = span.text


def _title_word(word: str, lexicon: Lexicon) -> str | None:
    """The title one word is, in the singular or for several ("Cardinals Jane Doe and John Roe")."""
    return lexicon.title_of(word) or (lexicon.title_of(word[:-1]) if word.endswith("s") else None)


def _strip_titles(span: Span, lexicon: Lexicon) -> tuple[Span, str | None, str | None]:
    """Split "President Smith" / "Mr Doe" into the name and the title or honorific before it,
    looking inside the span and at the words just before it."""
    doc, start, title, honorific = span.doc, span.start, None, None
    # the end of a title begun before the span ("Director of | National Intelligence Avril Haines")
    firsts, lasts = lexicon.title_edge_words
    begins_before = start > 0 and any(doc[i].lower_ in firsts for i in range(max(0, start - 3), start))
    for words in (3, 2, 1) if begins_before else ():
        begun = next((t for n in (3, 2, 1) if start - n >= 0 and start + words <= span.end
                      and (t := lexicon.title_of(doc[start - n:start + words].text))), None)
        if begun:
            title, start = begun, start + words
            break
    while start < span.end - 1:
        word = doc[start].text.lower().rstrip(".")
        # the longest title first: "Attorney General John Roe" is not named "Attorney General"
        phrase = next((n for n in (3, 2) if start + n < span.end and lexicon.title_of(doc[start:start + n].text)), 0)
        if phrase:
            title = lexicon.title_of(doc[start:start + phrase].text)
            start += phrase
            continue
        if word in lexicon.honorifics or (word.endswith("s") and word[:-1] in lexicon.honorifics):
            honorific = word if word in lexicon.honorifics else word[:-1]  # "Lords Doe and Roe"
        elif _title_word(word, lexicon):
            title = _title_word(word, lexicon)
        else:
            break
        start += 1
    before = doc[span.start - 1].text.lower().rstrip(".") if span.start else ""
    if before in lexicon.honorifics and doc[span.start - 1].text[:1].isupper():
        honorific = honorific or before
    elif lexicon.title_of(before) and doc[span.start - 1].text[:1].isupper():
        title = title or lexicon.title_of(before)
    return doc[start:span.end], title, honorific


def addressed_lists(doc: Doc, lexicon: Lexicon) -> list[tuple[Token, list[Span]]]:
    """Names listed after a plural honorific or title, which addresses each of them: "Lords Doe,
    Roe and Lee", "Sens. Doe and Roe", "Lord Justices Doe and Roe"; with the plural word. Found
    once per Doc (the people and the posts stages both read them)."""
    found = doc.user_data.get(_ADDRESSED)
    if found is None:
        found = doc.user_data[_ADDRESSED] = _addressed_lists(doc, lexicon)
    return found


_ADDRESSED = "govgraph.addressed"


def _addressed_lists(doc: Doc, lexicon: Lexicon) -> list[tuple[Token, list[Span]]]:
    found = []
    for token in tokens_where(doc, LOWER, lexicon.plural_addresses):
        word = token.lower_.rstrip(".")
        if token.i + 2 >= len(doc) or not token.text[:1].isupper() or word in lexicon.honorifics \
                or (token.i and doc[token.i - 1].lower_ == "the") \
                or lexicon.title_of(word) or not (word[:-1] in lexicon.honorifics or lexicon.title_of(word[:-1])):
            continue
        # "Reps. Doe": an abbreviation's full stop inside the sentence ("... by MPs. Mr Doe" ends one)
        start, names = token.i + 1 + (doc[token.i + 1].text == "." and not doc[token.i + 2].is_sent_start), []
        while (end := _name_end(doc, start, lexicon)) > start:
            name = doc[start:end]
            if name[0].lower_.rstrip(".") in lexicon.honorifics or _names_a_kind(name[-1].text, lexicon) \
                    or (end < len(doc) and (doc[end].pos_ in ("NOUN", "PROPN") or doc[end].lower_ == "of" and len(name) == 1)) \
                    or name.text.isupper():
                break  # "Secondary Heads Association", "Governors Ball festival", "Prefect of ...": no name
            names.append(name)
            if end + 1 >= len(doc) or doc[end].text not in (",", "and"):
                break
            start = end + 2 if doc[end].text == "," and doc[end + 1].lower_ == "and" else end + 1
        if names:
            found.append((token, names))
    return found


def _name_candidates(doc: Doc, lexicon: Lexicon, taken: Callable[[Span], bool],
                     addressed: list[tuple[Token, list[Span]]], people_tagged: frozenset[int] = frozenset()) -> list[_Name]:
    candidates = []
    # "Lords Doe, Roe and Lee", "Sens. Doe and Roe": each name a plural form of address lists
    for address, names in addressed:
        word = address.lower_.rstrip(".")[:-1]
        honorific = word if word in lexicon.honorifics else None
        candidates += [_Name(span, None if honorific else lexicon.title_of(word), honorific)
                       for span in names if not taken(span)]
    addressed_tokens = {t.i for c in candidates for t in c.span}
    for ent in named_entities(doc):
        if ent.label_ in PERSON_LABELS or _staff_name(ent, lexicon) or ent.start in people_tagged:
            trimmed = _trim(ent)
            # "Across Wales, pickets were held": a preposition opening the sentence is no part of a name
            while len(trimmed) > 1 and trimmed[0].tag_ == "IN" and trimmed[0].lower_ not in lexicon.name_particles:
                trimmed = trimmed[1:]
            parts = _name_parts(trimmed, lexicon.name_particles)
            for part in parts:
                part = _without_verbs(part)
                while len(part) > 1 and taken(part[:1]):
                    part = part[1:]  # "Tory John Roe": the party before the name is no part of it
                if (len(parts) > 1 or part.start != trimmed.start) and len(part) == 1 and part[0].tag_ != "NNP":
                    continue  # a capitalised headline word left over ("Stop The Probe"), not a name
                if not len(part):
                    continue
                if len(part) > 1 and all(t.text.isupper() for t in part if t.is_alpha) \
                        and sum(len(t.text) > 2 for t in part if t.is_alpha) > 1:
                    continue  # a headline in capitals ("TRUMP TELLS JEFF SESSIONS"): the story names them again
                span, title, honorific = _strip_titles(part, lexicon)
                if not len(span):
                    continue  # "President | Pro Tempore": the end of a title, no name
                while len(span) > 1 and span[-1].text.isupper() and (lexicon.title_of(span[-1].text)
                                                                     or span[-1].text in lexicon.postnominals):
                    span = span[:-1]  # "Jane Doe MP", "Jane Doe QC": a title or honour after the name is no part of it
                if lexicon.title_of(span.text) or lexicon.title_of(part.text) \
                        or span.text.lower().rstrip(".") in lexicon.honorifics:
                    continue  # "Attorney General" alone is a post, "Msgr" or "Our Lady" a form of address, not a name
                if _portfolio_and_title(span, lexicon):
                    continue  # "Lifelong Learning Minister Jane Doe": the post before her name
                if len(span) == 1 and span.text in lexicon.thing_names:
                    continue  # "the Lord Almighty": a form of address before a word that names no one
                # one word that "the" determines is a family or group ("the Buttigiegs", "the
                # Iran-backed Houthis"): a person's name takes no article
                plural = len(span) == 1 and (
                    span[0].tag_ == "NNPS" and span.start > 0 and span.doc[span.start - 1].lower_ == "the"
                    or any(c.dep_ == "det" and c.lower_ == "the" for c in span[0].children))
                if plural or _names_a_kind(span[-1].text, lexicon) or span.text in lexicon.news_outlets:
                    continue  # "the Buttigiegs", "the Houthis", "Marriott Hotel": a family, group or place
                if not (title or honorific) and any(
                        c.dep_ == "det" and c.lower_ in ("a", "an") and c.i < span.start
                        and not any(t.pos_ == "NOUN" for t in doc[c.i + 1:span.start])
                        for c in children(span.root)):
                    continue  # "an Army Ranger who served": a kind (not "a lay author Jane Doe")
                if _used_as_a_thing(span, lexicon):
                    continue
                if _is_name(span, lexicon.name_particles) and not taken(span) \
                        and not addressed_tokens & {t.i for t in span}:
                    candidates.append(_Name(span, title, honorific))
    # "Jane Doe, shadow work secretary, said": two capitalised words the model left untagged are a
    # name where the first is a given name the dictionary is sure of, neither is a title, and the
    # story treats them as a person's (a title before or beside them, an honorific elsewhere; a
    # speech verb alone is not enough: "says Age Concern")
    covered = {t.i for c in candidates for t in c.span}
    for first in tokens_where(doc, TAG, ("NNP",)):
        last = first.head
        if first.ent_iob_ == "O" and first.dep_ == "compound" and last.i == first.i + 1 and last.tag_ == "NNP" \
                and last.ent_iob_ == "O" and not covered & {first.i, last.i} and (first.i == 0 or doc[first.i - 1].tag_ != "NNP") \
                and first_name_gender(f"{first.text} {last.text}") is not None and _is_name(doc[first.i:last.i + 1], lexicon.name_particles) \
                and not lexicon.title_of(first.text) and not lexicon.title_of(last.text) \
                and not taken(doc[first.i:last.i + 1]) and _named_as_a_person(doc[first.i:last.i + 1], lexicon, speech=False):
            candidates.append(_Name(doc[first.i:last.i + 1], None, None))
    # Capitalised words right after an honorific or a capitalised title word are a name,
    # whatever the model said ("Chief Roe", "Mr Doe").
    covered = {t.i for c in candidates for t in c.span}
    addresses = lexicon.title_words | {form for word in lexicon.honorifics for form in (word, word + ".")}
    for token in tokens_where(doc, LOWER, addresses):
        if token.i == len(doc) - 1:
            continue
        text = token.text
        if not text[:1].isupper():
            continue
        word = text.lower().rstrip(".")
        if not (word in lexicon.honorifics or lexicon.title_of(word)):
            continue
        first = token.i + _title_length(doc, token.i, lexicon)
        if first < len(doc) and (doc[first].lower_.rstrip(".") in lexicon.honorifics
                                 or _title_word(doc[first].lower_.rstrip("."), lexicon)):
            continue  # "Attorney General Lord Roe", "Lord Justices Doe and Roe": the name starts later
        end = _name_end(doc, first, lexicon)
        span = doc[first:end]
        if end < len(doc) and _starts_title(doc, end, lexicon):
            continue  # "Deputy Health Minister": a portfolio between title words, not a name
        if len(span) and (_names_a_kind(span[-1].text, lexicon) or _names_a_place_or_programme(span, lexicon)):
            continue  # "the Family Justice Division", "St Helen's Road": a title word in a name, a place
        honorific = word if word in lexicon.honorifics else None
        if span.text in lexicon.thing_names or _an_initial(span):
            continue  # "the Lord Almighty", "Gen Z"
        if not honorific and any(t.ent_type_ in _NOT_PEOPLE for t in span):
            continue  # "General Election", "Secretary of State for ..." are not names
        if len(span) and not taken(span) and not covered & {t.i for t in span}:
            candidates.append(_Name(span, None if honorific else lexicon.title_of(doc[token.i:first].text), honorific))
            covered |= {t.i for t in span}
    # "the Shadow Secretary of State, Jane Doe," - a name-shaped appositive of a title
    for token in tokens_where(doc, DEP, ("appos",)):
        if token.pos_ != "PROPN" or not lexicon.title_of(token.head.text):
            continue
        start = token.i
        while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].head.i == token.i:
            start -= 1
        span = doc[start:token.i + 1]
        if lexicon.title_of(span.text) or _portfolio_and_title(span, lexicon):
            continue  # "Jane Doe MP, Labour's Chief Secretary to the Treasury": a post, not a name
        if 2 <= len(span) <= 4 and _is_name(span) and not taken(span) and not covered & {t.i for t in span}:
            candidates.append(_Name(span, None, None))
            covered |= {t.i for t in span}
    return candidates


def _title_cased(sentence: Span) -> bool:
    """Whether a sentence is set in title case, as headlines and subheads are ("Liberals Agree -
    Doe Tougher on Roe"): its capitalised words are no evidence of names."""
    words = [t for t in sentence if t.is_alpha and len(t.text) > 3]
    return len(words) >= 3 and sum(t.text[:1].isupper() for t in words) >= 0.8 * len(words)


def _without_headline_words(candidates: list[_Name]) -> list[_Name]:
    """Candidates with a headline's verb or adjective cut off the name before it: in a title-cased
    line, "Doe Speaks" or "Jane Doe Check Amazon" is the name "Doe" or "Jane Doe" the story uses
    elsewhere and words no other name has."""
    texts = {c.text for c in candidates}
    words = Counter(t.text for c in candidates for t in c.span)
    out = []
    for name in candidates:
        span = name.span
        known = next((end for end in range(len(span) - 1, 0, -1) if span[:end].text in texts), None)
        if known is not None and all(words[t.text] == 1 for t in span[known:]) and _title_cased(span.sent):
            name = _Name(span[:known], name.title, name.honorific)
        out.append(name)
    return out


def _name_end(doc: Doc, start: int, lexicon: Lexicon) -> int:
    """Where the capitalised words of a name starting at token ``start`` end (``start`` for none),
    before any title word ("Jane Doe-Roe", not "Jane Doe Minister")."""
    end = start
    while end < len(doc) and not _starts_title(doc, end, lexicon) and (
            (_NAME_TOKEN.match(doc[end].text) and doc[end].pos_ in ("PROPN", ""))
            or (doc[end].text == "-" and not doc[end - 1].whitespace_ and end + 1 < len(doc)
                and (_NAME_TOKEN.match(doc[end + 1].text) or _hyphen_tail(doc[end + 1])))
            or _hyphen_tail(doc[end])):
        end += 1
    return end


_NOT_PEOPLE = {"EVENT", "DATE", "TIME", "LAW", "WORK_OF_ART", "NORP", "FAC", "LOC", "GPE", "PRODUCT",
               "LANGUAGE", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY"}


def _names_a_kind(word: str, lexicon: Lexicon) -> bool:
    """Whether a name ending in ``word`` names a body, place or thing ("... Division", "... Act")."""
    return word in lexicon.body_heads or word in lexicon.not_person_heads


def _title_length(doc: Doc, i: int, lexicon: Lexicon) -> int:
    """How many words the longest title starting at token i has (1 for a one-word title or none):
    "Chief Executive" is one title, not "Chief" before a name "Executive"."""
    if doc[i].lower_.rstrip(".") not in lexicon.title_edge_words[0]:
        return 1  # no title of several words starts here
    return next((n for n in (5, 4, 3, 2) if i + n <= len(doc) and lexicon.title_of(doc[i:i + n].text)), 1)


def _starts_title(doc: Doc, i: int, lexicon: Lexicon) -> bool:
    """A title phrase of one to three words starts at token i ("Prime Minister")."""
    return any(lexicon.title_of(doc[i:i + n].text) for n in (1, 2, 3) if i + n <= len(doc))


def _with_given_names(span: Span, lexicon: Lexicon, org_tokens: set[int]) -> Span:
    """"John Roe" where the model saw only "Roe": capitalised words compounding the name
    from the left are part of it, unless they are a title, an honorific or a body."""
    doc, start = span.doc, span.start
    while start > 0:
        prev = doc[start - 1]
        word = prev.text.lower().rstrip(".")
        if prev.lower_ in lexicon.title_edge_words[1] and any(
                start - n >= 0 and lexicon.title_of(doc[start - n:start].text) for n in (2, 3, 4, 5)):
            break  # "Attorney General John Roe": a title of several words ends here
        if prev.dep_ != "compound" or prev.head.i not in range(start, span.end) or prev.pos_ != "PROPN" \
                or not _NAME_TOKEN.match(prev.text) or prev.i in org_tokens or word in lexicon.honorifics \
                or word.endswith("s") and word[:-1] in lexicon.honorifics \
                or _title_word(word, lexicon) or prev.ent_type_ in _NOT_PEOPLE:
            break
        start -= 1
    return doc[start:span.end]


_SAINTS = {"st", "saint"}
_WORK_TITLE_VERBS = {"title", "entitle", "headline", "dub", "call", "name", "nickname"}
_QUOTES = {'"', "'", "\u2018", "\u201c", "``", "`"}


def _names_a_place_or_programme(span: Span, lexicon: Lexicon) -> bool:
    """A name that the words around it make a building's, a programme's or a seat's: "St James's
    Palace", "BBC One's Breakfast with Roe", "the Bolton West MP" (a person's name takes no article)."""
    doc = span.doc
    before = doc[span.start - 1] if span.start else None
    after = doc[span.end] if span.end < len(doc) else None
    saint = span[0] if span[0].lower_.rstrip(".") in _SAINTS else before
    if saint is not None and saint.lower_.rstrip(".") in _SAINTS and after is not None and after.text in _POSSESSIVE_TOKENS:
        return True
    if span.start >= 3 and before.lower_ == "with" and doc[span.start - 2].text[:1].isupper() \
            and doc[span.start - 3].text in _POSSESSIVE_TOKENS:
        return True
    return before is not None and before.lower_ in ("the", "a") and after is not None and after.text.isupper() \
        and lexicon.title_of(after.text) is not None


def _a_seat(span: Span, lexicon: Lexicon, orgchart: OrgChart) -> bool:
    """A name the sentence uses as a seat or place: what a member sits "for" ("the MP for
    Sittingbourne and Sheppey"), or a name set before a noun of places ("the Eton and Slough seat")."""
    first = min([span.root, *_coordinated(span.root)], key=lambda t: t.i)  # a list goes as its first member
    if first.dep_ in ("compound", "nmod") and first.head.lower_ in lexicon.place_nouns:
        return True
    if first.dep_ != "pobj" or first.head.lower_ != "for":
        return False
    member = first.head.head
    return chamber_of(member.text, lexicon, orgchart) is not None


def _portfolio_and_title(span: Span, lexicon: Lexicon) -> bool:
    """Words ending in a title that the model took for a name: a portfolio and its title before
    a name ("Lifelong Learning Minister Jane Doe", "City Councillor John Roe"), or titles only
    ("Chief Secretary"). A surname that is a title word ends a name of its own ("Ann Judge said")."""
    doc = span.doc
    if len(span) < 2 or not _title_word(span[-1].text.lower(), lexicon):
        return False
    if all(_title_word(t.text.lower().rstrip("."), lexicon) or t.text.lower().rstrip(".") in lexicon.honorifics
           for t in span[:-1]):
        return True
    after = doc[span.end] if span.end < len(doc) else None
    if after is None or generation(after.text) or after.text in lexicon.postnominals:
        return False
    # the name after it, tagged ("... Minister Jane Doe") or not, but compounded with the title
    # ("Nottingham City Councillor John Roe")
    return after.ent_type_ == "PERSON" and after.ent_iob_ == "B" or (
        span[-1].dep_ == "compound" and after.pos_ == "PROPN" and _NAME_TOKEN.match(after.text) is not None)


def _tagged(token: Token) -> bool:
    """Whether a word is a hashtag's or a handle's, glued after "#" or "@" ("#MeToo")."""
    before = token.doc[token.i - 1] if token.i else None
    return before is not None and before.text in ("#", "@") and not before.whitespace_


def _used_as_a_thing(span: Span, lexicon: Lexicon) -> bool:
    """A name the sentence uses as a thing's, whatever the model tagged it: a hashtag ("#MeToo"),
    owned by a pronoun ("its 2017 Doe Roe Dinner"), a place ("the town of Majdal Shams", "in Majdal Shams in
    northern Israel"), or a word of a quoted title ("a speech titled 'Quraan Torah Bible ...'")."""
    root, doc = span.root, span.doc
    before = doc[span.start - 1] if span.start else None
    if _tagged(span[0]):
        return True  # a hashtag or a handle ("the #MeToo era"), not a name
    # (not "his deputy Jane Doe", "her husband John Roe": a person's noun before the name)
    a_persons_noun = before is not None and before.pos_ == "NOUN" and (
        _title_word(before.lower_, lexicon) or before.lower_ in lexicon.kin_nouns or lexicon.is_occupation(before.lower_))
    if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in children(root)) and not a_persons_noun:
        return True
    # "law firm Jane Doe", "the Catholic movement John Roe": a kind of thing set before the name
    # (not "the firm Jane Doe founded", where the name is the subject of a clause on the noun,
    # which the model parses as the same appositive)
    subject_of_a_clause = span.end < len(doc) and doc[span.end].tag_ in ("VBD", "VBZ", "VBP", "MD")
    before = doc[span.start - 1] if span.start else None
    if not subject_of_a_clause and before is not None and (
            before.lower_ in lexicon.thing_nouns and before.pos_ == "NOUN" and before.head.i in range(span.start, span.end)
            or root.dep_ == "appos" and root.head.lower_ in lexicon.thing_nouns and root.head.pos_ == "NOUN"
            and span.start - 3 <= root.head.i < span.start):
        return True
    if _names_a_place_or_programme(span, lexicon):
        return True
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lower_ in lexicon.place_nouns:
        return True
    if root.dep_ == "pobj" and root.head.lower_ in ("in", "near") and any(
            prep.lower_ in ("in", "near") and any(o.ent_type_ in PLACE_LABELS for o in children(prep, ("pobj",)))
            for prep in children(root, ("prep",))):
        return True
    for i in range(span.start - 1, max(span.start - 8, 0), -1):
        if doc[i].text in _QUOTES:
            return doc[i - 1].lemma_.lower() in _WORK_TITLE_VERBS
    return False


def _acts_like_person(span: Span, lexicon: Lexicon) -> bool:
    """A lone capitalised word is a person only where it does what people do in a sentence; one
    of a list does what the list's first member does ("at Heathrow and Gatwick"), or is listed
    with people's full names alone ("the likes of Jane Doe, Cher and Ann Lee")."""
    root = span.root
    others = _coordinated(root)
    if any(m.ent_type_ in PERSON_LABELS and m.ent_iob_ == "I" for m in others) \
            and not any(m.ent_type_ in _NOT_PERSON_KINDS for m in others):
        return True
    root = _first_of_list(root)
    if root.dep_ in _PERSON_ROLES:
        return True
    if root.dep_ == "compound" and root.head.text.lower() in lexicon.leader_nouns:
        return True
    return root.dep_ == "pobj" and root.head.text.lower() in {"under", "by", "with"}


_NOT_PERSON_KINDS = PLACE_LABELS | ORG_LABELS | {"NORP"}


_LIST_REACH = 12  # members looked at either side: enough to see a list's kind, linear on run-on text


def _first_of_list(token: Token) -> Token:
    """The first member of the coordination ``token`` is in (itself when it is in none), up to a
    dozen steps from it."""
    first, steps = token, 0
    while first.dep_ == "conj" and first.head.i != first.i and steps < _LIST_REACH:
        first, steps = first.head, steps + 1
    return first


def _coordinated(token: Token) -> list[Token]:
    """The other members of the coordination ``token`` is in ("Leeds, Hull and York"), up to a
    dozen steps from it."""
    members, todo = [], [_first_of_list(token)]
    while todo and len(members) < 2 * _LIST_REACH:
        member = todo.pop()
        members.append(member)
        todo += children(member, ("conj",))
    return [m for m in members if m.i != token.i]


def _listed_with_bodies(span: Span) -> bool:
    """A full name listed with bodies' names alone is a body's too ("shares in London Clubs
    International, Rank Group and Stanley Leisure", "consultants Booz Allen Hamilton and HI
    Europe"): two bodies beside it, or one and no given name to start it."""
    others = [m for m in _coordinated(span.root) if not span.start <= m.i < span.end]
    if not others or not all(m.ent_type_ in ORG_LABELS for m in others):
        return False
    return len(others) >= 2 or not is_given_name(span[0].text)


def _set_beside_a_kind(span: Span, lexicon: Lexicon) -> bool:
    """A name set right after a noun of a kind of thing or place, which no person is called: "the
    game Manhunt", "agriculture department Defra", "the rural affairs ministry, Defra", "the
    country's capital, Sanaa", the song "Doe" (a work's title in quotation marks)."""
    root, doc = span.root, span.doc
    before = [doc[i] for i in range(max(span.start - 2, 0), span.start)]
    start = span.start
    while start > 0 and doc[start - 1].text in _QUOTES:
        start -= 1
    if start > 0 and doc[start - 1].pos_ == "NOUN" and doc[start - 1].lower_ in lexicon.thing_nouns:
        return True
    return len(before) == 2 and before[1].text == "," and root.dep_ in ("appos", "conj") \
        and root.head.i == before[0].i and before[0].pos_ == "NOUN" \
        and (before[0].lower_ in lexicon.thing_nouns or before[0].lower_ in lexicon.place_nouns)


def _names_a_thing(span: Span, lexicon: Lexicon) -> bool:
    """A lone name the sentence shows is no person, whatever the model tagged it: an acronym
    ("BAA", "G8"), a plural ("Britons", "MPs"), a place's qualifier ("Chatham, Kent"), a name set
    beside a kind of thing ("the game Manhunt", "the ministry, Defra"), or one of a list of places
    or bodies ("visits Leeds, Hull and Torbay")."""
    root, doc = span.root, span.doc
    word = root.text
    if (word.isupper() and sum(c.isalpha() for c in word) > 1) or any(c.isdigit() for c in word):
        return True
    if root.tag_ in ("NNS", "NNPS") or (word.endswith("s") and lexicon.title_of(word[:-1])):
        return True
    if _set_beside_a_kind(span, lexicon):
        return True
    before = [doc[i] for i in range(max(span.start - 2, 0), span.start)]
    if len(before) == 2 and before[1].text == "," and root.dep_ in ("appos", "conj") and root.head.i == before[0].i \
            and before[0].ent_type_ in _NOT_PERSON_KINDS:
        return True  # "in Chatham, Kent"
    # in a list, a name goes with what it is listed with; a lone word the model calls a person
    # says nothing, a full name does
    members = _coordinated(root)
    first = min([root, *members], key=lambda m: m.i)
    if first.dep_ == "appos" and first.head.pos_ == "NOUN" and first.head.lower_ not in lexicon.thing_nouns:
        return False  # "three children: Ewan, Vivek and Mirabel": the noun says what they are
    # "Edinburgh and Glasgow airports", "cities including Cardiff and Wrexham": a list the noun of a
    # thing or place governs
    kind = first.head.head if first.dep_ == "pobj" and first.head.lower_ in ("including", "like") else first.head
    def of_a_kind(noun: Token) -> bool:
        return noun.pos_ == "NOUN" and (noun.lemma_.lower() in lexicon.thing_nouns or noun.lemma_.lower() in lexicon.place_nouns)

    if members and (first.dep_ in ("compound", "pobj") and of_a_kind(kind)
                    or any(of_a_kind(c) for c in children(first, ("appos",)))):
        return True
    things = sum(m.ent_type_ in _NOT_PERSON_KINDS for m in members)
    people = sum(m.ent_type_ in PERSON_LABELS for m in members)
    return things > people


class _People:
    """Coalesces name candidates into persons by surname (nameparser)."""

    def __init__(self) -> None:
        self.persons: list[tuple[Entity, tuple[str, str]]] = []

    def find(self, name: str) -> Entity | None:
        first, last = name_parts(name)
        last = last or name
        # a generational suffix is part of the identity: "Roe Jr." is not "John Roe", and a
        # bare "Roe" is the one without a suffix, as news copy writes the son's suffix every time
        suffix = generation(name)
        persons = [(e, parts) for e, parts in self.persons if generation(e.label) == suffix]
        matches = [e for e, (_, known_last) in persons if (known_last or e.label) == last]
        if not first or first == last:
            if not matches and " " not in name:
                # "Jane" where the story names Jane Doe: a lone first name of one person
                by_first = [e for e, (known_first, known_last) in persons if known_first == name and known_last]
                return by_first[0] if len(by_first) == 1 else None
            return matches[0] if len(matches) >= 1 else None
        for entity, (known_first, known_last) in persons:
            if (known_last or entity.label) == last and (not known_first or known_first == first):
                return entity
        return None

    def add(self, name: _Name, gender: str | None) -> Entity:
        entity = self.find(name.text)
        if entity is None:
            entity = Entity("Person", name.text)
            self.persons.append((entity, name_parts(name.text)))
        elif len(name.text.split()) > len(entity.label.split()) or (
                len(name.text.split()) == len(entity.label.split()) and len(name.text) > len(entity.label)):
            # The longest well-formed form is canonical.
            entity.aliases.add(entity.label)
            entity.label = name.text
            self.persons = [(e, name_parts(e.label)) for e, _ in self.persons]
        entity.aliases.add(name.text)
        entity.gender = entity.gender or gender
        return entity


# --- groups and anonymous sources -------------------------------------------------------------


def _group_spans(doc: Doc, lexicon: Lexicon, orgchart: OrgChart) -> list[Span]:
    """"Republican governors", "Labour MPs", "the Smith administration", plural "Democrats",
    "House Democrats"."""
    spans = []
    for token in tokens_where(doc, LOWER, lexicon.group_nouns | lexicon.leader_nouns):
        if token.pos_ in ("NOUN", "PROPN"):
            modifiers = [c for c in children(token) if c.dep_ in ("amod", "compound", "nmod")
                         and c.text[:1].isupper() and c.i < token.i
                         and not _tagged(c)]
            if modifiers:
                spans.append(doc[min(m.left_edge.i for m in modifiers):token.i + 1])
    for ent in named_entities(doc):
        if ent.label_ == "NORP" and ent.root.tag_ in ("NNPS", "NNS") and ent.root.pos_ in ("PROPN", "NOUN"):
            chamber = _chamber_before(ent, orgchart)
            spans.append(doc[chamber.i:ent.end] if chamber is not None else ent)
    return [s for s in (_trim(s) for s in spans) if len(s)]


def _source_spans(doc: Doc, lexicon: Lexicon) -> list[tuple[Span, bool]]:
    """Unnamed sources: ("Smith administration official", indefinite?) for each mention."""
    out = []
    for token in tokens_where(doc, LOWER, lexicon.source_nouns):
        if token.pos_ != "NOUN" or token.tag_ in ("NNS",):
            continue
        if any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in children(token)) or token.ent_type_ == "PERSON":
            continue  # "a spokesman, Jane Doe," names the source: it is a title, not an anonymous source
        if token.dep_ == "appos" and token.head.ent_type_ == "PERSON":
            continue
        det = next((c for c in children(token) if c.dep_ == "det"), None)
        if det is None:
            continue
        start = min([c.left_edge.i for c in children(token) if c.i < token.i and c.dep_ != "det"] + [token.i])
        out.append((doc[start:token.i + 1], det.text.lower() in {"a", "an", "another", "one"}))
    return out


# --- the stage ------------------------------------------------------------------------------


def _party_references(doc: Doc, org_spans: list[Span], orgchart: OrgChart) -> list[tuple[Token, Span]]:
    """"the party", "party leader X": the party a story last named, as a reader takes it.

    A party is a body the chart marks as one, or a name ending in "Party". Only the bare word
    with "the" or as a modifier ("party leader") refers back; "a party", "his new party" do not.
    """
    parties = [s for s in org_spans if s[-1].text == "Party" or getattr(orgchart.find(s.text), "party", False)]
    taken = {t.i for s in org_spans for t in s}
    found = []
    for token in tokens_where(doc, LOWER, ("party",)):
        if token.i in taken or token.pos_ not in ("NOUN", "PROPN"):
            continue
        determiners = [c for c in children(token) if c.dep_ in ("det", "poss", "amod", "compound", "nummod")]
        definite = [c.lower_ for c in determiners] == ["the"]
        modifier = not determiners and token.dep_ == "compound"
        before = [s for s in parties if s.end <= token.i]
        if (definite or modifier) and before:
            found.append((token, before[-1]))
    return found


def _member_tags(doc: Doc, orgchart: OrgChart, lexicon: Lexicon) -> list[tuple[Token, Token, Body, Span]]:
    """US news style's tag after a member's name: "Sen. Jane Doe, D-N.J.," or "(R-Iowa)".

    Returns (the token opening the tag, the party's letter, the party, the place after the hyphen).
    The letter is a party's only where the chart gives it (gg:partyInitial) and a hyphen joins it
    to a place (a known abbreviation or a place the model found) of at most three tokens, closed
    by a comma or a bracket.
    """
    found = []
    for token in tokens_where(doc, ORTH, orgchart.party_initials):
        party = orgchart.party_initials[token.text]
        if token.i == 0 or token.i + 2 >= len(doc) or token.whitespace_ or doc[token.i - 1].text not in ("(", ","):
            continue
        hyphen = doc[token.i + 1]
        if hyphen.text != "-" or hyphen.whitespace_ or not doc[token.i + 2].text[:1].isupper():
            continue
        end = token.i + 2
        while end < len(doc) and end - token.i - 2 < 3 and doc[end].text not in (")", ",", ";") \
                and not doc[end].is_sent_start:
            end += 1
        place = doc[token.i + 2:end]
        if end < len(doc) and doc[end].text not in (")", ",") or not (
                lexicon.is_known_place(place.text) or all(t.ent_type_ in ("GPE", "LOC") for t in place)):
            continue  # not a tag: "(D-Day landings)"
        found.append((doc[token.i - 1], token, party, place))
    return found


def _tag_memberships(doc: Doc, tags, people: list[Entity], lexicon: Lexicon, mention) -> None:
    """A member's tag makes the person named just before it a member of the party, with the seat's
    place ("Sen. Jane Doe (R-Iowa)": Republican, Iowa)."""
    for opening, letter, party, place in tags:
        before = opening.i - 1
        if before >= 0 and doc[before].text in ("'s", "’s"):
            before -= 1  # "Sen. Cory Doe's (R-Colo.) office"
        if before < 0:
            continue
        at = doc[before].idx
        person = next((p for p in people for m in p.mentions if m.start <= at < m.end), None)
        if person is None:
            continue
        name = next(m for m in person.mentions if m.start <= at < m.end)
        evidence = doc.text[name.start:place.end_char + (1 if place.end < len(doc) and doc[place.end].text == ")" else 0)]
        person.memberships.append(Post("member", party.label, True, mention(doc[letter.i:letter.i + 1]).sentence,
                                       evidence, party=party.label, place=lexicon.place_name(place.text)))


def extract_entities(doc: Doc, sentences: tuple[Sentence, ...], lexicon: Lexicon,
                     orgchart: OrgChart) -> tuple[Entity, ...]:
    """Find the persons, bodies, groups and anonymous sources of a parsed article, with mentions.

    Posts and pronouns are added by later steps (``posts.py``, ``coref.py``).
    """
    starts = [s.start for s in sentences]

    def mention(span: Span) -> Mention:
        return Mention(span.start_char, span.end_char, span.text, sentence_index(starts, span.start_char))

    # 1. bodies
    bodies = _Bodies(lexicon, orgchart)
    addressed = addressed_lists(doc, lexicon)
    # names the model tagged a body's that the story treats as a person's: found once, for both
    people_tagged = frozenset(ent.start for ent in named_entities(doc) if _person_tagged_a_body(ent, lexicon))
    org_spans = _org_spans(doc, lexicon, orgchart, addressed, people_tagged)
    org_tokens = {t.i for s in org_spans for t in s}
    for span in org_spans:
        bodies.entity_for(campaign_name(span) or span.text).mentions.append(mention(span))
    for token, party in _party_references(doc, org_spans, orgchart):
        bodies.entity_for(party.text).mentions.append(mention(doc[token.i:token.i + 1]))
        org_tokens.add(token.i)
    tags = _member_tags(doc, orgchart, lexicon)
    for _, letter, party, _ in tags:  # the letter in "(R-Iowa)" names the party
        bodies.entity_for(party.label).mentions.append(mention(doc[letter.i:letter.i + 1]))
        org_tokens.add(letter.i)

    # 2. people
    def names_a_body(span: Span) -> bool:
        return bool(org_tokens & {t.i for t in span}) or orgchart.find(span.text) is not None

    candidates = _without_headline_words(_name_candidates(doc, lexicon, names_a_body, addressed, people_tagged))
    titled = {c.text for c in candidates if c.title or c.honorific}
    by_text: dict[str, list[_Name]] = defaultdict(list)
    for name in candidates:
        by_text[name.text].append(name)

    def a_region(name: _Name) -> bool:
        # "North Devon", "Bolton West": a compass point makes a region or a seat of a name, but not
        # of "Oliver North", "Mr West" or one whom the story calls "West"
        words = name.text.split()
        if len(words) < 2 or name.text in titled:
            return False
        return words[0] in lexicon.compass_points or (
            words[-1] in lexicon.compass_points and not is_given_name(words[0]) and words[-1] not in by_text)

    anchored = {name_parts(c.text)[1] for c in candidates if len(c.span) > 1 and not a_region(c)}
    # a name the story's own tagging gives a place at least as often as a person ("visit Sri Lanka")
    # is that place's, unless a title or honorific makes it someone's ("Baroness Scotland") or it is
    # a given name alone ("'Kamala can't win'")
    tagged = Counter((ent.text, ent.label_ in PERSON_LABELS) for ent in named_entities(doc)
                     if ent.label_ in PERSON_LABELS or ent.label_ in PLACE_LABELS)

    def a_place(name: _Name) -> bool:
        return 0 < tagged[name.text, False] >= tagged[name.text, True] and name.text not in titled \
            and not (len(name.span) == 1 and is_given_name(name.text))

    # a lone word the story elsewhere sets "the" before names a group or a thing, not a person:
    # "against the Roma", "the Houthis" (a person's name takes no article)
    determined = {article.head.text for article in tokens_where(doc, LOWER, ("the",))
                  if article.dep_ == "det" and article.head.i == article.i + 1 and article.head.pos_ == "PROPN"
                  and not any(c.dep_ in ("compound", "amod") for c in children(article.head))}
    # a word once set beside a kind of thing is no person anywhere, tagged a name there or not:
    # no person is "the ministry, Defra" (looked for right after each noun of a kind)
    kinds = tokens_where(doc, LOWER, lexicon.thing_nouns | lexicon.place_nouns)
    beside_a_kind = {doc[i].text for noun in kinds for i in (noun.i + 1, noun.i + 2)
                     if i < len(doc) and _set_beside_a_kind(doc[i:i + 1], lexicon)}

    def a_body(name: _Name) -> bool:  # a full name listed with bodies' names alone, wherever it is
        return len(name.span) > 1 and name.text not in titled and all(_listed_with_bodies(c.span) for c in by_text[name.text])

    # a name the story once uses as a place's ("the Khan Younis area") is that place everywhere
    seats = {c.text for c in candidates if c.text not in titled and _a_seat(c.span, lexicon, orgchart)}
    people = _People()
    for name in sorted(candidates, key=lambda c: (-len(c.span), c.span.start)):
        if name.text in seats or _a_seat(name.span, lexicon, orgchart) or a_place(name) or a_region(name) or a_body(name):
            continue
        lone = len(name.span) == 1 and name.text not in anchored and name.text not in titled
        same = by_text[name.text]
        if lone and (lexicon.is_known_place(name.text) or name.text in lexicon.thing_names
                     or name.text in determined
                     or not any(_acts_like_person(c.span, lexicon) for c in same)
                     or all(_names_a_thing(c.span, lexicon) for c in same) or name.text in beside_a_kind):
            continue
        people.add(name, lexicon.honorifics.get(name.honorific) if name.honorific else None)

    # 3. every occurrence of a person's names is a mention of that person
    matcher = PhraseMatcher(doc.vocab)
    forms = {form for entity, _ in people.persons for form in {entity.label, *entity.aliases}}
    forms |= {name_parts(f)[1] for f in forms if name_parts(f)[1]}
    for form in sorted(forms):
        matcher.add(form, [_name_doc(doc, form)])
    person_spans = filter_spans([_with_given_names(doc[s:e], lexicon, org_tokens) for _, s, e in matcher(doc)])
    for span in person_spans:
        if org_tokens & {t.i for t in span}:
            continue
        entity = people.find(span.text)
        if entity is not None:
            entity.mentions.append(mention(span))
            entity.aliases.add(span.text)
            if len(span) > len(entity.label.split()) and _is_name(span):
                entity.aliases.add(entity.label)
                entity.label = span.text

    _tag_memberships(doc, tags, [e for e, _ in people.persons], lexicon, mention)

    # 4. groups and anonymous sources
    groups: dict[str, Entity] = {}
    for span in _group_spans(doc, lexicon, orgchart):
        # "House Democrats" is a group of its own, though both its words name bodies
        if org_tokens >= {t.i for t in span} and (len(span) < 2 or _chamber_before(span[1:], orgchart) is None):
            continue
        key = span.text.lower()
        groups.setdefault(key, Entity("Group", span.text)).mentions.append(mention(span))
    sources: list[Entity] = []
    for span, indefinite in _source_spans(doc, lexicon):
        same_noun = [s for s in sources if s.label.split()[-1].lower() == span[-1].text.lower()]
        if indefinite or not same_noun:
            label = span.text if not any(s.label == span.text for s in sources) else f"{span.text} ({len(sources) + 1})"
            sources.append(Entity("AnonymousSource", label))
            target = sources[-1]
        else:
            target = same_noun[-1]
        target.mentions.append(mention(span))

    entities = [e for e, _ in people.persons] + bodies.entities + list(groups.values()) + sources
    for entity in entities:
        entity.mentions = sorted(set(entity.mentions), key=lambda m: (m.start, m.end))
        entity.aliases.discard(entity.label)
    return tuple(sorted((e for e in entities if e.mentions), key=lambda e: e.mentions[0].start))
