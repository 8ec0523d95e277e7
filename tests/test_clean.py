import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from conftest import SEED
from govgraph.clean import (clean_text, normalize_whitespace, repair_dagger_quote,
                            repair_lost_closing_quote, repair_possessive_apostrophe)


@pytest.mark.parametrize("broken, repaired", [
    ("\u201cheavy cost.\u00e2\u20ac", "\u201cheavy cost.\u201d"),
    ("\u201cforward.\u00e2\u20ac\nNext line", "\u201cforward.\u201d\nNext line"),
    ("\u201cthe border,\u00e2\u20ac Sandweg added", "\u201cthe border,\u201d Sandweg added"),
    ("no mojibake here", "no mojibake here"),
])
def test_lost_closing_quote(broken, repaired):
    assert repair_lost_closing_quote(broken) == repaired


@pytest.mark.parametrize("broken, repaired", [
    ("\u201cfirst place,\u2020 he said", "\u201cfirst place,\u201d he said"),
    ("a \u201cretention\u2020 bonus", "a \u201cretention\u201d bonus"),
    # the lost bytes took the space after the quote with them
    ("\u201cconcerns,\u2020Smith said", "\u201cconcerns,\u201d Smith said"),
    # a real dagger, outside any quotation, is a footnote mark and stays
    ("Smith\u2020 died in 1901", "Smith\u2020 died in 1901"),
    ("\u201cdone.\u201d Jones\u2020", "\u201cdone.\u201d Jones\u2020"),
])
def test_dagger_quote(broken, repaired):
    assert repair_dagger_quote(broken) == repaired


def test_normalize_whitespace():
    assert normalize_whitespace("  a\u00a0 b\r\nc\u200b d  \r\n") == "a b\nc d"


def test_ftfy_runs_first():
    # Intact UTF-8 read as Windows-1252 is ftfy's job; curly quotes are kept.
    assert clean_text("\u00e2\u20ac\u0153Hello\u00e2\u20ac\u009d he said") == "\u201cHello\u201d he said"


def test_seed_is_clean_and_quotes_balanced():
    text = clean_text(SEED.read_text(encoding="utf-8"))
    assert not {"\u00e2", "\u20ac", "\u2020"} & set(text)
    for line in text.split("\n"):
        quotes = re.findall("[\u201c\u201d]", line)
        assert quotes == ["\u201c", "\u201d"] * (len(quotes) // 2), line
    assert text.count("\u201c") == text.count("\u201d") == 12


# ASCII, with what ftfy does act on among it: entities, control characters, terminal escapes, "\r"
ASCII = st.lists(st.one_of(st.characters(max_codepoint=127), st.sampled_from(
    ["&amp;", "&#8220;", "&lt;b&gt;", "\x1b[31m", "\r\n", "\x00", "\x0b", "\x7f", "\t", "\n"])), max_size=80).map("".join)


@settings(max_examples=2000, deadline=None)
@given(ASCII)
@example("Plain ASCII prose, quotes \"and\" 'all', tabs\tand\nlines; 100% sure.")
def test_the_ascii_shortcut_gives_what_ftfy_gives(text):
    import ftfy

    from govgraph.clean import _fix_with_ftfy

    assert _fix_with_ftfy(text) == ftfy.fix_text(text, uncurl_quotes=False, normalization="NFC")


@pytest.mark.parametrize("text, repaired", [
    ("Roe endorsed Jones\u2019 campaign.", "Roe endorsed Jones' campaign."),
    ("the Democrats\u2019 chances and the Tories\u2019 hopes", "the Democrats' chances and the Tories' hopes"),
    # inside a word the mark is an apostrophe already, and stays as written
    ("Don\u2019t doubt Jones\u2019s record or Lee\u2019s plan and Jones\u2019 plan.", "Don\u2019t doubt Jones\u2019s record or Lee\u2019s plan and Jones' plan."),
    # a single quotation still open: the mark may close it ('We back the Tories' he said)
    ("\u2018We back the Tories\u2019 he said.", "\u2018We back the Tories\u2019 he said."),
    ("He said \u2018Jones\u2019 campaign is over\u2019 today.", "He said \u2018Jones\u2019 campaign is over\u2019 today."),
    # ... and once closed, a plural's mark is a possessive again; a new line opens nothing
    ("\u2018Yes\u2019 said the Democrats\u2019 leader.", "\u2018Yes\u2019 said the Democrats' leader."),
    ("a \u2018quote\nthe Democrats\u2019 leader", "a \u2018quote\nthe Democrats' leader"),
    # at the end of a sentence or before punctuation it closes a quotation
    ("They call it \u2018the Jones\u2019.", "They call it \u2018the Jones\u2019."),
])
def test_possessive_apostrophe(text, repaired):
    assert repair_possessive_apostrophe(text) == repaired
    assert len(repaired) == len(text)  # one character for one: offsets stay
    assert clean_text(text) == repaired
