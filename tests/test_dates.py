from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventcoder.events.dates import resolve

MONDAY = date(2023, 1, 30)  # a Monday


@pytest.mark.parametrize("expression,expected", [
    ("on Monday", "2023-01-30"),
    ("Saturday", "2023-01-28"),
    ("last Monday", "2023-01-23"),
    ("yesterday", "2023-01-29"),
    ("today", "2023-01-30"),
    ("last week", "2023-01-23"),
    ("last month", "2022-12"),
    ("last year", "2022"),
    ("in December", "2022-12"),
    ("in January", "2023-01"),
    ("Jan. 25", "2023-01-25"),
    ("January 25, 2021", "2021-01-25"),
    ("25 December", "2022-12-25"),
    ("Sept. 28, 2011", "2011-09-28"),
    ("in 2019", "2019"),
    ("three days ago", "2023-01-27"),
    ("2024-05-01", "2024-05-01"),
    ("the past 70 years", None),
])
def test_relative_expressions(expression, expected):
    assert resolve(expression, MONDAY) == expected


def test_without_a_publication_date_only_absolute_dates_resolve():
    assert resolve("on Monday", None) is None
    assert resolve("Jan. 25", None) is None
    assert resolve("Jan. 25, 2023", None) == "2023-01-25"
    assert resolve("in 2023", None) == "2023"


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31)),
       st.sampled_from(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                        "sunday"]))
def test_weekday_is_within_the_week_before_publication(published, weekday):
    found = date.fromisoformat(resolve(f"on {weekday}", published))
    assert 0 <= (published - found).days < 7
    assert found.strftime("%A").lower() == weekday
