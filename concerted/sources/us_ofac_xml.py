"""OFAC's SDN XML (`sdn.xml`): `<sdnList>` of `<sdnEntry>`, one per listing, keyed by `uid`.

Built from OFAC's published schema (sdn.xsd, namespace `http://tempuri.org/sdnList.xsd`, and
the same elements under the Sanctions List Service namespace since 2024): `uid`, `firstName`,
`lastName`, `title`, `sdnType`, `remarks`, `programList/program`, `idList/id` (`idType`,
`idNumber`, `idCountry`, `issueDate`, `expirationDate`), `akaList/aka` (`type`, `category`
strong/weak, `lastName`, `firstName`), `addressList/address`, `nationalityList`,
`citizenshipList`, `dateOfBirthList`, `placeOfBirthList`, `vesselInfo`, and
`publshInformation/Publish_Date` (MM/DD/YYYY; OFAC's spelling). `idType` uses the labels of
the legacy Remarks, so both formats share us_ofac_vocab. No real sdn.xml is in the shared
history: awaiting verification on a real file.
"""

from __future__ import annotations

import re

from lxml import etree

from concerted.model import Address, Listing, Name
from concerted.sources.base import ParseError
from concerted.sources.safe import parse_xml
from concerted.sources.us_ofac_facts import Facts, natural_order
from concerted.sources.us_ofac_remarks import parse_remarks
from concerted.sources.us_ofac_vocab import HONORIFICS, match_label, program_ref

__all__ = ["parse_sdn_xml"]

_SCHEMAS = {"individual": "Person", "vessel": "Vessel", "aircraft": "Airplane"}
_ALIAS_KINDS = {"a.k.a.": "alias", "f.k.a.": "fka", "n.k.a.": "nka"}
_VESSEL = {
    "callSign": "call_sign",
    "vesselType": "vessel_type",
    "tonnage": "tonnage",
    "grossRegisteredTonnage": "gross_registered_tonnage",
    "vesselFlag": "vessel_flag",
    "vesselOwner": "vessel_owner",
}
_PLAIN = (
    ("nationalities", "nationalityList/nationality", "country"),
    ("citizenships", "citizenshipList/citizenship", "country"),
    ("birth_places", "placeOfBirthList/placeOfBirthItem", "placeOfBirth"),
)
_US_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


class _Entry:
    """Namespace-qualified lookups inside one `<sdnEntry>`."""

    def __init__(self, element: etree._Element, ns: str) -> None:
        self.element, self.ns = element, ns

    def text(self, path: str, element: etree._Element | None = None) -> str:
        found = (element if element is not None else self.element).findtext(self._q(path))
        return (found or "").strip()

    def all(self, path: str) -> list[etree._Element]:
        return list(self.element.iterfind(self._q(path)))

    def _q(self, path: str) -> str:
        return "/".join(self.ns + part for part in path.split("/"))


def parse_sdn_xml(file: str, data: bytes) -> tuple[list[Listing], str | None]:
    root = parse_xml(file, data)
    tag = etree.QName(root).localname
    if tag != "sdnList":
        raise ParseError(file, f"root element <{tag}>, not OFAC's <sdnList>")
    ns = root.tag[: -len(tag)]
    published = _Entry(root, ns).text("publshInformation/Publish_Date")
    listings = [_listing(_Entry(entry, ns)) for entry in root.iterfind(ns + "sdnEntry")]
    if any(not listing.key for listing in listings):
        raise ParseError(file, "an <sdnEntry> without <uid>")
    match = _US_DATE.fullmatch(published)
    return listings, match and f"{match[3]}-{int(match[1]):02d}-{int(match[2]):02d}"


def _listing(entry: _Entry) -> Listing:
    name = _printed(entry.text("lastName"), entry.text("firstName"))
    sdn_type = entry.text("sdnType").lower()
    facts = Facts()
    facts.append("names", Name(name, "primary"))
    natural = natural_order(name) if sdn_type == "individual" else None
    if natural:
        facts.append("names", Name(natural, "variation"))
    for part in filter(None, (p.strip() for p in entry.text("title").split(";"))):
        facts.append("titles" if part in HONORIFICS else "positions", part)
    _lists(entry, facts)
    for tag, label in _VESSEL.items():
        if value := entry.text(f"vesselInfo/{tag}"):
            facts.append("extra", (label, value))
    parse_remarks(entry.text("remarks").strip("()"), facts)
    programs = [program_ref(p.text or "") for p in entry.all("programList/program") if p.text]
    schema = _SCHEMAS.get(sdn_type, "Organization")
    return facts.listing(entry.text("uid"), schema, name, programs)


def _lists(entry: _Entry, facts: Facts) -> None:
    for aka in entry.all("akaList/aka"):
        kind = _ALIAS_KINDS.get(entry.text("type", aka).lower(), "alias")
        quality = "low" if entry.text("category", aka).lower() == "weak" else "good"
        printed = _printed(entry.text("lastName", aka), entry.text("firstName", aka))
        facts.append("names", Name(printed, kind, quality))
    for item in entry.all("idList/id"):
        _identifier(entry, item, facts)
    for address in entry.all("addressList/address"):
        parts = ("address1", "address2", "address3", "city", "stateOrProvince", "postalCode")
        country = entry.text("country", address)
        full = ", ".join(filter(None, [entry.text(p, address) for p in parts] + [country]))
        if full:
            facts.append("addresses", Address(full, country or None))
    for values, path, tag in _PLAIN:
        found = (entry.text(tag, item) for item in entry.all(path))
        facts.extend(values, (value for value in found if value))
    for item in entry.all("dateOfBirthList/dateOfBirthItem"):
        facts.add_text(f"DOB {entry.text('dateOfBirth', item)}")


def _identifier(entry: _Entry, item: etree._Element, facts: Facts) -> None:
    id_type, number = entry.text("idType", item), entry.text("idNumber", item)
    found = match_label(f"{id_type} {number}")
    if found is None:
        facts.append("notes", f"{id_type} {number}".strip())
        return
    label, target, value = found
    for tag, word in (("issueDate", "issued"), ("expirationDate", "expires")):
        if date := entry.text(tag, item):
            value += f" {word} {date}"
    facts.add(target, label, value, entry.text("idCountry", item) or None)


def _printed(last: str, first: str) -> str:
    """The legacy files' form of a name: `LAST, First`, or the last name alone."""
    return f"{last}, {first}" if last and first else last or first
