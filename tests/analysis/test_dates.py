from __future__ import annotations

from datetime import date

import pytest

from concerted.analysis.dates import Window, gap_days, parse_printed, window_from_history

US = ("2021-08-18", "2021-08-20", "2021-08-23", "2023-08-03", "2023-08-16")


def test_a_printed_day_is_exact() -> None:
    window = parse_printed("2021-03-22")
    assert window == Window(date(2021, 3, 22), date(2021, 3, 22), exact=True, basis="list")
    assert window is not None and window.label() == "2021-03-22"


@pytest.mark.parametrize(("text", "earliest", "latest"), [
    ("2021-03", date(2021, 3, 1), date(2021, 3, 31)),
    ("2020", date(2020, 1, 1), date(2020, 12, 31)),
])
def test_a_partial_printed_date_covers_its_month_or_year(text: str, earliest: date,
                                                          latest: date) -> None:
    window = parse_printed(text)
    assert window is not None and (window.earliest, window.latest) == (earliest, latest)
    assert not window.exact and window.basis == "partial"


def test_an_unreadable_date_gives_none() -> None:
    assert parse_printed("22/03/2021") is None


def test_first_seen_in_the_earliest_snapshot_has_no_lower_bound() -> None:
    window = window_from_history("2021-08-18", US, after=False)
    assert (window.earliest, window.latest) == (None, date(2021, 8, 18))
    assert window.label() == "before 2021-08-18"
    assert window.width is None and window.midpoint is None and window.year is None


def test_first_seen_later_lies_between_the_previous_snapshot_and_the_first_showing_it() -> None:
    window = window_from_history("2023-08-16", US, after=False)
    assert window.label() == "between 2023-08-03 and 2023-08-16"
    assert window.width == 13 and not window.exact


def test_a_removal_lies_between_the_last_snapshot_showing_it_and_the_next() -> None:
    assert window_from_history("2021-08-20", US, after=True).label() == (
        "between 2021-08-20 and 2021-08-23")
    assert window_from_history("2023-08-16", US, after=True).label() == "after 2023-08-16"


def test_a_date_missing_from_the_history_is_an_error() -> None:
    with pytest.raises(ValueError, match="not in the list's snapshot history"):
        window_from_history("2022-01-01", US, after=False)


def test_gap_days_is_zero_when_windows_meet_and_none_when_unbounded() -> None:
    uk = parse_printed("2023-08-10")
    us = window_from_history("2023-08-16", US, after=False)
    assert uk is not None and gap_days(uk, us) == 0
    later = parse_printed("2023-08-30")
    assert later is not None and gap_days(us, later) == 14
    assert gap_days(uk, window_from_history("2021-08-18", US, after=False)) is None


def test_overlaps_a_range() -> None:
    window = Window(date(2021, 8, 18), date(2021, 8, 20))
    assert window.overlaps(date(2021, 8, 20), None)
    assert not window.overlaps(date(2021, 8, 21), None)
    assert Window(None, date(2021, 8, 18)).overlaps(None, date(2000, 1, 1))


def test_printed_bounds_are_a_window() -> None:
    window = parse_printed("2023/2023-02-01")
    assert window is not None and window.label() == "between 2023-01-01 and 2023-02-01"
    assert (window.exact, window.basis, window.width) == (False, "bounds", 31)
    open_start = parse_printed("../2022-03-30")
    assert open_start is not None and open_start.label() == "before 2022-03-30"
    assert parse_printed("2024/2023-01-01") is None  # the wrong way round
