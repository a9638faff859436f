"""Build a `Listing` from one FSF record (XML or CSV alike).

The FSF marks no name as primary: every name is a <nameAlias>, some in an EU language
(`nameLanguage`), some "weak" (`strong="false"`). The primary is the first name the entity
prints without a language or in English, which is how the Official Journal annexes title an
entry; the others are aliases, graded good/low by `strong`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

from concerted.model import Identifier, Listing, Name, ProgramRef
from concerted.names.scripts import script_of
from concerted.sources import eu_fsf_facts as facts
from concerted.sources.dates import iso_date
from concerted.sources.eu_fsf_record import Fact, Record
from concerted.sources.eu_fsf_reference import program_ref, schema_of

__all__ = ["to_listing"]

SOURCE_ID = "eu_fsf"
T = TypeVar("T")
_GENDERS = {"M": "male", "F": "female"}


def to_listing(record: Record) -> Listing:
    names = _names(record.facts["nameAlias"])
    schema = schema_of(record.subject_codes) or "LegalEntity"
    aliases, births = record.facts["nameAlias"], record.facts["birthdate"]
    addresses = record.facts["address"]
    return Listing(
        source=SOURCE_ID,
        key=record.key,
        schema=schema,
        name=names[0].value if names else f"(unnamed FSF entity {record.key})",
        names=tuple(names),
        birth_dates=_unique(facts.birth_date(f) for f in births),
        birth_places=_unique(facts.birth_place(f) for f in births),
        citizenships=_unique(facts.country(f) for f in record.facts["citizenship"]),
        gender=next((_GENDERS.get(g, g) for g in _values(aliases, "gender")), None),
        titles=_values(aliases, "title"),
        positions=_values(aliases, "function") if schema == "Person" else (),
        identifiers=_identifiers(record),
        addresses=_unique(facts.address(f) for f in addresses),
        emails=_unique(v for f in addresses for v in facts.contacts(f, "EMAIL")),
        websites=_unique(v for f in addresses for v in facts.contacts(f, "WEB")),
        programs=_programs(record.facts["regulation"]),
        listed_on=min(_listing_dates(record), default=None),
        notes=_notes(record, schema),
        extra=_extra(record),
    )


def _names(aliases: list[Fact]) -> list[Name]:
    printed = [a for a in aliases if a.get("wholeName", "").strip()]
    primary = _primary(aliases)
    ordered = sorted(printed, key=lambda a: a is not primary)  # stable: keeps list order
    names: dict[tuple[str, str | None], Name] = {}
    for alias in ordered:
        value, lang = alias["wholeName"].strip(), alias.get("nameLanguage", "").strip() or None
        quality = "low" if alias.get("strong", "").strip().lower() == "false" else "good"
        script = None if value.isascii() else script_of(value)  # cheap path for most names
        kind = "primary" if alias is primary else "alias"
        names.setdefault(
            (value, lang),
            Name(value, kind, quality, None if script == "Latin" else script, lang),
        )
    return list(names.values())


def _primary(aliases: list[Fact]) -> Fact | None:
    printed = [a for a in aliases if a.get("wholeName", "").strip()]
    untranslated = (a for a in printed if a.get("nameLanguage", "").strip().upper() in ("", "EN"))
    return next(untranslated, printed[0] if printed else None)


def _identifiers(record: Record) -> tuple[Identifier, ...]:
    found = [facts.identifier(f) for f in record.facts["identification"]]
    for kind, name in (("eu_ref", "euReferenceNumber"), ("un_ref", "unitedNationId")):
        value = record.entity.get(name, "").strip()
        found.append(Identifier(kind=kind, value=value) if value else None)
    return tuple(i for i in _unique(found) if i)


def _programs(regulations: list[Fact]) -> tuple[ProgramRef, ...]:
    refs = (program_ref(r.get("programme", ""), r.get("numberTitle", "")) for r in regulations)
    return tuple(r for r in _unique(refs) if r)


def _listing_dates(record: Record) -> list[str]:
    """Dates the list prints for the entry: its designationDate and its regulations' dates.

    An entity's <regulation> may be only the latest act amending the entry (the real 2018
    excerpt shows Mugabe under a 2018 amendment), so the earliest of them all is used.
    """
    printed = [record.entity.get("designationDate")]
    printed += [r.get("publicationDate") for r in record.facts["regulation"]]
    return [d for d in map(iso_date, printed) if d]


def _notes(record: Record, schema: str) -> tuple[str, ...]:
    notes = list(record.remarks)
    for alias in record.facts["nameAlias"]:
        if alias.get("remark", "").strip():
            notes.append(f"{alias.get('wholeName', '').strip()}: {alias['remark'].strip()}")
        if schema != "Person" and alias.get("function", "").strip():
            notes.append(alias["function"].strip())
    notes += [f["remark"].strip() for f in record.facts["address"] if f.get("remark", "").strip()]
    return _unique(notes)


def _extra(record: Record) -> tuple[tuple[str, str], ...]:
    pairs = [(label, record.entity.get(name, "").strip()) for label, name in _ENTITY_EXTRA]
    pairs += [("subject_type", code) for code in record.subject_codes]
    pairs += [("regulation", _regulation_text(r)) for r in record.facts["regulation"]]
    primary = _primary(record.facts["nameAlias"]) or {}
    pairs += [(label, primary.get(name, "").strip()) for label, name in _NAME_PARTS]
    pairs += [("phone", v) for f in record.facts["address"] for v in facts.contacts(f, "PHONE")]
    pairs += [("contact_info", f.get("contactInfo", "")) for f in record.facts["address"]]
    return tuple(pair for pair in dict.fromkeys(pairs) if pair[1])


_ENTITY_EXTRA = (
    ("designation_date", "designationDate"),
    ("designation_details", "designationDetails"),
)
_NAME_PARTS = (
    ("last_name", "lastName"),
    ("first_name", "firstName"),
    ("middle_name", "middleName"),
)
_REGULATION_PARTS = ("numberTitle", "regulationType", "organisationType", "programme")


def _regulation_text(regulation: Fact) -> str:
    parts = [regulation.get(name, "").strip() for name in _REGULATION_PARTS]
    dates = (("published", "publicationDate"), ("in force", "entryIntoForceDate"))
    parts += [
        f"{label} {regulation[name].strip()}" for label, name in dates if regulation.get(name)
    ]
    parts.append(regulation.get("publicationUrl", "").strip())
    return "; ".join(part for part in parts if part)


def _values(items: list[Fact], name: str) -> tuple[str, ...]:
    return _unique(item.get(name, "").strip() for item in items)


def _unique(values: Iterable[T | None]) -> tuple[T, ...]:
    """Non-empty values in first-seen order, without repeats."""
    return tuple(dict.fromkeys(v for v in values if v))
