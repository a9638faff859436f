"""Follow-on lags: for every target designated by two or more jurisdictions, the days from the
first designation (by anyone) to each other jurisdiction's first designation. Pure.

Dates are windows, so a lag is an interval too: `days_min` is the least it can be (never
negative: the first designation is the earliest by definition) and `days_max` the most, None
when a window has no lower bound ("before 2021-08-18"), in which case even the order is
unknown. Summaries say which figure they use: the bounds, or the midpoint of bounded lags.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from concerted.analysis.dates import Window
from concerted.analysis.designations import Designation

__all__ = ["Lag", "compute_lags", "summarise_lags"]


@dataclass(frozen=True)
class Lag:
    target_id: str
    name: str
    first: str  # the jurisdiction whose first designation could be the earliest of all
    follower: str
    first_on: Window
    follower_on: Window
    days_min: int
    days_max: int | None

    @property
    def order(self) -> str:
        """after (certainly later), overlapping (the windows meet) or unknown."""
        if self.days_max is None:
            return "unknown"
        earliest = self.follower_on.earliest
        latest = self.first_on.latest
        return "after" if earliest and latest and earliest > latest else "overlapping"

    @property
    def midpoint(self) -> float | None:
        return None if self.days_max is None else (self.days_min + self.days_max) / 2

    @property
    def year(self) -> int | None:
        return self.first_on.year

    def to_dict(self) -> dict[str, Any]:
        return {"target_id": self.target_id, "name": self.name, "first": self.first,
                "follower": self.follower, "first_on": self.first_on.to_dict(),
                "follower_on": self.follower_on.to_dict(), "days_min": self.days_min,
                "days_max": self.days_max, "days_midpoint": self.midpoint, "order": self.order}


def _first(windows: list[Window]) -> Window:
    """The window of the earliest of several dates: bounded below only if all are."""
    lows = [w.earliest for w in windows]
    earliest = None if None in lows else min(d for d in lows if d)
    latest = min(w.latest for w in windows if w.latest)
    return Window(earliest, latest, exact=earliest == latest and all(w.exact for w in windows
                  if w.latest == latest), basis=windows[0].basis)


def compute_lags(designations: Iterable[Designation]) -> list[Lag]:
    by_target: dict[str, dict[str, list[Window]]] = {}
    names: dict[str, str] = {}
    for designation in designations:
        if designation.listed_on.latest is None:
            continue
        names[designation.target_id] = designation.name
        cells = by_target.setdefault(designation.target_id, {})
        cells.setdefault(designation.jurisdiction, []).append(designation.listed_on)
    lags: list[Lag] = []
    for target_id, cells in sorted(by_target.items()):
        if len(cells) > 1:
            lags.extend(_target_lags(target_id, names[target_id],
                                     {j: _first(ws) for j, ws in cells.items()}))
    return lags


def _target_lags(target_id: str, name: str, firsts: dict[str, Window]) -> list[Lag]:
    # On a tie, a printed date leads a window: it is the one certain point of the two.
    lead = min(firsts, key=lambda j: (firsts[j].latest, not firsts[j].exact,
                                      firsts[j].earliest or date.min, j))
    overall = _first(list(firsts.values()))
    assert overall.latest is not None
    lags = []
    for jurisdiction, window in sorted(firsts.items()):
        if jurisdiction == lead:
            continue
        assert window.latest is not None
        low = max(0, (window.earliest - overall.latest).days) if window.earliest else 0
        high = (window.latest - overall.earliest).days if overall.earliest else None
        lags.append(Lag(target_id, name, lead, jurisdiction, firsts[lead], window, low, high))
    return lags


def summarise_lags(lags: Iterable[Lag], key: Callable[[Lag], Any]) -> list[dict[str, Any]]:
    """Per group (e.g. `lambda l: (l.first, l.follower)` or `lambda l: l.year`): how many lags,
    how many are bounded, the least and most days, and median and mean of bounded midpoints."""
    groups: dict[Any, list[Lag]] = {}
    for lag in lags:
        groups.setdefault(key(lag), []).append(lag)
    return [_summary(group, items) for group, items in sorted(groups.items(), key=_sort_key)]


def _sort_key(item: tuple[Any, list[Lag]]) -> str:
    return str(item[0])


def _summary(group: Any, items: list[Lag]) -> dict[str, Any]:
    mids = [lag.midpoint for lag in items if lag.midpoint is not None]
    highs = [lag.days_max for lag in items if lag.days_max is not None]
    return {
        "group": list(group) if isinstance(group, tuple) else group,
        "lags": len(items), "bounded": len(mids), "unknown_order": len(items) - len(mids),
        "days_min": min(lag.days_min for lag in items),
        "days_max": max(highs) if highs else None,
        "median_midpoint": statistics.median(mids) if mids else None,
        "mean_midpoint": round(statistics.fmean(mids), 1) if mids else None,
    }
