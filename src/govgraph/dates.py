"""Time expressions of a story placed on the calendar, as precisely as the words allow.

"in 1968" is a year, "in March 2019" a month, "on July 23, 2024" a day: each is resolved alone.
"Tuesday", "yesterday", "last week", "earlier this month" are relative to when the story was
published, and are resolved only when the story has a date: nothing is invented without one.
dateparser does the reading; the results are ISO 8601 strings of the precision found ("1968",
"2019-03", "2024-07-23"), written as xsd:gYear, xsd:gYearMonth or xsd:date.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache

__all__ = ["resolve_time", "period_of"]

_YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)\b")
# Words that say when without naming a calendar date; alone they are not worth a parse
_RELATIVE = re.compile(r"\b(yesterday|today|tonight|tomorrow|week|month|year|monday|tuesday|wednesday|thursday|"
                       r"friday|saturday|sunday|january|february|march|april|may|june|july|august|september|"
                       r"october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|ago)\b",
                       re.IGNORECASE)
# "since 2017", "in early 2019", "from 2009 to 2013": the words dateparser would stumble on
_NOISE = re.compile(r"^(since|in|on|during|by|from|until|till|through|as of|earlier|later|early|late|mid|the)\s+",
                    re.IGNORECASE)


def resolve_time(text: str, published: date | None) -> str | None:
    """The calendar value of a time expression ("1968", "2019-03", "2024-07-23"), relative to the
    publication date for words that need one; None when the words name no time, or only a relative
    one and the story has no date."""
    if not text or not (_YEAR.search(text) or _RELATIVE.search(text)):
        return None
    absolute = bool(_YEAR.search(text))
    if not absolute and published is None:
        return None  # "on Tuesday" in an undated story: which Tuesday is a guess
    return _resolve(text.strip(), None if absolute and published is None else published)


@lru_cache(maxsize=4096)
def _resolve(text: str, published: date | None) -> str | None:
    words = text
    while (shorter := _NOISE.sub("", words)) != words:
        words = shorter
    years = _YEAR.findall(words)
    if years and re.fullmatch(r"\s*(1[5-9]\d\d|20\d\d)s?\s*", words):
        return years[0]  # "1968", "2017"
    weekday = _WEEKDAY.fullmatch(words.lower())
    if weekday and published is not None:
        # "on Tuesday" in news copy: the last Tuesday on or before publication (the same day too)
        index = _WEEKDAYS.index(weekday.group(1))
        return date.fromordinal(published.toordinal() - (published.weekday() - index) % 7).isoformat()
    settings = {"PREFER_DATES_FROM": "past", "RETURN_TIME_AS_PERIOD": True}
    if published is not None:
        settings["RELATIVE_BASE"] = datetime(published.year, published.month, published.day, 12)
    found = _parse(words, settings)
    if found is None:
        return years[0] if years else None
    value, period = found
    if published is not None and value.date() > published and not years:
        return None  # a relative day after publication: the parser went the wrong way
    if period == "year":
        return f"{value.year:04d}"
    if period == "month":
        return f"{value.year:04d}-{value.month:02d}"
    return value.date().isoformat()


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = re.compile(r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
                      r"(?:\s+(?:morning|afternoon|evening|night))?")


def _parse(words: str, settings: dict):
    from dateparser.date import DateDataParser

    data = DateDataParser(languages=["en"], settings=settings).get_date_data(words)
    if data is None or data.date_obj is None:
        return None
    return data.date_obj, data.period


def period_of(value: str) -> str:
    """"year", "month" or "day": the precision of a value of ``resolve_time``."""
    return {4: "year", 7: "month"}.get(len(value), "day")
