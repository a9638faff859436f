"""OFAC's Advanced Sanctions List XML (`sdn_advanced.xml`), alone or beside the legacy set.

Each `DistinctParty` (FixedRef = profile id = legacy `ent_num`) has one `Profile` whose
primary `Identity` holds the names (`Alias` -> `DocumentedName` -> parts typed through
`NamePartGroups`), whose `Feature`s hold birth dates, places, nationalities, addresses...
(labelled by `FeatureType`, the same vocabulary as the legacy Remarks), and whose documents
are in `IDRegDocuments`. `SanctionsEntries` add the programs and, unlike every other OFAC
format, the designation date (`EntryEvent` "Created"). Built from the published schema and
real fragments (see tests/fixtures/us_ofac_sdn/README.md): awaiting verification on a real
complete file.
"""

from __future__ import annotations

from dataclasses import replace

from lxml import etree

from concerted.model import Listing, Name
from concerted.sources.base import ParseError
from concerted.sources.safe import parse_xml
from concerted.sources.us_ofac_facts import Facts
from concerted.sources.us_ofac_refs import Element, Refs, date_of, period_of
from concerted.sources.us_ofac_vocab import match_label, program_ref

__all__ = ["listing_dates", "parse_advanced"]

_SCHEMAS = {
    "Individual": "Person",
    "Entity": "Organization",
    "Vessel": "Vessel",
    "Aircraft": "Airplane",
}
_KINDS = {"A.K.A.": "alias", "F.K.A.": "fka", "N.K.A.": "nka", "Name": "primary"}


def parse_advanced(file: str, data: bytes) -> tuple[list[Listing], str | None]:
    root = parse_xml(file, data)
    tag = etree.QName(root).localname
    if tag != "Sanctions":
        raise ParseError(file, f"root element <{tag}>, not the advanced XML's <Sanctions>")
    ns = root.tag[: -len(tag)]
    refs = Refs(root, ns)
    parties = root.iterfind(f"{ns}DistinctParties/{ns}DistinctParty/{ns}Profile")
    listings = [_listing(profile, refs) for profile in parties]
    return listings, date_of(root.find(f"{ns}DateOfIssue"), ns)


def listing_dates(file: str, data: bytes) -> tuple[dict[str, str], str | None]:
    """Designation dates by profile id (= ent_num/uid), and the file's date of issue."""
    root = parse_xml(file, data)
    ns = root.tag[: -len(etree.QName(root).localname)]
    refs = Refs(root, ns)
    dates = {key: s.listed_on for key, s in refs.sanctions.items() if s.listed_on}
    return dates, date_of(root.find(f"{ns}DateOfIssue"), ns)


def _listing(profile: Element, refs: Refs) -> Listing:
    key, facts = profile.get("ID", ""), Facts()
    identity = profile.find(f"{refs.ns}Identity")
    if identity is not None:
        _names(identity, refs, facts)
        for doc in refs.documents.get(identity.get("ID", ""), ()):
            _document(doc, refs, facts)
    for feature in profile.iterfind(f"{refs.ns}Feature"):
        _feature(feature, refs, facts)
    primary = next((n.value for n in facts.get("names") if n.kind == "primary"), "")
    sanction = refs.sanctions.get(key)
    programs = [program_ref(p) for p in sanction.programs] if sanction else []
    subtype = profile.get("PartySubTypeID")
    label = refs.text("PartySubType", subtype)
    if label in ("", "Unknown"):
        label = refs.text("PartyType", refs.attr("PartySubType", subtype, "PartyTypeID"))
    listing = facts.listing(key, _SCHEMAS.get(label, "Organization"), primary, programs)
    return listing if sanction is None else replace(listing, listed_on=sanction.listed_on)


def _names(identity: Element, refs: Refs, facts: Facts) -> None:
    ns = refs.ns
    groups = {
        g.get("ID"): refs.text("NamePartType", g.get("NamePartTypeID"))
        for g in identity.iterfind(f".//{ns}NamePartGroup")
    }
    for alias in identity.iterfind(f"{ns}Alias"):
        kind = _KINDS.get(refs.text("AliasType", alias.get("AliasTypeID")), "alias")
        primary = alias.get("Primary") == "true"
        quality = None if primary else ("low" if alias.get("LowQuality") == "true" else "good")
        for documented in alias.iterfind(f"{ns}DocumentedName"):
            values = list(documented.iterfind(f".//{ns}NamePartValue"))
            last = " ".join(
                (v.text or "").strip()
                for v in values
                if groups.get(v.get("NamePartGroupID")) == "Last Name"
            )
            rest = " ".join(
                (v.text or "").strip()
                for v in values
                if groups.get(v.get("NamePartGroupID")) != "Last Name"
            )
            printed = f"{last}, {rest}" if last and rest else last or rest
            script = refs.text("Script", values[0].get("ScriptID")) if values else ""
            latin = script in ("", "Latin")
            name_kind = ("primary" if primary else kind) if latin else "original"
            facts.append("names", Name(printed, name_kind, quality, None if latin else script))


def _feature(feature: Element, refs: Refs, facts: Facts) -> None:
    ns = refs.ns
    label = refs.text("FeatureType", feature.get("FeatureTypeID"))
    for version in feature.iterfind(f"{ns}FeatureVersion"):
        location = version.find(f"{ns}VersionLocation")
        period = version.find(f"{ns}DatePeriod")
        detail = version.find(f"{ns}VersionDetail")
        if location is not None and (address := refs.address(location.get("LocationID"))):
            if label == "Location":
                facts.append("addresses", address)
                continue
            value = address.full if label == "Place of Birth" else address.country or address.full
        elif period is not None and (value := period_of(period, ns) or ""):
            if label == "Birthdate":
                facts.append("birth_dates", value)
                continue
        elif detail is not None:
            ref = detail.get("DetailReferenceID")
            value = refs.text("DetailReference", ref) if ref else (detail.text or "").strip()
        else:
            continue
        if value:
            _labelled(label, value, facts)


def _document(doc: Element, refs: Refs, facts: Facts) -> None:
    ns = refs.ns
    value = (doc.findtext(f"{ns}IDRegistrationNo") or "").strip()
    for date in doc.iterfind(f"{ns}DocumentDate"):
        kind = refs.text("IDRegDocDateType", date.get("IDRegDocDateTypeID")).lower()
        period = date.find(f"{ns}DatePeriod")
        when = period_of(period, ns) if period is not None else None
        if when:
            value += f" {'expires' if 'expir' in kind else 'issued'} {when}"
    country = refs.text("Country", doc.get("IssuedBy-CountryID")) or None
    label = refs.text("IDRegDocType", doc.get("IDRegDocTypeID"))
    _labelled(label, value, facts, country)


def _labelled(label: str, value: str, facts: Facts, country: str | None = None) -> None:
    found = match_label(f"{label} {value}")
    if found is None or not found[2]:
        facts.append("notes", f"{label}: {value}")
    else:
        facts.add(found[1], found[0], found[2], country)
