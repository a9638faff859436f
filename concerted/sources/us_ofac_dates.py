"""OFAC's printed dates as partial ISO dates: `02 Jan 1958`, `Jan 1958`, `1958`, ranges, circa.

The legacy Remarks and sdn.xml print birth dates as text; every shape seen in the shared
snapshots is handled: `10 Dec 1948`, `Sep 1938`, `1946`, `1951 to 1953`,
`01 Jan 1961 to 31 Dec 1962`, `Mar 1962 to Feb 1963`, `circa 1951`, `circa 07 Jul 1966`
and `circa 1979-1982`.
"""

from __future__ import annotations

import re

from concerted.sources.dates import partial_date

__all__ = ["iso_date_text"]

_MONTHS = {
    m: f"{i:02d}"
    for i, m in enumerate(
        ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"), 1
    )
}
_ONE = re.compile(r"(?:(\d{1,2}) )?(?:([A-Z][a-z]{2})[a-z]* )?(\d{4})")
_RANGE = re.compile(r"(.+?)\s*(?: to |-(?=\d{4}$))\s*(.+)")


def _one(text: str) -> str | None:
    match = _ONE.fullmatch(text)
    if match is None:
        return None
    day, month, year = match.groups()
    if month is None:
        return year if day is None else None
    if month not in _MONTHS:
        return None
    return partial_date(year, _MONTHS[month], day)


def iso_date_text(text: str) -> str | None:
    """`1958-01-02`, `1958-01`, `1958`, `1958/1960` or `~1958`, or None if not a date."""
    text = text.strip().rstrip(".")
    prefix = ""
    if text.lower().startswith("circa "):
        prefix, text = "~", text[6:].strip()
    single = _one(text)
    if single is not None:
        return prefix + single
    match = _RANGE.fullmatch(text)
    if match is None:
        return None
    start, end = _one(match.group(1)), _one(match.group(2))
    if start is None or end is None:
        return None
    return f"{prefix}{start}/{end}"
