"""Facts of one UN consolidated-list entry: dates and places of birth, documents, addresses.

Each reader takes the `<INDIVIDUAL>` or `<ENTITY>` element and returns values in the model's
shape, plus notes for what the list states only in words ("30-35 years old").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from lxml import etree

from concerted.model import Address, Identifier
from concerted.sources.au_dfat_dates import birth_dates as free_text_dates  # one reader

__all__ = ["addresses", "birth_dates", "birth_places", "documents", "text", "values"]

_ISO = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
_PLACE = ("STREET", "CITY", "STATE_PROVINCE", "COUNTRY")
_ADDRESS = ("STREET", "CITY", "STATE_PROVINCE", "ZIP_CODE", "COUNTRY")


def text(element: etree._Element, path: str) -> str:
    """The element's text at `path`, whitespace runs (the UN's hard line wraps) collapsed."""
    return " ".join((element.findtext(path) or "").split())


def values(element: etree._Element, path: str) -> tuple[str, ...]:
    found = (" ".join((child.text or "").split()) for child in element.iterfind(path))
    return tuple(dict.fromkeys(value for value in found if value))


def _joined(element: etree._Element, parts: Sequence[str], with_note: bool = True) -> str:
    place = ", ".join(value for value in (text(element, part) for part in parts) if value)
    note = text(element, "NOTE") if with_note else ""
    return f"{place} ({note})" if place and note else place or note


def _birth_date(dob: etree._Element) -> str:
    first, last = text(dob, "FROM_YEAR"), text(dob, "TO_YEAR")
    value = f"{first}/{last}" if first and last else text(dob, "DATE")[:10] or text(dob, "YEAR")
    if value and text(dob, "TYPE_OF_DATE") == "APPROXIMATELY":
        return f"~{value}"
    return value


def birth_dates(entry: etree._Element) -> tuple[tuple[str, ...], list[str]]:
    """ISO dates of birth (also those given for one alias, `1958 - 1964` as a range, and
    those given only in words, `Between Aug. and Sep. 1977`), and notes for the rest."""
    dates, notes = [], []
    for dob in entry.iterfind("INDIVIDUAL_DATE_OF_BIRTH"):
        value, note = _birth_date(dob), text(dob, "NOTE")
        if value:
            dates.append(value)
        elif note and (read := _in_words(note)):
            dates += read
            continue  # the note was the date, now read
        if note and note.lower() != "approximately":  # already said by TYPE_OF_DATE or range
            notes.append(f"Date of birth: {note}")
    for value in values(entry, "INDIVIDUAL_ALIAS/DATE_OF_BIRTH"):
        read = [value] if _ISO.fullmatch(value) else _in_words(value)
        dates += read
        notes += [] if read else [f"Date of birth (of an alias): {value}"]
    return tuple(dict.fromkeys(dates)), notes


def _in_words(value: str) -> list[str]:
    """The dates of a date written in words, when every word was read (else none)."""
    found, complete = free_text_dates(value)
    return found if complete else []


def birth_places(entry: etree._Element) -> tuple[str, ...]:
    places = [_joined(pob, _PLACE) for pob in entry.iterfind("INDIVIDUAL_PLACE_OF_BIRTH")]
    places += [
        _joined(alias, ("CITY_OF_BIRTH", "COUNTRY_OF_BIRTH"), with_note=False)
        for alias in entry.iterfind("INDIVIDUAL_ALIAS")
    ]
    return tuple(dict.fromkeys(place for place in places if place))


def addresses(entry: etree._Element) -> tuple[Address, ...]:
    tag = "INDIVIDUAL_ADDRESS" if entry.tag == "INDIVIDUAL" else "ENTITY_ADDRESS"
    found = (
        Address(full, country=text(address, "COUNTRY") or None)
        for address in entry.iterfind(tag)
        if (full := _joined(address, _ADDRESS))
    )
    return tuple(dict.fromkeys(found))


def _kind(document_type: str, rules: Sequence[tuple[str, str]]) -> str:
    lowered = document_type.lower()
    return next((kind for keyword, kind in rules if keyword in lowered), "other")


def documents(
    entry: etree._Element, rules: Sequence[tuple[str, str]]
) -> tuple[tuple[Identifier, ...], list[str]]:
    """Identifiers of the documents that carry a number, and notes for those that do not."""
    identifiers, notes = [], []
    for doc in entry.iterfind("INDIVIDUAL_DOCUMENT"):
        kind, number = text(doc, "TYPE_OF_DOCUMENT"), text(doc, "NUMBER")
        issued = [f"issued {d}" for d in (text(doc, "DATE_OF_ISSUE"),) if d]
        details = [kind, text(doc, "TYPE_OF_DOCUMENT2"), *issued, text(doc, "CITY_OF_ISSUE")]
        note = "; ".join(part for part in (*details, text(doc, "NOTE")) if part)
        country = text(doc, "ISSUING_COUNTRY") or text(doc, "COUNTRY_OF_ISSUE") or None
        if number:
            identifiers.append(Identifier(_kind(kind, rules), number, country, note or None))
        elif note:
            notes.append(f"Document: {note}" + (f" ({country})" if country else ""))
    return tuple(identifiers), notes
