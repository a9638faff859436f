"""Birth dates: agreement, a plausible typo, or a real conflict (MATCHING.md)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from concerted.resolve.dates import compare_dates, parse_dates


def relation(a: str, b: str) -> str | None:
    found = compare_dates(parse_dates((a,)), parse_dates((b,)))
    return found[0] if found else None


@pytest.mark.parametrize(("a", "b", "expected"), [
    ("1976-10-05", "1976-10-05", "exact"),
    ("1958-01", "1958-01-13", "month"),
    ("1955", "1955-03-01", "year"),
    ("1972/1973", "1973", "range"),
    ("~1966", "1967", "range"),
    ("1957-01-03", "1957-03-01", "typo"),  # ROTENBERG, Boris: day and month swapped
    ("2000-02-29", "2000-02-20", "typo"),  # ROTENBERG, Pavel: one digit off
    ("1965-12-30", "1964-12-30", "typo"),  # BEZLER: year one digit off
    ("1969-01-01", "1964-01-01", "conflict"),  # 1 January stands for "unknown"
    ("1975", "1976", "near"),
    ("1987-10-19", "1987-09-19", "same_year"),
    ("1973-05-09", "1974-09-09", "conflict"),
    ("1998-12-31", "1976-10-05", "conflict"),
])
def test_relations(a: str, b: str, expected: str) -> None:
    assert relation(a, b) == expected


def test_missing_is_no_evidence() -> None:
    assert compare_dates((), parse_dates(("1976",))) is None


def test_best_of_alternatives() -> None:
    found = compare_dates(parse_dates(("1952", "1955-05-04")), parse_dates(("1955-05-04",)))
    assert found == ("exact", "1955-05-04", "1955-05-04")


dates = st.dates().map(lambda d: d.isoformat()) | st.integers(1900, 2010).map(str)


@given(dates, dates)
def test_symmetric(a: str, b: str) -> None:
    assert relation(a, b) == relation(b, a)


@given(dates)
def test_a_date_agrees_with_itself(a: str) -> None:
    assert relation(a, a) in ("exact", "year")
