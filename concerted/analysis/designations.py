"""One row per (target, jurisdiction, program): the projection every other analysis reads.

Pure. A designation's `listed_on` is the date the list prints for that program (the UK prints
one per regime), else the listing's printed date, or else the window in which
the snapshot history first showed it (see `dates.Window`); `delisted_on` is the window in
which it disappeared, None while it is listed. Its themes are those the list states for the
program, else those of the program registry. Two listings of one target in one jurisdiction
under one program (the UK's two lists; two entries of one person on one list, as OFAC's
second KADYROV entry) make one designation: the earlier date wins where one lies wholly
before the other, else the more precise; it is lifted only when every listing of it is.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from concerted.analysis.dates import Window, parse_printed, window_from_history
from concerted.analysis.inputs import Inputs, ListingKey, ListingRecord, Target
from concerted.model import ProgramRef

__all__ = ["THEMATIC", "Designation", "build_designations", "program_key"]

THEMATIC = ("human_rights", "corruption", "cyber")


@dataclass(frozen=True)
class Designation:
    target_id: str
    name: str
    jurisdiction: str
    program: str
    listed_on: Window
    delisted_on: Window | None
    themes: tuple[str, ...]  # one theme where the list or registry says which, else several
    theme_basis: str  # list / registry / unknown
    countries: tuple[str, ...] = ()
    listings: tuple[ListingKey, ...] = ()

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.target_id, self.jurisdiction, self.program)

    @property
    def theme(self) -> str:
        return "/".join(self.themes)

    @property
    def thematic(self) -> bool:
        return any(theme in THEMATIC for theme in self.themes)

    def to_dict(self) -> dict[str, Any]:
        return {
            "target_id": self.target_id, "name": self.name, "jurisdiction": self.jurisdiction,
            "program": self.program, "listed_on": self.listed_on.to_dict(),
            "delisted_on": self.delisted_on.to_dict() if self.delisted_on else None,
            "theme": self.theme, "themes": list(self.themes), "theme_basis": self.theme_basis,
            "countries": list(self.countries),
            "listings": [{"source": s, "listing_key": k} for s, k in self.listings],
        }


def build_designations(inputs: Inputs, targets: Iterable[Target] | None = None
                       ) -> list[Designation]:
    """Every designation of every target (or of these `targets`, among the inputs'
    listings), sorted by target, jurisdiction and program."""
    merged: dict[tuple[str, str, str], Designation] = {}
    for target in inputs.targets if targets is None else targets:
        for part in _target_parts(target, inputs):
            merged[part.key] = _merge(merged[part.key], part) if part.key in merged else part
    return [merged[key] for key in sorted(merged)]


def _target_parts(target: Target, inputs: Inputs) -> Iterator[Designation]:
    for key in target.listings:
        record = inputs.records.get(key)
        if record is not None:
            yield from _record_parts(target, record, inputs)


def _record_parts(target: Target, record: ListingRecord, inputs: Inputs) -> Iterator[Designation]:
    calendar = inputs.calendars.get(record.listing.source, (record.first_seen,))
    for program, refs in _programs(record).items():
        first, last = record.program_seen.get(program, (record.first_seen, record.last_seen))
        themes, basis = _themes(refs, inputs.program_themes.get(program, ()))
        yield Designation(
            target_id=target.id, name=target.name, jurisdiction=record.jurisdiction,
            program=program, listed_on=_listed_on(record, refs, first, calendar),
            delisted_on=_delisted_on(record, last, calendar), themes=themes,
            theme_basis=basis, countries=target.countries, listings=(record.key,),
        )


def program_key(ref: ProgramRef, jurisdiction: str) -> str:
    """Our program id, or for a program the parsers do not map, `<jurisdiction>:<raw>`."""
    return ref.id or f"{jurisdiction}:{ref.raw or 'unspecified'}"


def _programs(record: ListingRecord) -> dict[str, list[ProgramRef]]:
    refs = record.listing.programs or (ProgramRef(raw="", id=None),)
    grouped: dict[str, list[ProgramRef]] = {}
    for ref in refs:
        grouped.setdefault(program_key(ref, record.jurisdiction), []).append(ref)
    return grouped


def _themes(refs: Iterable[ProgramRef], registry: tuple[str, ...]) -> tuple[tuple[str, ...], str]:
    stated = sorted({ref.theme for ref in refs if ref.theme})
    if stated:
        return tuple(stated), "list"
    if registry:
        return tuple(sorted(registry)), "registry"
    return ("other",), "unknown"


def _listed_on(record: ListingRecord, refs: list[ProgramRef], first_seen: str,
               calendar: tuple[str, ...]) -> Window:
    """The program's own printed date; else the listing's, which holds for every program
    the listing showed from its first snapshot; else the snapshot history's window. Bounds a
    list gives instead of a date (Australia's Control Date) narrow the history's window."""
    history = window_from_history(first_seen, calendar, after=False)
    own = sorted(ref.listed_on for ref in refs if ref.listed_on)
    printed = own[0] if own else None
    if printed is None and first_seen == record.first_seen:
        printed = record.listing.listed_on
    window = parse_printed(printed) if printed else None
    if window is None:
        return history
    if window.basis == "bounds":
        return _narrowed(window, history)
    return window


def _narrowed(bounds: Window, history: Window) -> Window:
    earliest = max((d for d in (bounds.earliest, history.earliest) if d), default=None)
    latest = min((d for d in (bounds.latest, history.latest) if d), default=None)
    if earliest and latest and earliest > latest:
        return bounds  # the two disagree: keep what the list states
    return Window(earliest, latest, basis="bounds")


def _delisted_on(record: ListingRecord, last_seen: str, calendar: tuple[str, ...]
                 ) -> Window | None:
    if record.current and last_seen == record.last_seen:
        return None
    return window_from_history(last_seen, calendar, after=True)


_BASIS_RANK = {"list": 0, "registry": 1, "unknown": 2}


def _precision(window: Window) -> tuple[bool, bool, int, date]:
    width = window.width
    return (not window.exact, width is None, width or 0, window.latest or date.max)


def _first(a: Window, b: Window) -> Window:
    """One designation seen through two listings: it happened at the earlier of them."""
    if a.latest is not None and b.earliest is not None and a.latest < b.earliest:
        return a
    if b.latest is not None and a.earliest is not None and b.latest < a.earliest:
        return b
    return min(a, b, key=_precision)


def _merge(a: Designation, b: Designation) -> Designation:
    listed = _first(a.listed_on, b.listed_on)
    delisted = None
    if a.delisted_on is not None and b.delisted_on is not None:
        delisted = max(a.delisted_on, b.delisted_on, key=lambda w: w.latest or date.max)
    rank = min(_BASIS_RANK[a.theme_basis], _BASIS_RANK[b.theme_basis])
    themes = sorted({t for d in (a, b) if _BASIS_RANK[d.theme_basis] == rank for t in d.themes})
    basis = a.theme_basis if _BASIS_RANK[a.theme_basis] == rank else b.theme_basis
    return Designation(a.target_id, a.name, a.jurisdiction, a.program, listed, delisted,
                       tuple(themes), basis, a.countries, tuple(sorted({*a.listings, *b.listings})))
