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
