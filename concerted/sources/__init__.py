"""The official lists Concerted reads: one pure parser module per list, described in
`catalog.py` and registered here by id (a parser is imported when a list is read)."""

from __future__ import annotations

from concerted.sources.base import Files, Parsed, ParseError, Source
from concerted.sources.catalog import CATALOG

__all__ = ["SOURCES", "Files", "ParseError", "Parsed", "Source", "detect_source", "get_source"]

SOURCES: dict[str, Source] = {source.id: source for source in CATALOG}


def get_source(source_id: str) -> Source:
    try:
        return SOURCES[source_id]
    except KeyError:
        known = ", ".join(sorted(SOURCES))
        raise KeyError(f"unknown source {source_id!r}; known sources: {known}") from None


def detect_source(name: str, data: bytes) -> Source | None:
    """The source whose file this looks like, from its name and content, or None."""
    for source in SOURCES.values():
        if source.detect(name, data):
            return source
    return None
