"""Resolve third-person pronouns (he/she/his/her/him...) to the persons of the same article.

A small, documented rule-based resolver, in the spirit of Hobbs and of Lappin & Leass's salience
factors, tuned for news prose:

* **Agreement.** A pronoun's gender must match the person's, when an honorific ("Mr", "Ms",
  "Baroness") or an earlier resolved pronoun told it, or else when the first name is one that
  gender-guesser's name dictionary (Michael, 2007; some 40,000 names) gives as male or female
  outright ("Brett", "Anita"; not "Chris", "Robin" or an unknown name). The guess only keeps
  pronouns off unlikely persons; it is never written to the graph. Unknown agrees with both.
* **Quotation speakers.** In '"...," he said' the pronoun is the speaker: the person most recently
  the subject of a sentence before the quotation. In '"I ...," X said' (and the sentences a
  quotation carries on into) I, me and my are X.
* **Salience.** Otherwise candidates are the persons named in the same sentence before the pronoun
  and in the two sentences before; subjects weigh more than other roles, nearer weighs more
  than farther, and the person the previous pronoun resolved to stays in focus.
* **Binding.** An object pronoun ("him") never refers to the subject of its own verb, nor does
  the possessor of an event done *to* someone ("X would recommend his firing": not X), unless
  the verb puts out one's own event ("X announced his resignation": X).
* **Object control.** In "X told Y that he should resign" the pronoun is Y, the one told; in "X
  told Y he would step down", the teller's own undertaking, it is X (or no one, when the teller
  is not named).

Pronouns that find no candidate stay unresolved rather than guessed.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable

from spacy.attrs import LEMMA, LOWER, ORTH
from spacy.tokens import Doc, Token

from .model import Entity, Mention, Sentence, sentence_index
from .names import first_name_gender
from .nlp import children, token_bounds, tokens_at, tokens_where
from .rules import Lexicon

__all__ = ["PRONOUN_GENDER", "quote_speakers", "resolve_pronouns"]

PRONOUN_GENDER = {"he": "male", "him": "male", "his": "male", "himself": "male",
                  "she": "female", "her": "female", "hers": "female", "herself": "female"}

_FIRST_PERSON = frozenset({"i", "me", "my", "myself"})
_SUBJECT = {"nsubj", "nsubjpass"}
_OBJECT = {"dobj", "pobj", "dative", "iobj"}
_CLOSING_QUOTES = {"\u201d", '"', "''"}
# verbs whose subject puts out its own event: "X announced his resignation" (his = X), unlike
# "X accepted / called for his resignation"
_OWN_EVENT_VERBS = {"announce", "tender", "submit", "hand", "offer", "confirm"}
# verbs whose object is the subject of their complement: "told Y that he should go" (he = Y)
_OBJECT_CONTROL = {"tell", "ask", "urge", "warn", "advise", "order", "remind", "inform", "persuade", "press"}


def _verb_of(token: Token) -> Token:
    """The verb a token belongs to (itself for a verb, else the nearest verb above it)."""
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        token = token.head
    return token


def _shares_subject(verb: Token, other: Token) -> bool:
    """Both verbs have one subject: the same verb, or a conjunct without a subject of its own
    ("Doe met Roe and praised him": praised shares met's subject)."""
    def subject_verb(v: Token) -> Token:
        while v.dep_ == "conj" and not any(c.dep_ in _SUBJECT for c in children(v)):
            v = v.head
        return v
    return subject_verb(verb).i == subject_verb(other).i


def _is_quote_speaker(pronoun: Token, lexicon: Lexicon) -> bool:
    """'"...," he said': a subject pronoun of a speech verb right after a closing quotation."""
    verb = pronoun.head
    if pronoun.dep_ != "nsubj" or verb.lemma_.lower() not in lexicon.speech_verbs:
        return False
    before = pronoun.doc[max(pronoun.sent.start, pronoun.i - 3):pronoun.i]
    return any(t.text in _CLOSING_QUOTES or t.tag_ == "''" for t in before)


def _titles_before_names(doc: Doc, entities: tuple[Entity, ...], lexicon: Lexicon) -> dict[int, set[str]]:
    """id(person) -> the titles the story sets right before their name ("Chancellor Jane Doe")."""
    titles: dict[int, set[str]] = {}
    for entity in (e for e in entities if e.kind == "Person"):
        for mention in entity.mentions:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            before = [lexicon.title_of(doc[span.start - n:span.start].text)
                      for n in (1, 2, 3) if span is not None and span.start >= n]
            titles.setdefault(id(entity), set()).update(t for t in before if t)
    return titles


def _predicate_title(pronoun: Token, lexicon: Lexicon) -> str | None:
    """The title a pronoun subject is said to be now ("he has been a prudent chancellor", not "he
    was mayor of X", a post of the past that the story need not have named)."""
    verb = pronoun.head
    if pronoun.dep_ != "nsubj" or verb.lemma_ != "be" or verb.tag_ == "VBD":
        return None
    attr = next(iter(children(verb, ("attr",))), None)
    return lexicon.title_of(attr.text) if attr is not None else None


_OPENING_QUOTES = {"\u201c", "``"}
_CURLY_CLOSING = {"\u201d", "''"}


_NEWLINE = re.compile("\n")


_OPEN, _CLOSE, _STRAIGHT = 1, 2, 3


def _open_quotations(doc: Doc) -> tuple[list[int], list[tuple[int, int]]]:
    """Per token, how many curly quotations its paragraph has opened and not closed before it
    (paragraphs end at a line break), and the Doc's quotation marks as (token index, kind);
    counted once per Doc."""
    cached = doc.user_data.get("govgraph.open_quotations")
    if cached is not None:
        return cached
    starts, ends = token_bounds(doc)
    # the tokens a paragraph starts at: a line break inside a token starts it there, one in the
    # space after a token starts it at the next (one array pass, no Token objects)
    breaks = set()
    for newline in (match.start() for match in _NEWLINE.finditer(doc.text)):
        at = bisect_right(starts, newline) - 1
        breaks.add(at if at >= 0 and newline < ends[at] else at + 1)
    strings = doc.vocab.strings
    opening, closing = {strings[q] for q in _OPENING_QUOTES}, {strings[q] for q in _CURLY_CLOSING}
    straight = strings['"']
    depths, marks, depth = [], [], 0
    for i, orth in enumerate(doc.to_array(ORTH).tolist()):
        if i in breaks:
            depth = 0
        depths.append(depth)
        if orth in opening:
            depth += 1
            marks.append((i, _OPEN))
        elif orth in closing:
            depth = max(depth - 1, 0)
            marks.append((i, _CLOSE))
        elif orth == straight:
            marks.append((i, _STRAIGHT))
    doc.user_data["govgraph.open_quotations"] = depths, marks
    return depths, marks


def _in_quotation(token: Token, sentence: range) -> bool:
    """Whether a token stands inside quotation marks: opened earlier in its sentence (curly marks,
    or straight ones counted in pairs), or a curly one opened earlier in its paragraph and not
    closed (a quotation of several sentences, '“Doe left. He knows it.”', holds the sentences
    between its marks; straight marks are not counted across sentences, as a quotation's next
    sentence often opens one again without closing the last), or opened in an earlier paragraph and
    closed later in this sentence ('... I have named," X said')."""
    doc = token.doc
    start, end = sentence.start, sentence.stop
    depths, marks = _open_quotations(doc)
    depth = depths[start] if start < end else 0
    straight, seen = False, depth > 0
    # the quotation marks of the sentence, as (token index, kind), from the Doc's one array pass
    for i, kind in marks[bisect_left(marks, (start,)):bisect_left(marks, (token.i,))]:
        if kind == _OPEN:
            depth += 1
        elif kind == _CLOSE:
            depth = max(depth - 1, 0)
        else:
            straight = not straight
        seen = True
    if depth > 0 or straight:
        return True
    if seen:
        return False  # a quotation opened and closed before the token
    after = marks[bisect_left(marks, (token.i + 1,)):bisect_left(marks, (end,))]
    if not after:
        return False
    straights = sum(kind == _STRAIGHT for _, kind in marks[bisect_left(marks, (start,)):bisect_left(marks, (end,))])
    return after[0][1] == _CLOSE or (after[0][1] == _STRAIGHT and straights % 2 == 1)


def _undertaking(pronoun: Token) -> Token | None:
    """"X told Y he would step down": the telling verb, when its complement is the teller's own
    undertaking rather than a bidding ("he should go"); "X told Y he would be sacked" still says
    what befalls the one told, and is none."""
    clause = pronoun.head
    if pronoun.dep_ != "nsubj" or clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in _OBJECT_CONTROL:
        return None
    if any(c.lower_ in ("would", "will", "'d", "'ll") for c in children(clause)) \
            and not any(c.dep_ == "auxpass" for c in children(clause)):
        return clause.head
    return None


def _controller(pronoun: Token, named: dict[int, Entity]) -> Entity | None:
    """"X told Y that he should resign": the person told, for the subject of the complement."""
    clause = pronoun.head
    if pronoun.dep_ not in _SUBJECT or clause.dep_ not in ("ccomp", "xcomp"):
        return None
    governor = clause.head
    if governor.lemma_.lower() not in _OBJECT_CONTROL:
        return None
    if _undertaking(pronoun) is not None:
        return None
    for child in children(governor):
        if child.dep_ in ("dobj", "dative") and child.i in named:
            return named[child.i]
    return None


def resolve_pronouns(doc: Doc, sentences: tuple[Sentence, ...], entities: tuple[Entity, ...],
                     lexicon: Lexicon, patient_nouns: frozenset[str] = frozenset()) -> None:
    """Add a Mention to each person for every pronoun that refers to them.

    ``patient_nouns`` are event nouns whose possessor undergoes the event ("his firing").
    """
    starts = [s.start for s in sentences]

    def sentence_of(token: Token) -> int:
        return sentence_index(starts, token.idx)

    bounds = token_bounds(doc)

    def in_quotation(token: Token) -> bool:
        sentence = sentences[sentence_of(token)]
        return _in_quotation(token, tokens_at(bounds, sentence.start, sentence.end))

    named: list[tuple[Token, Entity]] = []
    for entity in entities:
        if entity.kind != "Person":
            continue
        for mention in entity.mentions:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is not None:
                named.append((span.root, entity))
    named.sort(key=lambda pair: pair[0].i)
    guessed = {id(e): first_name_gender(e.label) for _, e in named}
    titled: dict[int, set[str]] | None = None  # found when a pronoun is first said to be a title

    def agrees(entity: Entity, gender: str) -> bool:
        return (entity.gender or guessed.get(id(entity))) in (None, gender)

    # a speaker names themself "I" in their quotation: "he" there is someone else
    named_speakers = quote_speakers(doc, sentences, {t.i: e for t, e in named}, lexicon)
    focus: Entity | None = None
    for token in tokens_where(doc, LOWER, PRONOUN_GENDER):
        gender = PRONOUN_GENDER[token.lower_]
        if token.tag_ not in ("PRP", "PRP$"):
            continue
        earlier = [(t, e) for t, e in named if t.i < token.i and agrees(e, gender)]
        if in_quotation(token):
            earlier = [(t, e) for t, e in earlier if e is not named_speakers.get(sentence_of(token))]
        # "he has been a prudent chancellor": the one the story names as chancellor, if any
        title = _predicate_title(token, lexicon)
        if title is not None:
            titled = titled if titled is not None else _titles_before_names(doc, entities, lexicon)
            if any(title in titled.get(id(e), ()) for _, e in earlier):
                earlier = [(t, e) for t, e in earlier if title in titled.get(id(e), ())]
        if token.dep_ == "nsubj" and token.head.lemma_.lower() in lexicon.speech_verbs:
            # "Mr Doe has failed, he claimed": the speaker is not whom the words they report are about
            said = token.head
            earlier = [(t, e) for t, e in earlier if not (sentence_of(t) == sentence_of(token) and said.is_ancestor(t))]
        if token.dep_ == "poss" and token.head.lemma_.lower() in patient_nouns \
                and token.head.head.lemma_.lower() not in _OWN_EVENT_VERBS:
            governor = token.head.head
            earlier = [(t, e) for t, e in earlier if not (t.dep_ in _SUBJECT and t.head.i == governor.i)]
        named_at = {t.i: e for t, e in named}
        controller = _controller(token, named_at)
        if token.dep_ == "appos" and token.lower_.endswith("self"):
            # "Jane Doe, herself a former senator", "the chancellor himself": an emphatic reflexive
            # is the noun it stands beside (a description is linked as one, later), no one else
            choice = named_at.get(token.head.i)
        elif controller is not None and agrees(controller, gender):
            choice = controller
        elif (telling := _undertaking(token)) is not None:
            # the teller, or no one when the teller is not named ("the prime minister told X he would ...")
            teller = next(iter(children(telling, ("nsubj",))), None)
            choice = named_at.get(teller.i) if teller is not None else None
            choice = choice if choice is not None and agrees(choice, gender) else None
        elif _is_quote_speaker(token, lexicon):
            subjects = [(t, e) for t, e in earlier if t.dep_ in _SUBJECT and sentence_of(t) < sentence_of(token)]
            choice = subjects[-1][1] if subjects else None
        else:
            choice = _most_salient(token, earlier, focus, sentence_of)
        if choice is None:
            continue
        focus = choice
        # a resolved pronoun tells the person's gender for later pronouns
        choice.gender = choice.gender or gender
        choice.mentions.append(Mention(token.idx, token.idx + len(token.text), token.text, sentence_of(token)))
        named.append((token, choice))
        named.sort(key=lambda pair: pair[0].i)
    # '"I served on the committee," Jane Doe said': the first person of a quotation is its speaker
    speakers = quote_speakers(doc, sentences, {t.i: e for t, e in named}, lexicon)
    for token in tokens_where(doc, LOWER, _FIRST_PERSON):
        speaker = speakers.get(sentence_of(token))
        if speaker is not None and token.tag_ in ("PRP", "PRP$") and in_quotation(token):
            speaker.mentions.append(Mention(token.idx, token.idx + len(token.text), token.text, sentence_of(token)))


def quote_speakers(doc: Doc, sentences: tuple[Sentence, ...], entity_at: dict[int, Entity],
                   lexicon: Lexicon) -> dict[int, Entity]:
    """Sentence index -> who speaks in it ('"...," X said'), from the token -> entity map of the
    story's mentions; a quotation carries on into the next sentence that has no speech verb of its own."""
    starts = [s.start for s in sentences]
    bounds, open_before = token_bounds(doc), _open_quotations(doc)[0]
    said: dict[int, Entity] = {}  # the first speech verb of a sentence with a known subject
    for token in tokens_where(doc, LEMMA, lexicon.speech_verbs):
        subject = next((c for c in children(token) if c.dep_ == "nsubj"), None)
        if subject is not None and subject.i in entity_at:
            said.setdefault(sentence_index(starts, token.idx), entity_at[subject.i])
    speakers: dict[int, Entity] = {}
    previous: Entity | None = None
    for sentence in sentences:
        speaker = said.get(sentence.index)
        first = tokens_at(bounds, sentence.start, sentence.end)
        # opening with a mark, or inside a curly quotation an earlier sentence opened
        opens = sentence.text.lstrip()[:1] in "\u201c\"" or (len(first) and open_before[first.start] > 0)
        if speaker is None and opens and previous is not None:
            speaker = previous
        if speaker is not None:
            speakers[sentence.index] = speaker
        previous = speaker if ("\u201c" in sentence.text or '"' in sentence.text or opens) else None
    return speakers


def _most_salient(pronoun: Token, earlier: list[tuple[Token, Entity]], focus: Entity | None,
                  sentence_of: Callable[[Token], int]) -> Entity | None:
    recent = sorted({sentence_of(token) for token, _ in earlier} | {sentence_of(pronoun)})[-3:]
    verb = _verb_of(pronoun)
    scores: dict[int, tuple[float, Entity]] = {}
    reflexive = pronoun.lower_.endswith("self")
    for token, entity in earlier:
        if sentence_of(token) not in recent:
            continue
        if token.dep_ in _SUBJECT and _shares_subject(_verb_of(token), verb):
            if reflexive:
                return entity  # binding: "Smith deposed himself" - himself is Smith
            if pronoun.dep_ in _OBJECT:
                continue  # "Smith praised him" - him is not Smith
        distance = len(recent) - 1 - recent.index(sentence_of(token))
        score = 2.0 - distance
        if token.dep_ in _SUBJECT:
            score += 1.5
        if entity is focus:
            score += 0.5
        score += token.i / 100000  # later beats earlier on ties
        best = scores.get(id(entity))
        if best is None or score > best[0]:
            scores[id(entity)] = (score, entity)
    if not scores:
        return None
    return max(scores.values(), key=lambda pair: pair[0])[1]

