import pytest

from conftest import blas_threads_after

from govgraph.model import GovgraphError
from govgraph.nlp import load_pipeline, parse


def test_pipeline_is_loaded_once(nlp):
    assert load_pipeline() is nlp
    assert "govgraph_line_breaks" in nlp.pipe_names


def test_line_breaks_start_sentences(nlp):
    doc = parse(nlp, "Minister quits over row\nThe minister quit on Monday.")
    assert [s.text for s in doc.sents] == ["Minister quits over row\n", "The minister quit on Monday."]


def test_missing_pipeline_names_the_package():
    with pytest.raises(GovgraphError, match="not installed.*pip install"):
        load_pipeline("no_such_pipeline_xyz")


def test_a_worker_runs_one_blas_thread():
    assert blas_threads_after("from govgraph.nlp import one_blas_thread\none_blas_thread()") == "[1]"


def test_a_line_break_token_starts_the_next_sentence(vocab):
    from spacy.tokens import Doc

    from govgraph.nlp import mark_line_breaks

    doc = mark_line_breaks(Doc(vocab, words=["Row", "\n\n", "Minister", "quits", " ", "today", "\n"],
                               spaces=[False, False, True, False, False, False, False]))
    assert [t.is_sent_start for t in doc] == [True, None, True, None, None, None, None]


def test_tokens_where_finds_words_and_reserved_labels(vocab):
    from spacy.attrs import DEP, LOWER

    from conftest import parsed
    from govgraph.nlp import tokens_where

    doc = parsed(vocab, """
        The     DET   DT  det   1
        Party   PROPN NNP nsubj 2
        named   VERB  VBD ROOT  2
        Doe     PROPN NNP dobj  2
        ,       PUNCT ,   punct 3
        its     PRON  PRP poss  6
        leader  NOUN  NN  appos 3
        and     CCONJ CC  cc    6
        party   NOUN  NN  conj  6
    """)
    assert [t.i for t in tokens_where(doc, LOWER, {"party", "leader"})] == [1, 6, 8]
    # "appos" is one of the labels spaCy keeps as a fixed symbol rather than a hash
    assert [t.i for t in tokens_where(doc, DEP, ("appos", "conj"))] == [6, 8]
    assert tokens_where(doc, LOWER, ()) == []


def test_tokens_at_covers_what_char_span_expands_to(nlp):
    from govgraph.nlp import token_bounds, tokens_at

    doc = parse(nlp, "Mr Doe met the  Home Secretary.\nThen he left.")
    bounds = token_bounds(doc)
    for start in range(len(doc.text)):
        for end in range(start + 1, len(doc.text) + 1):
            span = doc.char_span(start, end, alignment_mode="expand")
            expected = range(span.start, span.end) if span is not None else range(0)
            assert list(tokens_at(bounds, start, end)) == list(expected), (start, end)
