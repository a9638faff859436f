"""Small converters from FSF facts (attribute dicts) to the values a `Listing` holds.

Values stay as the list prints them (trimmed); only the shape changes: dates become ISO
strings (partial, ranged or approximate), places and addresses are joined from their parts,
and the FSF's placeholder country ("UNKNOWN", ISO code "00") is dropped.
"""

from __future__ import annotations

import re

from concerted.model import Address, Identifier
from concerted.sources.eu_fsf_record import Fact
from concerted.sources.eu_fsf_reference import identifier_kind

__all__ = ["address", "birth_date", "birth_place", "contacts", "country", "identifier", "iso_date"]

_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")
_DMY = re.compile(r"(\d{2})/(\d{2})/(\d{4})")  # the CSV's fileGenerationDate: 05/08/2026
_UNKNOWN = {"", "UNKNOWN", "00"}
_FLAGS = ("diplomatic", "knownExpired", "knownFalse", "reportedLost", "revokedByIssuer")


def iso_date(value: str | None) -> str | None:
    """YYYY-MM-DD from an ISO date or timestamp or from dd/mm/yyyy; None otherwise."""
    value = (value or "").strip()
    if _ISO.match(value):
        return value[:10]
    dmy = _DMY.fullmatch(value)
    return f"{dmy.group(3)}-{dmy.group(2)}-{dmy.group(1)}" if dmy else None


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
    parts = [fact.get(k, "").strip() for k in ("year", "monthOfYear", "dayOfMonth")]
    if not parts[0].isdigit():
        return None
    date = parts[0].zfill(4)
    for part in parts[1:]:
        if not part.isdigit() or int(part) == 0:
            break
        date += f"-{int(part):02d}"
    return date


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
