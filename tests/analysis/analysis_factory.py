"""Designations for the analysis tests, written the way the lists show them.

Names, programs and dates are those of the shared official files (see each test); a date
given as "YYYY-MM-DD" is printed by the list, a pair ("prev", "first") is a snapshot window
and (None, "first") a listing already in the list's earliest snapshot.
"""

from __future__ import annotations

from datetime import date

from concerted.analysis.dates import Window
from concerted.analysis.designations import Designation

__all__ = ["designation", "window"]

Day = str | tuple[str | None, str]


def window(day: Day) -> Window:
    if isinstance(day, str):
        exact = date.fromisoformat(day)
        return Window(exact, exact, exact=True, basis="list")
    before, first = day
    return Window(date.fromisoformat(before) if before else None, date.fromisoformat(first),
                  basis="snapshots")


def designation(target: str, jurisdiction: str, program: str, day: Day,
                themes: tuple[str, ...] = ("human_rights",), countries: tuple[str, ...] = (),
                delisted: Day | None = None, name: str | None = None) -> Designation:
    return Designation(
        target_id=target, name=name or target, jurisdiction=jurisdiction, program=program,
        listed_on=window(day), delisted_on=window(delisted) if delisted else None,
        themes=themes, theme_basis="list", countries=countries,
        listings=((f"{jurisdiction}-list", target),),
    )
