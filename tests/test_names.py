"""Names read apart: first and last name, generation, given names."""

import pytest

from govgraph.names import first_name_gender, generation, is_given_name, name_parts


@pytest.mark.parametrize("label, gender", [
    ("Anita Jones", "female"), ("John Roe", "male"),
    ("Chris Doe", None),  # given to both, mostly to men: no guess
    ("Jones", None),  # a surname alone
    ("J. Roe", None),  # an initial
    ("Xqzt Doe", None),  # a name the dictionary does not know
])
def test_first_name_gender(label, gender):
    assert first_name_gender(label) == gender


@pytest.mark.parametrize("word, known", [
    ("Anita", True), ("Chris", True), ("Kamala", True),
    ("Hodeidah", False), ("Xqzt", False), ("J", False), ("J.", False),
])
def test_is_given_name(word, known):
    assert is_given_name(word) is known


def test_name_parts_and_generation():
    assert name_parts("John Roe Jr.") == ("John", "Roe")
    assert generation("John Roe Jr.") == "jr" and generation("John Roe") == ""
