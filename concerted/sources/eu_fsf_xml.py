"""Read the FSF XML 1.1 export (xmlFullSanctionsList_1_1) into `Record`s.

Layout (namespace http://eu.europa.ec/fpi/fsd/export): a root <export generationDate=...>
holding <sanctionEntity logicalId=... euReferenceNumber=... unitedNationId=...
designationDetails=...>, each with <remark>, <regulation programme=... numberTitle=...
publicationDate=...><publicationUrl/></regulation>, <subjectType code=...>, and the facts
<nameAlias>, <citizenship>, <birthdate>, <identification>, <address>, whose values are
attributes (plus <remark> and, for addresses, <contactInfo key value> children).
"""

from __future__ import annotations

from typing import cast

from lxml import etree

from concerted.sources.base import ParseError
from concerted.sources.dates import iso_date
from concerted.sources.eu_fsf_record import SECTIONS, Fact, Record
from concerted.sources.safe import parse_xml

__all__ = ["NAMESPACE", "read_xml"]

NAMESPACE = "http://eu.europa.ec/fpi/fsd/export"


def read_xml(file: str, data: bytes) -> tuple[list[Record], str | None]:
    """The entities of an FSF XML file and its generation date (YYYY-MM-DD)."""
    root = parse_xml(file, data)
    tag = etree.QName(root)
    if tag.localname != "export" or tag.namespace not in (NAMESPACE, None):
        raise ParseError(file, f"not an EU FSF export: the root element is <{tag.localname}>")
    prefix = f"{{{tag.namespace}}}" if tag.namespace else ""
    records: dict[str, Record] = {}
    for element in root.iterchildren(prefix + "sanctionEntity"):
        record = _record(file, element, prefix)
        if record.key in records:
            raise ParseError(file, f"line {element.sourceline}: logicalId {record.key} repeats")
        records[record.key] = record
    if not records:
        raise ParseError(file, "an FSF export without any <sanctionEntity>")
    return list(records.values()), iso_date(root.get("generationDate"))


def _record(file: str, element: etree._Element, prefix: str) -> Record:
    key = (element.get("logicalId") or "").strip()
    if not key:
        raise ParseError(file, f"line {element.sourceline}: <sanctionEntity> without logicalId")
    record = Record(key=key, entity=cast(Fact, dict(element.attrib)))
    for child in element.iterchildren(tag=etree.Element):
        name = str(child.tag).removeprefix(prefix)
        if name == "remark" and (child.text or "").strip():
            record.remarks.append((child.text or "").strip())
        elif name == "subjectType":
            record.subject_codes += [
                v for v in (child.get("code"), child.get("classificationCode")) if v
            ]
        elif name in SECTIONS:
            record.facts[name].append(_fact(child, prefix))
    return record


def _fact(element: etree._Element, prefix: str) -> Fact:
    fact = cast(Fact, dict(element.attrib))  # parsed attributes are str, never bytes
    for child in element.iterchildren(tag=etree.Element):
        name, text = str(child.tag).removeprefix(prefix), (child.text or "").strip()
        if name == "remark" and text:
            fact["remark"] = "; ".join(filter(None, (fact.get("remark"), text)))
        elif name == "publicationUrl" and text:
            fact["publicationUrl"] = text
        elif name == "contactInfo" and (child.get("value") or "").strip():
            key = "contact." + (child.get("key") or "").strip().upper()
            fact[key] = "; ".join(filter(None, (fact.get(key), (child.get("value") or "").strip())))
    return fact
