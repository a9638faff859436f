"""When something happened, as far as the lists let us know: a date window, never a guess.

A `Window` is an interval of days. A date the list prints is exact (`earliest == latest`);
a partial printed date (`2021-03`) covers its month; a date known only from the snapshot
history lies between the previous snapshot and the first snapshot that showed the listing.
A listing already in a list's earliest snapshot has no lower bound: "before <that date>".
Bounds are inclusive: an archived snapshot may have been taken before or after the list was
published on that day.
"""

from __future__ import annotations

import bisect
import calendar
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

__all__ = ["Window", "gap_days", "parse_printed", "window_between", "window_from_history"]


@dataclass(frozen=True)
class Window:
    earliest: date | None  # None: no lower bound known
    latest: date | None  # None: no upper bound known
    exact: bool = False
    # list (printed), partial (printed, day or month missing), bounds (the list gives only
    # bounds, e.g. Australia's Control Date as the latest day), snapshots (from the history)
    basis: str = "list"

    @property
    def bounded(self) -> bool:
        return self.earliest is not None and self.latest is not None

    @property
    def width(self) -> int | None:
        """Days between the bounds (0 for an exact date), None when a bound is unknown."""
        if self.earliest is None or self.latest is None:
            return None
        return (self.latest - self.earliest).days

    @property
    def midpoint(self) -> date | None:
        if self.earliest is None or self.latest is None:
            return None
        return date.fromordinal((self.earliest.toordinal() + self.latest.toordinal()) // 2)

    @property
    def year(self) -> int | None:
        """The year, when the whole window falls in one year."""
        if self.earliest is None or self.latest is None:
            return None
        return self.latest.year if self.earliest.year == self.latest.year else None

    def label(self) -> str:
        if self.exact and self.latest is not None:
            return self.latest.isoformat()
        if self.earliest is None:
            return f"before {self.latest.isoformat()}" if self.latest else "unknown"
        if self.latest is None:
            return f"after {self.earliest.isoformat()}"
        return f"between {self.earliest.isoformat()} and {self.latest.isoformat()}"

    def overlaps(self, start: date | None, end: date | None) -> bool:
        """Whether the window could fall in [start, end] (None: open)."""
        return not (
            (start is not None and self.latest is not None and self.latest < start)
            or (end is not None and self.earliest is not None and self.earliest > end)
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "date": self.label(),
            "earliest": self.earliest.isoformat() if self.earliest else None,
            "latest": self.latest.isoformat() if self.latest else None,
            "exact": self.exact,
            "basis": self.basis,
        }


def gap_days(a: Window, b: Window) -> int | None:
    """The least number of days that can separate a date in `a` from one in `b` (0 if they
    overlap); None when an unknown bound leaves it open."""
    if not (a.bounded and b.bounded):
        return None
    assert a.earliest and a.latest and b.earliest and b.latest
    return max(0, (max(a.earliest, b.earliest) - min(a.latest, b.latest)).days)


def parse_printed(value: str) -> Window | None:
    """A date as a list prints it (`2021-03-22`, `2021-03`, `2021`), or the bounds it gives
    (`2023/2023-02-01`, `../2022-03-30`), or None if unreadable."""
    if "/" in value:
        return _bounds(value)
    text = value.strip().lstrip("~")
    try:
        parts = [int(p) for p in text[:10].split("-")]
        if len(parts) == 3:
            day = date(*parts)
            return Window(day, day, exact=not value.startswith("~"), basis="list")
        if len(parts) == 2:
            last = calendar.monthrange(parts[0], parts[1])[1]
            return Window(date(parts[0], parts[1], 1), date(parts[0], parts[1], last),
                          basis="partial")
        if len(parts) == 1:
            return Window(date(parts[0], 1, 1), date(parts[0], 12, 31), basis="partial")
    except ValueError:
        return None
    return None


_ISO_PART = re.compile(r"\d{4}(?:-\d\d(?:-\d\d)?)?|\.\.|")


def _bounds(value: str) -> Window | None:
    start, _, end = value.strip().partition("/")
    if not (_ISO_PART.fullmatch(start) and _ISO_PART.fullmatch(end)):
        return None  # `22/03/2021` is a day, not a range
    first = None if start in ("", "..") else parse_printed(start)
    last = None if end in ("", "..") else parse_printed(end)
    if (first is None and start not in ("", "..")) or (last is None and end not in ("", "..")):
        return None
    earliest, latest = first.earliest if first else None, last.latest if last else None
    if (earliest is None and latest is None) or (earliest and latest and earliest > latest):
        return None
    return Window(earliest, latest, basis="bounds")


def window_between(before: str | None, after: str) -> Window:
    """Between the last snapshot without the fact (None: no earlier snapshot) and the first
    snapshot with it."""
    return Window(date.fromisoformat(before) if before else None, date.fromisoformat(after),
                  basis="snapshots")


@lru_cache(maxsize=8192)
def window_from_history(seen: str, calendar_dates: tuple[str, ...], *, after: bool) -> Window:
    """The window of a change seen at snapshot `seen` of a list whose snapshots are the sorted
    `calendar_dates`: a first appearance (after=False) lies between the previous snapshot and
    `seen`; a disappearance after last being seen (after=True) between `seen` and the next."""
    index = _index(calendar_dates, seen)
    if after:
        following = calendar_dates[index + 1] if index + 1 < len(calendar_dates) else None
        return Window(date.fromisoformat(seen),
                      date.fromisoformat(following) if following else None, basis="snapshots")
    return window_between(calendar_dates[index - 1] if index > 0 else None, seen)


def _index(dates: Sequence[str], seen: str) -> int:
    index = bisect.bisect_left(dates, seen)
    if index == len(dates) or dates[index] != seen:
        raise ValueError(f"snapshot {seen} is not in the list's snapshot history")
    return index
