import pytest
from spacy.tokens import Doc

from conftest import blas_threads_after

from govgraph.model import GovgraphError
from govgraph.nlp import load_pipeline, named_entities, parse


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
    # the Doc's index of an attribute, made on the first call, answers the later ones
    assert [t.i for t in tokens_where(doc, LOWER, ("its", "doe"))] == [3, 5]


def test_tokens_at_covers_what_char_span_expands_to(nlp):
    from govgraph.nlp import token_bounds, tokens_at

    doc = parse(nlp, "Mr Doe met the  Home Secretary.\nThen he left.")
    bounds = token_bounds(doc)
    for start in range(len(doc.text)):
        for end in range(start + 1, len(doc.text) + 1):
            span = doc.char_span(start, end, alignment_mode="expand")
            expected = range(span.start, span.end) if span is not None else range(0)
            assert list(tokens_at(bounds, start, end)) == list(expected), (start, end)


def test_children_and_conjunction_heads_come_from_one_index(vocab):
    from conftest import parsed
    from govgraph.nlp import children, conj_head

    # "Doe fired Roe , named Poe and praised Moe" (each conjunct on the previous one)
    doc = parsed(vocab, """
        Doe PROPN NNP nsubj 1
        fired VERB VBD ROOT 1
        Roe PROPN NNP dobj 1
        , PUNCT , punct 1
        named VERB VBD conj 1
        Poe PROPN NNP dobj 4
        and CCONJ CC cc 4
        praised VERB VBD conj 4
        Moe PROPN NNP dobj 7
    """)
    for token in doc:
        assert children(token) == list(token.children)
        assert children(token, ("dobj", "conj")) == [c for c in token.children if c.dep_ in ("dobj", "conj")]
        assert children(token, frozenset({"conj"})) == [c for c in token.children if c.dep_ == "conj"]
    assert [conj_head(doc[i]).text for i in (1, 4, 7, 8)] == ["fired", "fired", "fired", "Moe"]


def test_an_over_long_stretch_is_cut_into_sentences_at_full_stops_then_commas(vocab):
    from spacy.tokens import Doc

    from govgraph.nlp import MAX_SENTENCE_TOKENS, mark_line_breaks

    # a run-on record: clauses of ten words and a comma, a full stop once in 500 tokens
    words = [("." if i % 500 == 499 else "," if i % 11 == 10 else "word") for i in range(2_000)]
    doc = mark_line_breaks(Doc(vocab, words=words))
    starts = [t.i for t in doc if t.is_sent_start]
    stretches = [b - a for a, b in zip(starts, starts[1:] + [len(doc)])]
    assert max(stretches) <= MAX_SENTENCE_TOKENS
    assert all(doc[i - 1].text in {".", ","} for i in starts[1:])
    assert 1000 in starts  # after the full stop at 999, not the last comma before the limit (1188)
    # a story's ordinary paragraph is left for the parser to split
    short = mark_line_breaks(Doc(vocab, words=words[:MAX_SENTENCE_TOKENS]))
    assert [t.i for t in short if t.is_sent_start] == [0]


def test_named_entities_are_the_docs_made_once(vocab):
    doc = Doc(vocab, words=["Jane", "Doe", "met", "Acme", "."], ents=["B-PERSON", "I-PERSON", "O", "B-ORG", "O"])
    first = named_entities(doc)
    assert [(e.text, e.label_) for e in first] == [(e.text, e.label_) for e in doc.ents] == [("Jane Doe", "PERSON"), ("Acme", "ORG")]
    assert named_entities(doc) is first  # one tuple of Spans per Doc, not made again
