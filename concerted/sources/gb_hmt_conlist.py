"""OFSI Consolidated List of Financial Sanctions Targets (HM Treasury), until January 2026.

One listing per `Group ID`: the list prints one row per name variation (times every birth
date and address), and those rows are merged. Reads the XLSX (verified on the shared
2025-04-14 file), and the CSV and XML forms built to their documented layout (awaiting a
real file). Column semantics: `gb_conlist_read`, `gb_conlist_build`, `gb_remarks`.
"""

from __future__ import annotations

import io
import zipfile

from concerted.sources import catalog
from concerted.sources.base import Files, Parsed, ParseError
from concerted.sources.gb_conlist_build import FACETS, KEY, build
from concerted.sources.gb_conlist_read import read_table
from concerted.sources.gb_facets import collect

__all__ = ["SOURCE", "detect", "parse"]


def parse(files: Files) -> Parsed:
    if len(files) != 1:
        raise ParseError(", ".join(files) or "(no file)", "expects exactly one ConList file")
    [(file, data)] = files.items()
    published, header, rows = read_table(file, data)
    groups = collect(file, header, rows, KEY, FACETS)
    try:
        listings = [build(key, facets) for key, facets in groups.items()]
    except ValueError as exc:
        raise ParseError(file, str(exc)) from exc
    return Parsed(listings=listings, published=published)


def detect(name: str, data: bytes) -> bool:
    """ConList by content: its XLSX header strings, its CSV banner, or its XML root."""
    try:
        if data.startswith(b"PK"):
            return _xlsx_header(data)
        head = data[:4096].decode("utf-8-sig", errors="replace").lstrip()
        if head.startswith("<"):
            return "ArrayOfFinancialSanctionsTarget" in head
        lines = head.splitlines()
        return (
            len(lines) > 1
            and lines[0].startswith("Last Updated,")
            and all(column in lines[1] for column in ("Name 6", "Group ID", "Regime"))
        )
    # detect must never raise, whatever the bytes.
    except Exception:
        return False


def _xlsx_header(data: bytes) -> bool:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = set(archive.namelist())
        for member in ("xl/sharedStrings.xml", "xl/worksheets/sheet1.xml"):
            if member in names:
                with archive.open(member) as stream:
                    head = stream.read(65536)
                if b"Group ID" in head and b"Name 6" in head:
                    return True
    return False


SOURCE = catalog.GB_HMT_CONLIST
