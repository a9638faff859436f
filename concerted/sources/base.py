"""What every official list declares beside its parser, and the errors parsers raise.

A source module is PURE: it sees file names and bytes, never the network, the database,
settings or the clock (ARCHITECTURE.md, invariant 2).
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol, cast

from concerted.model import Listing

__all__ = [
    "Files",
    "Neighbours",
    "ParseError",
    "Parsed",
    "Parser",
    "Source",
]

Files = Mapping[str, bytes]
"""The files of one snapshot set: base file name -> bytes (e.g. OFAC's sdn.csv + alt.csv)."""


class ParseError(ValueError):
    """A file that cannot be read as the list it claims to be. Always names the file."""

    def __init__(self, file: str, problem: str) -> None:
        super().__init__(f"{file}: {problem}")
        self.file = file
        self.problem = problem


@dataclass(frozen=True)
class Parsed:
    listings: list[Listing]
    published: str | None = None  # YYYY-MM-DD when the file itself carries its date


# The stored snapshots nearest in time to a new one, before and after: (date, listing count).
Neighbours = Sequence[tuple[str, int]]
SHRINK_PER_YEAR = 0.15  # beyond `Source.max_shrink`, a list may lose 15 % a year between copies


def _day(iso: str) -> date:
    return date.fromisoformat(iso[:10])


class Parser(Protocol):
    def __call__(self, files: Files) -> Parsed: ...


class _ParserModule(Protocol):
    """What a source module offers (au_dfat.py, us_ofac_sdn.py, ...)."""

    def parse(self, files: Files) -> Parsed: ...

    def detect(self, name: str, data: bytes) -> bool: ...


@dataclass(frozen=True)
class Source:
    """Metadata of one official list, beside its pure parser."""

    id: str
    jurisdiction: str  # ISO-like code: us, gb, eu, ca, au, un
    title: str
    publisher: str
    url: str  # the official download address (fetch may override it)
    formats: tuple[str, ...]
    min_listings: int  # ingest refuses a snapshot with fewer: a parser that silently
    max_listings: int  # returns too few rows is the worst failure (invariant 6)
    # The pure module that reads the list: `parse(files)` and `detect(name, data)`, imported
    # on first use so that naming a list does not load every parser (catalog.py).
    parser: str
    cadence_days: int = 7  # how often the list is expected to change at most
    verified: bool = True  # False where no real file has been seen (EU)
    companions: tuple[str, ...] = field(default=())  # file names that belong to one set
    # A file published beside the set's CSV files that dates each entry (OFAC's
    # sdn_advanced.xml): fetched with the set when there; the set is taken without it
    # (undated, dated by the snapshot history) when it is missing, fails or is refused.
    dated_by: str | None = None
    max_shrink: float = 0.10  # the share a list may lose between two neighbouring publications
    # Whether the publisher has given one key to a different subject (DFAT has reused
    # reference numbers). Only then can a changed entry be a removal plus an addition;
    # elsewhere (OFAC's ent_num) a key is one subject for life and a new name an amendment.
    reuses_keys: bool = False
    # The only programs this list holds, where it is one regime's list rather than the
    # government's whole list (None), and that part in words for people: a government whose
    # held lists cover some regimes only may have acted under another (analysis/holdings.py).
    programs: tuple[str, ...] | None = None
    scope: str | None = None
    # Raise it whenever a parser change makes the same bytes read differently: snapshots
    # keep the version that read them, and `concerted rebuild` re-reads the others.
    parser_version: str = "1"

    def parse(self, files: Files) -> Parsed:
        """The listings of one snapshot set (raises ParseError naming the bad file)."""
        return self._parser().parse(files)

    def detect(self, name: str, data: bytes) -> bool:
        """Whether this file (base name, whole bytes) is this list's."""
        return self._parser().detect(name, data)

    def _parser(self) -> _ParserModule:
        return cast(_ParserModule, importlib.import_module(self.parser))

    def check_neighbours(self, file: str, published: str, count: int, near: Neighbours) -> None:
        """Refuse a count far below the stored snapshots nearest in time (a truncated file).

        Fixed bounds must admit the list as it was years ago (the SDN list held 6,068 entries
        in 2018 and 15,000 in 2024), so they cannot catch a file cut in half today; the
        neighbouring snapshots can. A list may shrink a little between two publications and
        more over years (delistings), so the tolerance widens with the distance in time.
        """
        for day, stored in near:
            years = abs((_day(published) - _day(day)).days) / 365.25
            floor = int(stored * max(0.0, 1 - self.max_shrink - SHRINK_PER_YEAR * years))
            if count < floor:
                raise ParseError(
                    file,
                    f"{count} listings parsed for {self.id} dated {published}, but the "
                    f"snapshot of {day} holds {stored}: a list does not lose that many "
                    f"entries in {years:.1f} years (at least {floor} expected); refusing "
                    "a file that looks truncated (check the download, or that the date "
                    "is right)",
                )

    def check_count(self, file: str, count: int) -> None:
        if not self.min_listings <= count <= self.max_listings:
            raise ParseError(
                file,
                f"{count} listings parsed, outside the expected {self.min_listings}–"
                f"{self.max_listings} for {self.id}: refusing the snapshot "
                "(a truncated or foreign file?)",
            )


def first_text(values: Iterable[str | None]) -> str | None:
    for value in values:
        if value is not None and value.strip():
            return value.strip()
    return None
