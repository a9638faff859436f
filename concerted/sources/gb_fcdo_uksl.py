"""The UK Sanctions List (FCDO): every designation under the Sanctions Act 2018.

The single authoritative UK list since the OFSI Consolidated List was frozen on
28 January 2026. One listing per `UniqueID` (e.g. `GHR0086`); regimes are named by their
statutory instrument and mapped to the same programme ids as the OFSI list (`gb-ghr`,
`gb-gac`, `gb-<slug>`); `Date Designated` is the listing date. Reads the XML, CSV and ODS
forms. NOT VERIFIED on a real file: built from the documented layout and a published
excerpt (see `gb_fcdo_uksl.yml`).
"""

from __future__ import annotations

import io
import zipfile

from concerted.sources import catalog
from concerted.sources.base import Files, Parsed, ParseError
from concerted.sources.gb_facets import Facets, collect
from concerted.sources.gb_fcdo_build import build
from concerted.sources.gb_fcdo_read import KEY, UKSL, read_xml
from concerted.sources.gb_fcdo_table import read_csv, read_ods

__all__ = ["SOURCE", "detect", "parse"]

_FIELDS = {name: facet.fields for name, facet in UKSL.facets.items()}


def parse(files: Files) -> Parsed:
    if len(files) != 1:
        raise ParseError(
            ", ".join(files) or "(no file)", "expects exactly one UK Sanctions List file"
        )
    [(file, data)] = files.items()
    published, groups = _read(file, data)
    try:
        listings = [build(key, facets) for key, facets in groups.items()]
    except ValueError as exc:
        raise ParseError(file, str(exc)) from exc
    return Parsed(listings=listings, published=published)


def _read(file: str, data: bytes) -> tuple[str | None, dict[str, Facets]]:
    if not data.strip():
        raise ParseError(file, "the file is empty")
    if data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
        return read_xml(file, data)
    published, header, rows = (
        read_ods(file, data) if data.startswith(b"PK") else read_csv(file, data)
    )
    return published, collect(file, header, rows, KEY, _FIELDS)


def detect(name: str, data: bytes) -> bool:
    """The UK Sanctions List by content: its XML root, or `Unique ID` in a CSV/ODS header."""
    try:
        if data.startswith(b"PK"):
            return _ods_header(data)
        head = data[:8192].decode("utf-8-sig", errors="replace").lstrip()
        if head.startswith("<"):
            return "<Designations" in head and "<Designation>" in head
        return "Unique ID" in head and "Name 6" in head and "Regime" in head
    # detect must never raise, whatever the bytes.
    except Exception:
        return False


def _ods_header(data: bytes) -> bool:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        if archive.read("mimetype") != b"application/vnd.oasis.opendocument.spreadsheet":
            return False
        with archive.open("content.xml") as stream:
            head = stream.read(1 << 20)
    return b"Unique ID" in head and b"Name 6" in head


SOURCE = catalog.GB_FCDO_UKSL
