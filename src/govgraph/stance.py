"""Stance: whether what a speaker says of someone criticizes or supports them.

A reported clause that evaluates whom it is about ("X said Y's handling was a disaster", "X said
Y was a brilliant chancellor") judges them; whether it praises or condemns comes from VADER's
sentiment lexicon and rules (Hutto & Gilbert, 2014: negation, "but", intensifiers), not from a
word list of ours. Only the evaluating words are scored (what the subject is said to be), so the
valence of a reported event ("X said Y kissed her") is never taken for a stance.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Span

# VADER's compound score runs from -1 to 1; its authors call below -0.05 negative and above 0.05
# positive. A stance needs a clear judgement: half way to either end (chosen on the development split).
CRITICAL_BELOW = -0.5
SUPPORTIVE_ABOVE = 0.5


@lru_cache(maxsize=1)
def _analyzer():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def polarity(text: str) -> float:
    """VADER's compound score of a text, from -1 (most negative) to 1 (most positive)."""
    return _analyzer().polarity_scores(text)["compound"]


def stance_of(words: Span) -> str | None:
    """"criticized", "supported" or None (neutral or mixed) for what the words say."""
    score = polarity(words.text)
    if score <= CRITICAL_BELOW:
        return "criticized"
    if score >= SUPPORTIVE_ABOVE:
        return "supported"
    return None


def judging_words(words: Span, stance: str) -> list[str]:
    """The words whose valence in the lexicon carries the stance, strongest first (at most three):
    the page shows them as the reading's trigger."""
    lexicon = _analyzer().lexicon
    sign = -1 if stance == "criticized" else 1
    scored = [(lexicon.get(t.lower_, 0.0) * sign, t.i, t.text) for t in words]
    return [text for score, _, text in sorted(scored, key=lambda s: (-s[0], s[1])) if score > 0][:3]
