"""Read the FSF CSV 1.1 export (csvFullSanctionsList_1_1) into `Record`s.

Layout: UTF-8 (with a byte-order mark), `;`-separated, a header of 118 columns
(`fileGenerationDate;Entity_LogicalId;Entity_EU_ReferenceNumber;...;NameAlias_WholeName;...;
Citizenship_Regulation_PublicationUrl`), then rows that repeat the entity columns and carry
facts of the sections NameAlias_, Address_, BirthDate_, Identification_, Citizenship_ (each
with its own `_Regulation_` columns, which we skip). Rows are grouped by Entity_LogicalId and
each fact is kept once, by its own LogicalId, whether rows carry one fact or several.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from concerted.sources.base import ParseError
from concerted.sources.dates import iso_date
from concerted.sources.eu_fsf_record import Fact, Record
from concerted.sources.safe import decode_text

__all__ = ["REQUIRED_COLUMNS", "read_csv"]

REQUIRED_COLUMNS = (
    "fileGenerationDate",
    "Entity_LogicalId",
    "Entity_SubjectType",
    "Entity_SubjectType_ClassificationCode",
    "Entity_Regulation_Programme",
    "Entity_Regulation_PublicationDate",
    "NameAlias_WholeName",
)
_PREFIXES = (
    ("Entity_Regulation_", "regulation"),
    ("NameAlias_", "nameAlias"),
    ("Address_", "address"),
    ("BirthDate_", "birthdate"),
    ("Identification_", "identification"),
    ("Citizenship_", "citizenship"),
)
_ENTITY = {
    "Entity_EU_ReferenceNumber": "euReferenceNumber",
    "Entity_UnitedNationId": "unitedNationId",
    "Entity_DesignationDate": "designationDate",
    "Entity_DesignationDetails": "designationDetails",
}
# CSV column suffixes whose XML attribute is not simply the suffix in lowerCamelCase.
_RENAMES = {
    "BirthDate": "birthdate",
    "Day": "dayOfMonth",
    "Month": "monthOfYear",
    "Type": "regulationType",
    "TypeCode": "identificationTypeCode",
    "TypeDescription": "identificationTypeDescription",
}
_BOOKKEEPING = {"logicalId", "regulationLanguage"}

Columns = tuple[tuple[int, str], ...]


@dataclass(frozen=True)
class _Plan:
    """Where each value sits in a row: column index -> XML attribute name, per section."""

    width: int
    key: int
    remark: int | None
    subjects: tuple[int, ...]
    entity: Columns
    sections: dict[str, Columns]


def read_csv(file: str, data: bytes) -> tuple[list[Record], str | None]:
    """The entities of an FSF CSV file and its generation date (YYYY-MM-DD)."""
    reader = csv.reader(
        io.StringIO(decode_text(file, data, ("utf-8-sig",)), newline=""), delimiter=";"
    )
    records: dict[str, Record] = {}
    seen: set[tuple[str, str, object]] = set()
    published: str | None = None
    try:
        plan = _plan(file, next(reader, []))
        for row in reader:
            if row:
                _check(file, reader.line_num, row, plan)
                published = published or iso_date(row[0])
                record = records.setdefault(row[plan.key], Record(key=row[plan.key]))
                _add_row(record, row, plan, seen)
    except csv.Error as exc:
        raise ParseError(file, f"line {reader.line_num}: not readable as CSV: {exc}") from exc
    if not records:
        raise ParseError(file, "an FSF CSV without any data row")
    return list(records.values()), published


def _plan(file: str, header: list[str]) -> _Plan:
    missing = [name for name in REQUIRED_COLUMNS if name not in header]
    if missing:
        raise ParseError(file, f"not the EU FSF CSV (1.1): missing columns {', '.join(missing)}")
    sections: dict[str, list[tuple[int, str]]] = {section: [] for _, section in _PREFIXES}
    for index, column in enumerate(header):
        section, attribute = _section_of(column)
        if section is not None:
            sections[section].append((index, attribute))
    return _Plan(
        width=len(header),
        key=header.index("Entity_LogicalId"),
        remark=header.index("Entity_Remark") if "Entity_Remark" in header else None,
        subjects=(
            header.index("Entity_SubjectType"),
            header.index("Entity_SubjectType_ClassificationCode"),
        ),
        entity=tuple((i, _ENTITY[c]) for i, c in enumerate(header) if c in _ENTITY),
        sections={section: tuple(columns) for section, columns in sections.items()},
    )


def _section_of(column: str) -> tuple[str | None, str]:
    for prefix, section in _PREFIXES:
        suffix = column.removeprefix(prefix)
        if suffix != column and "Regulation_" not in suffix:
            return section, _RENAMES.get(suffix, suffix[:1].lower() + suffix[1:])
    return None, ""


def _check(file: str, line: int, row: list[str], plan: _Plan) -> None:
    if len(row) != plan.width:
        raise ParseError(
            file, f"line {line}: {len(row)} fields where the header has {plan.width} (truncated?)"
        )
    if not row[plan.key].strip():
        raise ParseError(file, f"line {line}: a row without Entity_LogicalId")


def _add_row(
    record: Record, row: list[str], plan: _Plan, seen: set[tuple[str, str, object]]
) -> None:
    for index, name in plan.entity:
        if row[index].strip():
            record.entity.setdefault(name, row[index].strip())
    remark = row[plan.remark].strip() if plan.remark is not None else ""
    for value, bucket in [
        (remark, record.remarks),
        *((row[i].strip(), record.subject_codes) for i in plan.subjects),
    ]:
        if value and value not in bucket:
            bucket.append(value)
    for section, columns in plan.sections.items():
        fact: Fact = {name: row[i].strip() for i, name in columns if row[i].strip()}
        identity = (record.key, section, fact.get("logicalId") or tuple(sorted(fact.items())))
        if set(fact) - _BOOKKEEPING and identity not in seen:
            seen.add(identity)
            record.facts[section].append(fact)
