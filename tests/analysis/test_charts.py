"""The report's charts: what they count and what they leave out (dates as in the shared files,
see test_rounds.py)."""

from __future__ import annotations

import re
from html import unescape

from analysis_factory import designation

from concerted.analysis.lags import compute_lags
from concerted.reports.charts import coverage_heatmap, lag_distribution, timeline

ROWS = [
    designation("salameh", "gb", "gb-gac", "2023-08-10", ("corruption",), ("lb",)),
    designation("salameh", "us", "us-lebanon", ("2023-08-03", "2023-08-16"), ("other",), ("lb",)),
    designation("alexandrov", "gb", "gb-chemical-weapons", "2021-08-20", ("other",), ("ru",)),
    designation("panyaev", "us", "us-npwmd", ("2021-08-18", "2021-08-20"), ("other",), ("ru",)),
    designation("zhu", "us", "us-glomag", (None, "2021-08-18"), countries=("cn",)),
    designation("nobody", "au", "au-thematic", "2022-12-10"),
]


def _titles(svg: str) -> list[str]:
    return [unescape(t) for t in re.findall(r"<title>([^<]*)</title>", svg)]


def test_the_heatmap_ranks_nationalities_by_targets_across_jurisdictions() -> None:
    chart = coverage_heatmap(ROWS, top=2)
    cells = [t for t in _titles(chart.svg) if " targets designated by " in t]
    assert cells == ["RU targets designated by GB: 1", "RU targets designated by US: 1",
                     "LB targets designated by GB: 1", "LB targets designated by US: 1"]
    assert chart.note.startswith("1 targets whose lists state no nationality")


def test_the_timeline_places_only_dates_known_to_within_a_month() -> None:
    chart = timeline(ROWS)
    bars = [t for t in _titles(chart.svg) if re.fullmatch(r"[A-Z]{2} \d{4} Q\d: \d+", t)]
    placed = sum(int(bar.rsplit(": ", 1)[1]) for bar in bars)
    assert placed == 5 and chart.note.startswith("1 designations")
    assert ">2021</text>" in chart.svg  # four-digit years on the axis


def test_the_lag_chart_leaves_out_unknown_orders() -> None:
    chart = lag_distribution(compute_lags(ROWS), min_count=1)
    labels = re.findall(r"<text[^>]*>([A-Z]{2} → [A-Z]{2} \(\d+\))</text>", chart.svg)
    assert labels == ["GB → US (1)"]
