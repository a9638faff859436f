"""A listing prepared once for matching: `Record`.

Pure. Everything the blocker and the scorer compare is computed here, once per listing, so
that scoring a pair does no parsing: the name forms of every printed name (Latin and
original script alike, so `陈全国` stays beside `CHEN, Quanguo`), country codes, gender,
normalised identifier values and the themes of the programs that list it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from concerted.model import Identifier, Listing, ListingRef
from concerted.names.forms import NameForm, name_form, variants
from concerted.resolve.contexts import program_contexts
from concerted.resolve.dates import DateValue, parse_dates
from concerted.resolve.namekeys import form_keys
from concerted.territories import country_code

__all__ = ["SELF_IDENTIFIERS", "Record", "prepare"]

_NOT_ALNUM = re.compile(r"[^A-Z0-9]")
# Lists whose own key is an identifier other lists cite (the UK prints UN references).
SELF_IDENTIFIERS = {"un_sc": "un_ref", "gb_fcdo_uksl": "uk_sanctions_list_ref"}
_MAX_NAMES = 40  # a few entities carry hundreds of aliases; the first ones are the best


@dataclass(frozen=True, slots=True, eq=False)
class Record:
    ref: str
    source: str
    schema: str
    caption: str
    names: tuple[NameForm, ...]
    birth_dates: tuple[DateValue, ...]
    countries: frozenset[str]
    gender: str | None
    identifiers: frozenset[tuple[str, str]]  # (kind, normalised value)
    contexts: frozenset[str]  # kinds of program: magnitsky, russia, terrorism...
    key_index: dict[str, tuple[int, ...]]  # name key -> indexes into `names`

    @property
    def is_person(self) -> bool:
        return self.schema == "Person"


def _gender(value: str | None) -> str | None:
    first = (value or "").strip().lower()[:1]
    return {"m": "male", "f": "female"}.get(first)


def _names(listing: Listing) -> tuple[NameForm, ...]:
    person = listing.schema == "Person"
    printed = [(listing.name, False)] + [(n.value, n.quality == "low") for n in listing.names]
    forms: dict[tuple[tuple[str, ...], tuple[str, ...]], NameForm] = {}
    for printed_name, weak in printed:
        for text in variants(printed_name):
            form = name_form(text, person, weak)
            if form is not None and (form.tokens, form.patronymics) not in forms:
                forms[(form.tokens, form.patronymics)] = form
    return tuple(forms.values())[:_MAX_NAMES]


def _identifiers(listing: Listing) -> frozenset[tuple[str, str]]:
    found = set()
    own = SELF_IDENTIFIERS.get(listing.source)
    printed = [*listing.identifiers, *([Identifier(own, listing.key)] if own else [])]
    for ident in printed:
        value = _NOT_ALNUM.sub("", ident.value.upper())
        if len(value) >= 5 and any(ch.isdigit() for ch in value):
            found.add((ident.kind, value))
    return frozenset(found)


def _key_index(names: tuple[NameForm, ...]) -> dict[str, tuple[int, ...]]:
    index: dict[str, list[int]] = {}
    for i, form in enumerate(names):
        for key in sorted(form_keys(form)):  # sorted: the same ties every run
            index.setdefault(key, []).append(i)
    return {key: tuple(found) for key, found in index.items()}


def prepare(listing: Listing) -> Record:
    countries = {country_code(c) for c in (*listing.nationalities, *listing.citizenships)}
    names = _names(listing)
    return Record(
        ref=str(ListingRef.of(listing)),  # how judgements cite it (never a target id)
        source=listing.source,
        schema=listing.schema,
        caption=listing.name,
        names=names,
        birth_dates=parse_dates(listing.birth_dates),
        countries=frozenset(c for c in countries if c),
        gender=_gender(listing.gender),
        identifiers=_identifiers(listing),
        contexts=program_contexts(listing.programs),
        key_index=_key_index(names),
    )
