"""The report's charts as inline SVG: designations over time by jurisdiction, a coverage
heatmap (target country × jurisdiction) and the spread of follow-on lags. Pure.

SVG drawn here rather than a charting library's script keeps the report a few hundred
kilobytes that opens offline and can be mailed (plotly's bundle alone was 4.8 MB), and lets
the charts use the web app's jurisdiction colours (`JURISDICTION_COLOURS`, the same values as
the `--us`, `--gb`... variables of web/static/app.css; a test keeps them equal).

Only designations whose date is known to within `max_width` days are placed on the timeline
(at their window's midpoint); the others are counted in the chart's note, not guessed.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from concerted.analysis.designations import Designation
from concerted.analysis.lags import Lag

__all__ = ["JURISDICTION_COLOURS", "Chart", "coverage_heatmap", "lag_distribution", "timeline"]

JURISDICTION_COLOURS = {"us": "#1f4e9c", "gb": "#b3202c", "eu": "#2f6f3e", "ca": "#8e3b8e",
                        "au": "#9a6400", "un": "#2b7a8c"}
_OTHER = "#666666"
_FONT = 'font-family="system-ui, sans-serif" font-size="12"'


@dataclass(frozen=True)
class Chart:
    svg: str  # one <svg> element, titled for screen readers
    note: str  # what the chart leaves out, and why: shown beneath it


def _colour(jurisdiction: str) -> str:
    return JURISDICTION_COLOURS.get(jurisdiction, _OTHER)


def _svg(width: int, height: int, title: str, body: list[str]) -> str:
    return (f'<svg role="img" viewBox="0 0 {width} {height}" '
            f'width="100%" style="max-width:{width}px" {_FONT}><title>{escape(title)}</title>'
            + "".join(body) + "</svg>")


def _legend(jurisdictions: Sequence[str], x: int, y: int) -> list[str]:
    parts = []
    for n, jurisdiction in enumerate(jurisdictions):
        left = x + n * 60
        parts.append(f'<rect x="{left}" y="{y - 10}" width="12" height="12" '
                     f'fill="{_colour(jurisdiction)}"/>'
                     f'<text x="{left + 16}" y="{y}">{escape(jurisdiction.upper())}</text>')
    return parts


def timeline(designations: Sequence[Designation], max_width: int = 31) -> Chart:
    """Stacked bars per quarter, one colour per jurisdiction, four-digit years on the axis."""
    quarters: Counter[tuple[str, tuple[int, int]]] = Counter()
    undated = 0
    for d in designations:
        width, mid = d.listed_on.width, d.listed_on.midpoint
        if width is None or mid is None or width > max_width:
            undated += 1
            continue
        quarters[(d.jurisdiction, (mid.year, (mid.month - 1) // 3))] += 1
    note = (f"{undated} designations whose date is known only to within more than {max_width} "
            "days, or only as before a list's first snapshot held, are not placed.")
    title = "Designations per quarter, by jurisdiction"
    if not quarters:
        return Chart(_svg(400, 40, title, ['<text x="0" y="24">No dated designations.</text>']),
                     note)
    first = min(q for _, q in quarters)
    last = max(q for _, q in quarters)
    slots = [(year, quarter) for year in range(first[0], last[0] + 1) for quarter in range(4)
             if first <= (year, quarter) <= last]
    jurisdictions = sorted({j for j, _ in quarters})
    totals = Counter({q: 0 for q in slots})
    for (_, q), n in quarters.items():
        totals[q] += n
    top = max(totals.values()) or 1
    step, left, base, tall = 14, 44, 230, 200
    width = left + step * len(slots) + 20
    body = [f'<line x1="{left}" y1="{base}" x2="{width - 10}" y2="{base}" stroke="#6b7785"/>',
            f'<text x="0" y="{base - tall + 4}">{top}</text><text x="0" y="{base}">0</text>']
    for n, slot in enumerate(slots):
        x = left + n * step
        y = float(base)
        for jurisdiction in jurisdictions:
            count = quarters.get((jurisdiction, slot), 0)
            if count:
                height = count / top * tall
                y -= height
                label = f"{jurisdiction.upper()} {slot[0]} Q{slot[1] + 1}: {count}"
                body.append(f'<rect x="{x}" y="{y:.1f}" width="{step - 2}" height="{height:.1f}" '
                            f'fill="{_colour(jurisdiction)}"><title>{escape(label)}</title></rect>')
        if slot[1] == 0 or (n == 0 and slot[1] < 3):  # each year; a first year with room
            body.append(f'<text x="{x}" y="{base + 16}">{slot[0]}</text>')
    body += _legend(jurisdictions, left, base + 40)
    return Chart(_svg(width, base + 50, title, body), note)


def coverage_heatmap(designations: Sequence[Designation], top: int = 25) -> Chart:
    targets: dict[tuple[str, str], set[str]] = {}
    unstated: set[str] = set()
    for d in designations:
        if not d.countries:
            unstated.add(d.target_id)
        for country in d.countries:
            targets.setdefault((country, d.jurisdiction), set()).add(d.target_id)
    per_country: dict[str, set[str]] = {}
    for (country, _), ids in targets.items():
        per_country.setdefault(country, set()).update(ids)
    ranked = Counter({c: len(ids) for c, ids in per_country.items()})
    countries = [c for c, _ in ranked.most_common(top)]
    jurisdictions = sorted({j for _, j in targets})
    most = max((len(ids) for ids in targets.values()), default=1)
    cell, left, head = 52, 50, 24
    body = [f'<text x="{left + n * cell + cell / 2}" y="16" text-anchor="middle">'
            f'{escape(j.upper())}</text>' for n, j in enumerate(jurisdictions)]
    for row, country in enumerate(countries):
        y = head + row * 22
        body.append(f'<text x="0" y="{y + 15}">{escape(country.upper())}</text>')
        for col, jurisdiction in enumerate(jurisdictions):
            count = len(targets.get((country, jurisdiction), ()))
            shade = 0.08 + 0.92 * count / most if count else 0.0
            x = left + col * cell
            label = f"{country.upper()} targets designated by {jurisdiction.upper()}: {count}"
            body.append(f'<rect x="{x}" y="{y}" width="{cell - 2}" height="20" '
                        f'fill="{_colour(jurisdiction)}" fill-opacity="{shade:.2f}" '
                        f'stroke="#d9dee5"><title>{escape(label)}</title></rect>'
                        f'<text x="{x + cell / 2 - 1}" y="{y + 15}" text-anchor="middle" '
                        f'fill="{"#ffffff" if shade > 0.5 else "#1d2733"}">{count}</text>')
    title = f"Targets by nationality (top {len(countries)}) and jurisdiction"
    svg = _svg(left + cell * len(jurisdictions) + 10, head + 22 * len(countries) + 6, title, body)
    return Chart(svg, f"{len(unstated)} targets whose lists state no nationality are left "
                      "out; a target of two nationalities counts under each.")


def lag_distribution(lags: Sequence[Lag], min_count: int = 3) -> Chart:
    """One horizontal box per pair first → follower: quartiles of the lags' midpoints."""
    groups: dict[tuple[str, str], list[float]] = {}
    for lag in lags:
        if lag.midpoint is not None:
            groups.setdefault((lag.first, lag.follower), []).append(lag.midpoint)
    shown = {pair: sorted(v) for pair, v in sorted(groups.items()) if len(v) >= min_count}
    unknown = sum(1 for lag in lags if lag.midpoint is None)
    note = (f"Per pair first → follower (with how many lags), pairs with at least {min_count}: "
            "the box spans the middle half of the lags, the line inside is the median, the "
            "whiskers reach the least and the longest within 1.5 box widths (how many lags are "
            f"longer is said beside them). {unknown} lags whose order is unknown (a date known "
            "only as before a list's first snapshot held) are left out.")
    title = "Days from the first designation to a follower's"
    fences = {pair: _fence(values) for pair, values in shown.items()}
    most = max(fences.values(), default=1.0) or 1.0
    left, span, row = 130, 460, 30
    body = []
    for n, ((first, follower), values) in enumerate(shown.items()):
        y = 10 + n * row
        q1, median, q3 = _quartiles(values)
        reach = fences[(first, follower)]
        beyond = sum(v > reach for v in values)

        def at(days: float) -> float:
            return left + min(days, most) / most * span

        label = f"{first.upper()} → {follower.upper()} ({len(values)})"
        colour = _colour(follower)
        extra = f", {beyond} longer" if beyond else ""
        body.append(
            f'<text x="0" y="{y + 15}">{escape(label)}</text>'
            f'<line x1="{at(values[0]):.1f}" y1="{y + 10}" x2="{at(reach):.1f}" '
            f'y2="{y + 10}" stroke="{colour}"/>'
            f'<rect x="{at(q1):.1f}" y="{y}" width="{max(at(q3) - at(q1), 1):.1f}" height="20" '
            f'fill="{colour}" fill-opacity="0.35" stroke="{colour}"/>'
            f'<line x1="{at(median):.1f}" y1="{y}" x2="{at(median):.1f}" y2="{y + 20}" '
            f'stroke="{colour}" stroke-width="3"><title>median {median:g} days</title></line>'
            f'<text x="{at(reach) + 6:.1f}" y="{y + 15}">median {median:g} d{extra}</text>')
    height = 10 + row * len(shown)
    body.append(f'<text x="{left}" y="{height + 14}">0 days</text>'
                f'<text x="{left + span}" y="{height + 14}" text-anchor="end">{most:g} days</text>')
    return Chart(_svg(left + span + 150, height + 22, title, body), note)


def _fence(values: Sequence[float]) -> float:
    """Where the whisker ends: the longest lag within 1.5 interquartile ranges of the box
    (a few lags of years would otherwise squash every box to a line)."""
    q1, _, q3 = _quartiles(values)
    return max((v for v in values if v <= q3 + 1.5 * (q3 - q1)), default=q3)


def _quartiles(values: Sequence[float]) -> tuple[float, float, float]:
    """First quartile, median, third quartile; a pair with one lag is its own box."""
    if len(values) == 1:
        return values[0], values[0], values[0]
    q1, median, q3 = statistics.quantiles(values, n=4, method="inclusive")
    return q1, median, q3
