"""The official lists Concerted reads: one pure module per list, registered here by id."""

from __future__ import annotations

from concerted.sources import (
    au_dfat,
    ca_sema,
    eu_fsf,
    eu_journal,
    gb_fcdo_uksl,
    gb_hmt_conlist,
    un_sc,
    us_ofac_sdn,
)
from concerted.sources.base import Files, Parsed, ParseError, Source

__all__ = ["SOURCES", "Files", "ParseError", "Parsed", "Source", "detect_source", "get_source"]

SOURCES: dict[str, Source] = {
    module.SOURCE.id: module.SOURCE
    for module in (
        us_ofac_sdn, gb_hmt_conlist, gb_fcdo_uksl, eu_fsf, eu_journal, ca_sema, au_dfat, un_sc,
    )
}


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
