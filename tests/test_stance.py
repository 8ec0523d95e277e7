import pytest
from spacy.tokens import Doc

from govgraph.stance import judging_words, polarity, stance_of


def words(vocab, text):
    doc = Doc(vocab, words=text.split())
    return doc[:]


@pytest.mark.parametrize("text, stance", [
    ("a complete disaster", "criticized"),
    ("should stop this rigged witch hunt right now", "criticized"),
    ("a brilliant and honest chancellor", "supported"),
    ("not a good chancellor", None),               # negated praise, but mild
    ("the chancellor of the exchequer", None),     # no judgement
    ("a little disappointing", None),              # too mild to be a stance
])
def test_the_stance_of_evaluating_words(vocab, text, stance):
    assert stance_of(words(vocab, text)) == stance


def test_polarity_is_vaders_compound_score_with_its_negation_rule():
    assert polarity("a complete disaster") < -0.5 < 0.5 < polarity("a brilliant and honest chancellor")
    assert polarity("the chancellor of the exchequer") == 0.0
    assert polarity("not a good chancellor") < 0 < polarity("a good chancellor")


def test_the_judging_words_are_those_carrying_the_stance_strongest_first(vocab):
    assert judging_words(words(vocab, "a stupid and lazy waste"), "criticized") == ["stupid", "waste", "lazy"]
    assert judging_words(words(vocab, "a brilliant but lazy minister"), "supported") == ["brilliant"]
