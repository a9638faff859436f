"""What every official list declares beside its parser, and the errors parsers raise.

A source module is PURE: it sees file names and bytes, never the network, the database,
settings or the clock (ARCHITECTURE.md, invariant 2).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Protocol

from concerted.model import Listing

__all__ = [
    "Files",
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


class Parser(Protocol):
    def __call__(self, files: Files) -> Parsed: ...


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
    parse: Callable[[Files], Parsed]
    detect: Callable[[str, bytes], bool]  # (file name, whole bytes) -> is this list's file?
    cadence_days: int = 7  # how often the list is expected to change at most
    verified: bool = True  # False where no real file has been seen (EU)
    companions: tuple[str, ...] = field(default=())  # file names that belong to one set

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
