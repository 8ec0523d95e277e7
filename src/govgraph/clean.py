"""Text repairs, composed in order: ftfy first, then small named repairs for what ftfy cannot know.

ftfy undoes mojibake when the broken bytes are all still there. News copy often went through a
Windows-1252 round trip that *lost* a byte: the closing quote ” (E2 80 9D) becomes ``â€`` plus an
undefined byte that was dropped, or turns up as ``†``. No decoder can recover that, but the
context (an open quotation, the end of a line) tells what belonged there.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import ftfy

__all__ = ["clean_text", "REPAIRS", "repair_lost_closing_quote", "repair_dagger_quote",
           "repair_possessive_apostrophe", "normalize_whitespace"]

OPEN_QUOTE, CLOSE_QUOTE = "\u201c", "\u201d"

# "â€" that ftfy left alone is what remains of a curly quote whose third byte was lost;
# before a space, punctuation or the end of a line it can only have been a closing quote.
_LOST_CLOSING_QUOTE = re.compile("\u00e2\u20ac(?=[\\s.,;:!?)\\]]|$)", re.MULTILINE)


def repair_lost_closing_quote(text: str) -> str:
    """Turn a stranded ``â€`` (a ” whose last byte was lost) back into ``”``."""
    return _LOST_CLOSING_QUOTE.sub(CLOSE_QUOTE, text)


def repair_dagger_quote(text: str) -> str:
    """Turn ``†`` into ``”`` where it closes a quotation opened earlier on the same line.

    A real dagger (a footnote mark) is left alone: it only changes when a quotation is open. The
    damage often swallowed the space after the quote too (",†he said"), so a space is put back
    where a letter follows at once.
    """
    if "\u2020" not in text:
        return text  # the common case, without a walk through every character
    lines = []
    for line in text.split("\n"):
        if "\u2020" not in line:
            lines.append(line)
            continue
        chars, quote_open = [], False
        for i, char in enumerate(line):
            if char == OPEN_QUOTE:
                quote_open = True
            elif char == CLOSE_QUOTE:
                quote_open = False
            elif char == "\u2020" and quote_open:
                quote_open = False
                follows_letter = i + 1 < len(line) and line[i + 1].isalnum()
                char = CLOSE_QUOTE + (" " if follows_letter else "")
            chars.append(char)
        lines.append("".join(chars))
    return "\n".join(lines)


OPEN_SINGLE, CLOSE_SINGLE = "\u2018", "\u2019"
# "Jones’ campaign": a curly apostrophe after a plural or a name in -s, before the next word
_BARE_POSSESSIVE = re.compile("(?<=[a-zA-Z][sS])\u2019(?= [A-Za-z0-9])")
_SINGLE_MARKS = re.compile("[\u2018\u2019]")


def repair_possessive_apostrophe(text: str) -> str:
    """Write a bare possessive's curly apostrophe as the plain one ("Jones’ campaign" ->
    "Jones' campaign"), one character for one, so offsets stay.

    The parser learnt possessives from plain apostrophes and reads "Jones’ campaign" as a name,
    a closing quotation mark and a noun, losing whose campaign it is. A mark that can close a
    single quotation opened earlier in the line (‘We back the Tories’ he said) closes it and is
    left alone; one inside a word ("don’t", "Doe’s") is an apostrophe either way.
    """
    if CLOSE_SINGLE not in text:
        return text
    return "\n".join(_plain_possessives(line) if CLOSE_SINGLE in line else line for line in text.split("\n"))


def _plain_possessives(line: str) -> str:
    chars, depth = list(line), 0
    for mark in _SINGLE_MARKS.finditer(line):
        i = mark.start()
        if mark.group() == OPEN_SINGLE:
            depth += 1
        elif 0 < i < len(line) - 1 and line[i - 1].isalpha() and line[i + 1].isalpha():
            continue  # "don’t"
        elif depth:
            depth -= 1
        elif _BARE_POSSESSIVE.match(line, i):
            chars[i] = "'"
    return "".join(chars)


_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")


def normalize_whitespace(text: str) -> str:
    """Unify line ends and runs of spaces, drop zero-width characters, trim the ends."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ZERO_WIDTH.sub("", text)
    text = _SPACES.sub(" ", text)
    text = "\n".join(line.strip() for line in text.split("\n"))
    return text.strip()


# Printable ASCII, tabs and line feeds, without "&": every fix ftfy makes needs a character
# outside these (mojibake, C1 and other control characters, terminal escapes, "\r", ligatures,
# wide letters) or an HTML entity, so it would return such a text unchanged (a property test
# checks it). Most English stories are such texts, and ftfy takes longer than the rest of cleaning.
_NOTHING_FOR_FTFY = re.compile(r"[\t\n\x20-\x25\x27-\x7e]*")


def _fix_with_ftfy(text: str) -> str:
    if _NOTHING_FOR_FTFY.fullmatch(text):
        return text
    # Keep curly quotes: they tell opening from closing, which the quote repairs and the
    # quotation-speaker rules rely on.
    return ftfy.fix_text(text, uncurl_quotes=False, normalization="NFC")


REPAIRS: tuple[tuple[str, Callable[[str], str]], ...] = (
    ("ftfy", _fix_with_ftfy),
    ("lost_closing_quote", repair_lost_closing_quote),
    ("dagger_quote", repair_dagger_quote),
    ("whitespace", normalize_whitespace),
    ("possessive_apostrophe", repair_possessive_apostrophe),
)


# Rounds of the whole chain before giving up on reaching a fixed point; one is almost always
# enough and the next confirms it, but a repair can uncover new mojibake for the next round
# (ftfy turns a C1 control into the Windows-1252 letter that makes a UTF-8 pair with its neighbour).
_MAX_ROUNDS = 5


def _repair_once(text: str) -> str:
    for _name, repair in REPAIRS:
        text = repair(text)
    return text


def clean_text(text: str) -> str:
    """Apply every repair in ``REPAIRS`` in order, and again until nothing changes.

    Repeating to a fixed point makes cleaning idempotent: cleaning clean text changes nothing, so
    the character offsets in the graph stay valid if a cleaned text is loaded again.
    """
    for _round in range(_MAX_ROUNDS):
        repaired = _repair_once(text)
        if repaired == text:
            break
        text = repaired
    return text
