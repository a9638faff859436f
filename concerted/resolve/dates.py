"""Birth dates: agreement, a plausible typo, or a real conflict.

Pure. Dates come as the lists print them, normalised by the parsers to partial ISO
(`1958`, `1958-01`, `1958-01-02`), ranges (`1958/1960`) and approximations (`~1958`).
Comparing two sets of them gives the *best* relation between any two, because a list that
prints several birth dates offers alternatives, not a conjunction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import product

__all__ = ["DATE_RELATIONS", "DateValue", "compare_dates", "parse_date", "parse_dates"]

_ISO = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")

# From best to worst: the first relation found between any two dates is the answer.
DATE_RELATIONS = ("exact", "month", "year", "range", "typo", "near", "same_year", "conflict")
_RANK = {name: i for i, name in enumerate(DATE_RELATIONS)}


@dataclass(frozen=True, slots=True)
class DateValue:
    text: str
    year_from: int
    year_to: int
    month: int | None = None
    day: int | None = None

    @property
    def is_span(self) -> bool:
        return self.year_from != self.year_to


def parse_date(text: str) -> DateValue | None:
    """A partial ISO date, `from/to` range or `~approximate` date; None if unreadable."""
    raw = text.strip()
    if raw.startswith("~"):
        base = parse_date(raw[1:])
        return base and DateValue(raw, base.year_from - 1, base.year_to + 1)
    if "/" in raw:
        ends = [parse_date(part) for part in raw.split("/", 1)]
        if ends[0] is None or ends[1] is None:
            return None
        return DateValue(raw, ends[0].year_from, ends[1].year_to)
    match = _ISO.match(raw)
    if not match:
        return None
    year, month, day = (int(g) if g else None for g in match.groups())
    assert year is not None
    return DateValue(raw, year, year, month or None, day or None)


def _one_digit_off(a: int, b: int) -> bool:
    sa, sb = f"{a:04d}", f"{b:04d}"
    return sum(x != y for x, y in zip(sa, sb, strict=True)) == 1


def _typo(a: DateValue, b: DateValue) -> bool:
    if None in (a.month, a.day, b.month, b.day):
        return False
    same_year = a.year_from == b.year_from
    if same_year and (a.month, a.day) == (b.day, b.month):
        return True  # day and month swapped
    if same_year and a.month == b.month:
        return _one_digit_off(a.day or 0, b.day or 0)
    if same_year and a.day == b.day:
        return _one_digit_off(a.month or 0, b.month or 0)
    # 1 January often stands for "unknown": a year one digit off is no typo then.
    placeholder = (a.month, a.day) == (1, 1)
    return (a.month, a.day) == (b.month, b.day) and not placeholder \
        and _one_digit_off(a.year_from, b.year_from)


def _relation(a: DateValue, b: DateValue) -> str:
    if a.is_span or b.is_span:
        overlap = a.year_from <= b.year_to and b.year_from <= a.year_to
        return "range" if overlap else "conflict"
    if a.year_from != b.year_from:
        if _typo(a, b):
            return "typo"
        vague = a.month is None or b.month is None
        return "near" if vague and abs(a.year_from - b.year_from) == 1 else "conflict"
    if a.month is None or b.month is None:
        return "year"
    if a.month == b.month and (a.day is None or b.day is None):
        return "month"
    if (a.month, a.day) == (b.month, b.day):
        return "exact"
    return "typo" if _typo(a, b) else "same_year"


def parse_dates(texts: tuple[str, ...]) -> tuple[DateValue, ...]:
    return tuple(d for d in map(parse_date, texts) if d is not None)


def compare_dates(
    left: tuple[DateValue, ...], right: tuple[DateValue, ...],
) -> tuple[str, str, str] | None:
    """(relation, left date, right date) for the best pair, or None when a side has none."""
    pairs = list(product(left, right))
    if not pairs:
        return None
    ranked = [(_RANK[_relation(a, b)], a, b) for a, b in pairs]
    best = min(ranked, key=lambda item: item[0])
    return DATE_RELATIONS[best[0]], best[1].text, best[2].text
