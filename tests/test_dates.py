"""Time expressions on the calendar: each form, and never a relative one without a story date."""

from datetime import date

import pytest

from govgraph.dates import period_of, resolve_time

PUBLISHED = date(2024, 7, 23)  # a Tuesday


@pytest.mark.parametrize("text, value", [
    ("in 1968", "1968"), ("1968", "1968"), ("since 2017", "2017"),
    ("in March 2019", "2019-03"), ("March 2019", "2019-03"),
    ("on July 21, 2024", "2024-07-21"), ("July 21", "2024-07-21"),
    ("Sunday", "2024-07-21"), ("Tuesday", "2024-07-23"), ("on Tuesday", "2024-07-23"), ("Monday night", "2024-07-22"),
    ("Wednesday", "2024-07-17"), ("yesterday", "2024-07-22"), ("last week", "2024-07-16"),
    ("earlier this month", "2024-07"), ("in March", "2024-03"), ("two years ago", "2022"),
])
def test_each_form_resolved_against_a_dated_story(text, value):
    assert resolve_time(text, PUBLISHED) == value


@pytest.mark.parametrize("text", ["July 21", "Sunday", "yesterday", "last week", "earlier this month", "in March",
                                  "two years ago", "Tuesday"])
def test_a_relative_date_is_never_resolved_without_a_story_date(text):
    assert resolve_time(text, None) is None


@pytest.mark.parametrize("text, value", [("in 1968", "1968"), ("in March 2019", "2019-03"), ("on July 21, 2024", "2024-07-21")])
def test_a_date_with_its_year_needs_no_story_date(text, value):
    assert resolve_time(text, None) == value


@pytest.mark.parametrize("text", ["84-year-old", "the next day", "decades", ""])
def test_words_that_name_no_date_give_none(text):
    assert resolve_time(text, PUBLISHED) is None


def test_a_relative_day_is_never_after_publication():
    assert resolve_time("next week", PUBLISHED) is None


def test_precision():
    assert [period_of(v) for v in ("1968", "2019-03", "2024-07-21")] == ["year", "month", "day"]
