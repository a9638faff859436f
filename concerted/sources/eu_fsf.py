"""EU Financial Sanctions Files (FSF): the consolidated list of persons, groups and entities
subject to EU financial sanctions, in its XML 1.1 and CSV 1.1 forms.

Key: the entity `logicalId`. Programs: each <regulation programme> code, "HR" (the EU Global
Human Rights Sanctions Regime, Regulation (EU) 2020/1998) -> eu-ghr, any other code -> eu-<code>.
`listed_on` is the earliest of the entity's designationDate and its regulations'
publicationDates; `published` is the file's generationDate (XML) or fileGenerationDate (CSV).

AWAITING VERIFICATION ON A REAL FILE: no FSF file could be obtained here. The parser follows
the published structure as real excerpts in public repositories show it (see
tests/fixtures/eu_fsf/README.md), hence `verified=False`.
"""

from __future__ import annotations

from concerted.sources import catalog
from concerted.sources.base import Files, Parsed, ParseError
from concerted.sources.eu_fsf_csv import read_csv
from concerted.sources.eu_fsf_listing import to_listing
from concerted.sources.eu_fsf_xml import NAMESPACE, read_xml

__all__ = ["SOURCE", "detect", "parse"]

_BOM = b"\xef\xbb\xbf"
_CSV_HEADER = b"fileGenerationDate;Entity_LogicalId;"


def detect(name: str, data: bytes) -> bool:
    """An FSF XML export (its namespace on the root) or the FSF CSV (its first two columns)."""
    head = data[:4096].removeprefix(_BOM).lstrip()
    if head.startswith(b"<"):
        return NAMESPACE.encode() in head and b"<export" in head
    return head.startswith(_CSV_HEADER)


def parse(files: Files) -> Parsed:
    if len(files) != 1:
        names = ", ".join(sorted(files)) or "(no file)"
        raise ParseError(names, "the EU FSF list is a single file (XML or CSV)")
    ((file, data),) = files.items()
    if data.startswith(b"PK\x03\x04"):
        raise ParseError(file, "a ZIP container (spreadsheet?), not the EU FSF XML or CSV")
    is_xml = data.removeprefix(_BOM).lstrip()[:1] == b"<"
    records, published = (read_xml if is_xml else read_csv)(file, data)
    return Parsed(listings=[to_listing(record) for record in records], published=published)


SOURCE = catalog.EU_FSF
