"""Small converters from FSF facts (attribute dicts) to the values a `Listing` holds.

Values stay as the list prints them (trimmed); only the shape changes: dates become ISO
strings (partial, ranged or approximate), places and addresses are joined from their parts,
and the FSF's placeholder country ("UNKNOWN", ISO code "00") is dropped.
"""

from __future__ import annotations

from concerted.model import Address, Identifier
from concerted.sources.dates import iso_date, partial_date
from concerted.sources.eu_fsf_record import Fact
from concerted.sources.eu_fsf_reference import identifier_kind

__all__ = ["address", "birth_date", "birth_place", "contacts", "country", "identifier"]

_UNKNOWN = {"", "UNKNOWN", "00"}
_FLAGS = ("diplomatic", "knownExpired", "knownFalse", "reportedLost", "revokedByIssuer")


def country(fact: Fact) -> str | None:
    """The country as printed (countryDescription), else its ISO code; None when unknown."""
    for name in ("countryDescription", "countryIso2Code"):
        value = fact.get(name, "").strip()
        if value.upper() not in _UNKNOWN:
            return value
    return None


def birth_date(fact: Fact) -> str | None:
    date = iso_date(fact.get("birthdate")) or _partial_date(fact) or _year_range(fact)
    if date is None:
        return None
    return "~" + date if fact.get("circa", "").strip().lower() == "true" else date


def _partial_date(fact: Fact) -> str | None:
    return partial_date(*(fact.get(k) for k in ("year", "monthOfYear", "dayOfMonth")))


def _year_range(fact: Fact) -> str | None:
    low, high = fact.get("yearRangeFrom", "").strip(), fact.get("yearRangeTo", "").strip()
    return f"{low}/{high}" if low.isdigit() and high.isdigit() else None


def birth_place(fact: Fact) -> str | None:
    return _joined(fact, ("place", "city", "zipCode", "region")) or None


def _joined(fact: Fact, names: tuple[str, ...]) -> str:
    parts = [fact.get(name, "").strip() for name in names]
    parts.append(country(fact) or "")
    return ", ".join(part for part in parts if part)


def address(fact: Fact) -> Address | None:
    full = _joined(fact, ("street", "poBox", "zipCode", "city", "place", "region"))
    return Address(full=full, country=country(fact)) if full else None


def contacts(fact: Fact, key: str) -> list[str]:
    """The values an address gives under one <contactInfo key> (EMAIL, WEB, PHONE, FAX)."""
    return [v.strip() for v in fact.get("contact." + key, "").split(";") if v.strip()]


def identifier(fact: Fact) -> Identifier | None:
    value = fact.get("number", "").strip() or fact.get("latinNumber", "").strip()
    if not value:
        return None
    kind = identifier_kind(fact.get("identificationTypeCode", ""))
    return Identifier(kind=kind, value=value, country=country(fact), note=_id_note(fact) or None)


def _id_note(fact: Fact) -> str:
    labels = [
        ("", "identificationTypeDescription"),
        ("latin number ", "latinNumber"),
        ("name on document ", "nameOnDocument"),
        ("issued by ", "issuedBy"),
        ("issued ", "issueDate"),
        ("issued ", "issuedDate"),
        ("valid from ", "validFrom"),
        ("valid to ", "validTo"),
        ("", "remark"),
    ]
    notes = [prefix + fact[name].strip() for prefix, name in labels if fact.get(name, "").strip()]
    notes += [flag for flag in _FLAGS if fact.get(flag, "").strip().lower() == "true"]
    return "; ".join(notes)
