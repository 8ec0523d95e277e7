"""Property-based tests (Hypothesis): arbitrary input in, no exception out.

Cleaning, loading and extraction each take text from untrusted sources, so each is fed arbitrary
Unicode (and loading arbitrary bytes and JSON); cleaning must also be idempotent, since every
character offset in the graph refers to the cleaned text.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings, target
from hypothesis import strategies as st

from conftest import SEED
from govgraph.clean import clean_text
from govgraph.load import load_articles
from govgraph.model import Article, InputError

# Characters the repairs treat specially, mixed into arbitrary Unicode so that the rare
# interactions (mojibake next to quotes, daggers, odd spaces and line ends) come up often.
SPECIAL = list("\u00e2\u20ac\u0153\u009d\u00c3\u00a9\u201c\u201d\u2020\u00a0\u200b\ufeff\r\n\t &;#x") + [
    "\u00e2\u20ac", "\u00e2\u20ac\u0153", "&amp;", "&#8220;", "\r\n"]
TEXT = st.lists(st.one_of(st.characters(), st.sampled_from(SPECIAL)), max_size=60).map("".join)
# Text a file can hold: any character but a lone surrogate, which UTF-8 cannot encode (arbitrary
# bytes are tried on their own below).
FILE_TEXT = st.lists(st.one_of(st.characters(blacklist_categories=("Cs",)), st.sampled_from(SPECIAL)),
                     max_size=60).map("".join)
QUICK = settings(max_examples=300, deadline=None)
# Loading writes files and extraction runs the real pipeline: fewer, slower examples.
SLOW = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@QUICK
@given(TEXT)
@example("\u00e2\u20ac\u0153Hello\u00e2\u20ac\u009d he said")
@example(SEED.read_text(encoding="utf-8"))
@example("\u00a0\u008a\u00af")  # ftfy's first pass makes the mojibake its second pass undoes
def test_cleaning_never_fails_and_is_idempotent(text):
    once = clean_text(text)
    assert isinstance(once, str)
    assert clean_text(once) == once


@QUICK
@given(TEXT)
def test_cleaned_text_is_utf8_and_trimmed(text):
    cleaned = clean_text(text)
    cleaned.encode("utf-8")
    assert cleaned == cleaned.strip()
    assert "\r" not in cleaned


def _load_file(name: str, data: bytes) -> list:
    # A fresh folder per example: Hypothesis runs many examples inside one test call.
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        return list(load_articles([path]))


def _check_loaded(items: list) -> None:
    for item in items:
        assert isinstance(item, (Article, InputError))
        if isinstance(item, Article):
            assert item.text and clean_text(item.text) == item.text
            assert len(item.id) == 16  # the content hash needs text that encodes as UTF-8
        else:
            assert item.reason and "\n" not in str(item)


@SLOW
@given(FILE_TEXT, st.sampled_from(["story.txt", "page.html", "record.json", "records.jsonl"]))
def test_loading_any_text_gives_articles_or_errors(text, name):
    _check_loaded(_load_file(name, text.encode("utf-8")))


@SLOW
@given(st.binary(max_size=200), st.sampled_from(["story.txt", "page.html", "records.jsonl"]))
def test_loading_any_bytes_gives_articles_or_errors(data, name):
    _check_loaded(_load_file(name, data))


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | TEXT,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(
        ["text", "title", "published", "url", "id", "other"]), inner, max_size=5),
    max_leaves=8)
RECORDS = st.fixed_dictionaries({"text": TEXT}, optional={
    "title": st.one_of(TEXT, JSON_VALUES), "published": st.one_of(TEXT, JSON_VALUES),
    "url": st.one_of(TEXT, JSON_VALUES), "id": JSON_VALUES})


@SLOW
@given(st.lists(st.one_of(RECORDS, JSON_VALUES), min_size=1, max_size=3))
def test_loading_any_json_records_gives_articles_or_errors(records):
    as_list = _load_file("records.json", json.dumps(records).encode("utf-8"))
    as_lines = _load_file("records.jsonl", "\n".join(json.dumps(r) for r in records).encode("utf-8"))
    _check_loaded(as_list)
    _check_loaded(as_lines)
    assert len(as_list) == len(as_lines) == len(records)


# Phrases the extraction rules react to (names, titles, bodies, triggers, pronouns, quotes),
# mixed with arbitrary characters, so that the rules fire on odd input rather than never at all.
PHRASES = ["Jane Doe", "John Roe", "Secretary of Transport Jane Doe", "the Department of Transport",
           "the Treasury", "Republican lawmakers", "a senior official", "the former deputy chief",
           "she", "he", "her", "his", "asked", "to resign", "resigned", "did not resign", "fired",
           "would fire", "appointed", "criticized", "met with", "said", "told", "on Monday",
           ", who", ", which includes", "if", ",", ".", "\n", "\n\n", "\u201c", "\u201d", "'s"]
PROSE = st.lists(st.one_of(st.sampled_from(PHRASES), st.sampled_from(PHRASES), st.characters(),
                           st.sampled_from(SPECIAL)), max_size=60).map(" ".join)
# Sentences that do state relations ("Jane Doe fired John Roe"), each followed by arbitrary text.
ACTORS = st.sampled_from(["Jane Doe", "John Roe", "Secretary of Transport Jane Doe", "The Treasury",
                          "Republican lawmakers", "A senior official", "She", "He"])
VERBS = st.sampled_from(["asked", "fired", "appointed", "criticized", "met with", "would fire",
                         "did not fire", "reportedly criticized"])
STORIES = st.lists(st.builds("{} {} {}{}.".format, ACTORS, VERBS, ACTORS.map(str.lower) | ACTORS, TEXT),
                   min_size=1, max_size=4).map(" ".join)


@SLOW
@given(st.one_of(TEXT, PROSE, STORIES).filter(lambda t: clean_text(t)))
def test_extraction_of_any_text_never_fails(nlp, text):
    from govgraph.build import extract_articles
    from govgraph.export import turtle
    from govgraph.graph import add_article_graph, merge_graphs, new_dataset
    from rdflib import Graph

    article = Article(text=clean_text(text), source="arbitrary.txt")
    (extraction,) = extract_articles([article])
    target(float(len(extraction.entities) + len(extraction.relations)))  # steer towards busy texts
    for sentence in extraction.sentences:
        assert article.text[sentence.start:sentence.end] == sentence.text
    dataset = new_dataset()
    add_article_graph(dataset, extraction)
    merged = merge_graphs(dataset)
    # the article's text goes into the graph as literals only: the Turtle reads back whole
    assert len(Graph().parse(data=turtle(merged), format="turtle")) == len(merged)
