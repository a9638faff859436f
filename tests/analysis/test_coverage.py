"""The coverage matrix, on designations dated as in the shared files (see test_rounds.py)."""

from __future__ import annotations

from datetime import date

from analysis_factory import designation

from concerted.analysis.coverage import build_coverage
from concerted.analysis.filters import Filter

ROWS = [
    designation("zhu", "gb", "gb-ghr", "2021-03-22", countries=("cn",)),
    designation("zhu", "us", "us-glomag", (None, "2021-08-18"),
                ("corruption", "human_rights"), countries=("cn",)),
    designation("salameh", "gb", "gb-gac", "2023-08-10", ("corruption",), ("lb",)),
    designation("salameh", "us", "us-lebanon", ("2023-08-03", "2023-08-16"), ("other",), ("lb",)),
    designation("tanchon", "au", "au-un-dprk", "2009-04-13", ("other",), ("kp",)),
]


def test_cells_hold_programs_and_dates() -> None:
    coverage = build_coverage(ROWS)
    zhu = next(row for row in coverage.rows if row.target_id == "zhu")
    assert zhu.cells["us"].label() == "us-glomag (before 2021-08-18)"
    assert zhu.cells["gb"].label() == "gb-ghr (2021-03-22)"
    assert coverage.jurisdictions == ("au", "gb", "us")


def test_totals() -> None:
    totals = build_coverage(ROWS).totals
    assert totals["targets"] == 3 and totals["designations"] == 5
    assert totals["targets_by_jurisdiction"] == {"au": 1, "gb": 2, "us": 2}
    assert totals["targets_by_number_of_jurisdictions"] == {1: 1, 2: 2}


def test_filters() -> None:
    assert [r.target_id for r in build_coverage(ROWS, Filter(countries=("lb",))).rows] == [
        "salameh"]
    assert build_coverage(ROWS, Filter(themes=("corruption",))).totals["designations"] == 2
    assert build_coverage(ROWS, Filter(programs=("gb-ghr",))).totals["designations"] == 1
    assert build_coverage(ROWS, Filter(jurisdictions=("au",))).totals["targets"] == 1
    # A window that could fall in the range is in it; "before 2021-08-18" could be any time.
    in_2020 = build_coverage(ROWS, Filter(since=date(2020, 1, 1), until=date(2020, 12, 31)))
    assert [(r.target_id, sorted(r.cells)) for r in in_2020.rows] == [("zhu", ["us"])]


def test_min_jurisdictions() -> None:
    assert [r.target_id for r in build_coverage(ROWS, min_jurisdictions=2).rows] == [
        "salameh", "zhu"]
