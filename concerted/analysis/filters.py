"""Which designations an analysis looks at: by program, theme, jurisdiction, target country
and date range. Pure; one config object rather than a dozen keyword arguments."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from concerted.analysis.designations import Designation

__all__ = ["Filter", "select"]


@dataclass(frozen=True)
class Filter:
    programs: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    jurisdictions: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()  # ISO codes of the target's nationality
    since: date | None = None  # a designation whose date window could fall in the range is in
    until: date | None = None
    current_only: bool = False  # leave out designations since lifted

    def accepts(self, designation: Designation) -> bool:
        return (
            _any(self.programs, (designation.program,))
            and _any(self.themes, designation.themes)
            and _any(self.jurisdictions, (designation.jurisdiction,))
            and _any(self.countries, designation.countries)
            and designation.listed_on.overlaps(self.since, self.until)
            and not (self.current_only and designation.delisted_on is not None)
        )


def _any(wanted: tuple[str, ...], values: Iterable[str]) -> bool:
    return not wanted or any(value in wanted for value in values)


def select(designations: Iterable[Designation], flt: Filter | None = None) -> list[Designation]:
    if flt is None:
        return list(designations)
    return [d for d in designations if flt.accepts(d)]
