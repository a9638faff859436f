"""Small domain types shared by every layer.

A `Listing` is one entry of one official list as that list printed it: the list's own key,
every name it gives, the facts it states and the programs it cites. Values are kept as the
list wrote them (trimmed); normalisation for matching happens later, in `resolve`.
Dates are ISO 8601 strings that may be partial (`1958`, `1958-01`, `1958-01-02`); a range is
`1958/1960` (open at one end: `../1960`), and an approximate date is prefixed `~` (`~1958`).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, fields
from typing import Any, NamedTuple

__all__ = [
    "SCHEMAS",
    "Address",
    "Identifier",
    "Listing",
    "ListingRef",
    "Name",
    "ProgramRef",
    "Snapshot",
    "hash_json",
]

SCHEMAS = ("Person", "Organization", "LegalEntity", "Vessel", "Airplane")


class ListingRef(NamedTuple):
    """Which listing: a source id and the list's own key, e.g. `gb_hmt_conlist:14074` as
    text. The one place the text form is made (`str`) and read (`parse`). A tuple, so it
    is equal to (and hashes as) the plain `(source, key)` pairs the analyses use."""

    source: str
    key: str

    def __str__(self) -> str:
        return f"{self.source}:{self.key}"

    @classmethod
    def parse(cls, text: str) -> ListingRef:
        """`source:key` (the key may itself hold colons; a source id never does)."""
        source, sep, key = text.partition(":")
        if not sep or not source or not key:
            raise ValueError(f"not a listing reference (source:key): {text!r}")
        return cls(source, key)

    @classmethod
    def of(cls, listing: Listing) -> ListingRef:
        return cls(listing.source, listing.key)


@dataclass(frozen=True)
class Name:
    """A name as the list spells it. `kind`: primary, variation, alias, fka, nka, original."""

    value: str
    kind: str = "alias"
    quality: str | None = None  # "good" / "low" where the list grades its aliases
    script: str | None = None  # e.g. "Latin", "Han", "Cyrillic", "Arabic"
    lang: str | None = None


@dataclass(frozen=True)
class Identifier:
    """A document or registration number: passport, national id, IMO, registration..."""

    kind: str
    value: str
    country: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Address:
    full: str
    country: str | None = None


@dataclass(frozen=True)
class ProgramRef:
    """A program cited by a listing: the list's raw string and our normalised id."""

    raw: str
    id: str | None = None  # e.g. "us-glomag"; None when the list's program is not mapped
    theme: str | None = None  # human_rights / corruption / cyber / other, where the list says
    # The date the list gives for this program alone: the OFSI list's `Listed On` per regime,
    # or bounds where the list prints no date (`2023/2023-02-01`, `../2022-03-30`: no later
    # than Australia's `Control Date`).
    listed_on: str | None = None


@dataclass(frozen=True)
class Listing:
    source: str
    key: str
    schema: str
    name: str
    names: tuple[Name, ...] = ()
    birth_dates: tuple[str, ...] = ()
    birth_places: tuple[str, ...] = ()
    nationalities: tuple[str, ...] = ()
    citizenships: tuple[str, ...] = ()
    gender: str | None = None
    titles: tuple[str, ...] = ()
    positions: tuple[str, ...] = ()
    identifiers: tuple[Identifier, ...] = ()
    addresses: tuple[Address, ...] = ()
    emails: tuple[str, ...] = ()
    websites: tuple[str, ...] = ()
    linked_to: tuple[str, ...] = ()
    programs: tuple[ProgramRef, ...] = ()
    listed_on: str | None = None
    reasons: str | None = None
    notes: tuple[str, ...] = ()
    extra: tuple[tuple[str, str], ...] = ()  # other list-specific facts as (label, value)

    @property
    def program_ids(self) -> tuple[str, ...]:
        return tuple(sorted({p.id for p in self.programs if p.id}))

    def to_dict(self) -> dict[str, Any]:
        # Hand-rolled rather than dataclasses.asdict, which deep-copies and dominated the
        # cost of ingesting the OFAC history.
        data: dict[str, Any] = {}
        for name in _FIELD_NAMES:
            value = getattr(self, name)
            if name in _NESTED:
                value = [_nested_dict(item) for item in value]
            elif name == "extra":
                value = [list(pair) for pair in value]
            elif isinstance(value, tuple):
                value = list(value)
            data[name] = value
        return data

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), sort_keys=True, ensure_ascii=False)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Listing:
        kwargs: dict[str, Any] = {}
        for f in fields(cls):
            if f.name not in data:
                continue
            kwargs[f.name] = _revive(f.name, data[f.name])
        return cls(**kwargs)

    def content_hash(self) -> str:
        """A stable hash of everything the list said about this entry (its version id)."""
        return hash_json(self.to_json())


def _nested_dict(item: object) -> dict[str, Any]:
    data = dict(item.__dict__)
    # Absent rather than null, so the version hash of a listing whose list prints no
    # per-program date is what it was before the field existed.
    if isinstance(item, ProgramRef) and item.listed_on is None:
        del data["listed_on"]
    return data


def hash_json(payload: str) -> str:
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:32]


_NESTED: dict[str, type] = {
    "names": Name,
    "identifiers": Identifier,
    "addresses": Address,
    "programs": ProgramRef,
}


def _revive(name: str, value: Any) -> Any:
    if name in _NESTED:
        return tuple(_NESTED[name](**v) for v in value)
    if name == "extra":
        return tuple(tuple(pair) for pair in value)
    if isinstance(value, list):
        return tuple(value)
    return value


_FIELD_NAMES = tuple(f.name for f in fields(Listing))


@dataclass(frozen=True)
class Snapshot:
    """One publication of one list: the files, their date, and what was parsed from them."""

    source: str
    published: str  # YYYY-MM-DD
    files: tuple[tuple[str, str], ...]  # (file name, sha256)
    listings: tuple[Listing, ...] = field(default=(), repr=False)

    @property
    def sha256(self) -> str:
        """Identity of the whole file set, so re-ingesting the same bytes is a no-op."""
        digests = sorted(sha for _, sha in self.files)
        return hashlib.sha256("".join(digests).encode()).hexdigest()
