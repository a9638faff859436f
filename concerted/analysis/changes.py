"""What changed between two snapshots of one list: additions, removals and amendments.

Pure. On a list known to reuse keys (Australia has reused reference numbers for different
people), a key that now names a different subject is reported as a removal plus an addition,
flagged `reused_key`, rather than as an amendment: an alert that "X was amended" when X was
in fact delisted and someone else listed would mislead the people who rely on it. Only
conflicting identity evidence makes it a different subject: a new name alone does not (OFAC
renames vessels and organisations under the same ent_num, and SAND SWAN -> EBANO keeps its
IMO number), and on a list that does not reuse keys a changed entry is always an amendment.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, fields
from typing import Any

from rapidfuzz import fuzz

from concerted.model import Listing
from concerted.names.tokens import ascii_form

__all__ = ["KINDS", "Change", "amended_fields", "by_program", "diff", "nearest", "program_counts",
           "same_subject"]

KINDS = ("added", "removed", "amended")

_COMPARED = tuple(f.name for f in fields(Listing) if f.name not in ("source", "key"))


@dataclass(frozen=True)
class Change:
    kind: str  # added / removed / amended
    key: str
    name: str
    programs: tuple[str, ...]
    fields: tuple[str, ...] = ()
    reused_key: bool = False


def amended_fields(old: Listing, new: Listing) -> tuple[str, ...]:
    """The fields the list changed. A listing date that one reading has and the other lacks
    is not one: OFAC's CSV set prints no dates and its advanced XML does, so a snapshot
    fetched with the XML (or without it, when it failed) would otherwise "amend" every entry."""
    return tuple(f for f in _COMPARED if getattr(old, f) != getattr(new, f)
                 and not (f == "listed_on" and None in (old.listed_on, new.listed_on)))


def _name_key(listing: Listing) -> str:
    return ascii_form(listing.name)


def _documents(listing: Listing) -> set[tuple[str, str]]:
    return {(i.kind, ascii_form(i.value) or i.value) for i in listing.identifiers}


def same_subject(old: Listing, new: Listing) -> bool:
    """Whether an amended entry still describes the same person or entity: the same kind of
    subject, and a document number in common or a name (with a birth year) close enough."""
    if old.schema != new.schema and {old.schema, new.schema} != {"Organization", "LegalEntity"}:
        return False
    if _documents(old) & _documents(new):
        return True  # the same IMO, passport or registration number under a new name
    old_names = {_name_key(old)} | {ascii_form(n.value) for n in old.names}
    best = (
        max(
            fuzz.token_sort_ratio(_name_key(new), candidate) for candidate in old_names if candidate
        )
        if any(old_names)
        else 0.0
    )
    if best >= 70:
        return True
    years_old = {d.lstrip("~")[:4] for d in old.birth_dates}
    years_new = {d.lstrip("~")[:4] for d in new.birth_dates}
    # A name rewritten beyond recognition is still the same subject when the birth years agree.
    return bool(years_old & years_new) and best >= 40


def _change(kind: str, listing: Listing, **extra: object) -> Change:
    return Change(kind, listing.key, listing.name, listing.program_ids, **extra)  # type: ignore[arg-type]


def diff(old: Mapping[str, Listing], new: Mapping[str, Listing], *,
         reuses_keys: bool = False) -> list[Change]:
    """Changes from `old` to `new`, each snapshot given as key -> listing; sorted by kind, key.
    `reuses_keys`: the list is known to give a key to another subject (`Source.reuses_keys`)."""
    result: list[Change] = []
    for key, listing in new.items():
        before = old.get(key)
        if before is None:
            result.append(_change("added", listing))
        elif before != listing and (changed := amended_fields(before, listing)):
            if not reuses_keys or same_subject(before, listing):
                result.append(_change("amended", listing, fields=changed))
            else:
                result.append(_change("removed", before, reused_key=True))
                result.append(_change("added", listing, reused_key=True))
    result.extend(_change("removed", listing) for key, listing in old.items() if key not in new)
    order = {"added": 0, "removed": 1, "amended": 2}
    return sorted(result, key=lambda c: (order[c.kind], c.key))


def program_counts(items: Iterable[Mapping[str, Any]]) -> dict[str, int]:
    """How many of the changed listings carry each program, most first (a listing under two
    programs counts under each, so the counts may add up to more than the listings)."""
    counts = Counter(p for item in items for p in item["programs"])
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def by_program(group: Mapping[str, Any]) -> dict[str, dict[str, int]]:
    """One snapshot's changes (`Reader.changes` group) counted per program, per kind."""
    return {kind: program_counts(group[kind]) for kind in KINDS}


def nearest(dates: Sequence[str], day: str) -> tuple[str | None, str | None]:
    """The snapshot dates just before and just after `day` (sorted `dates`; None: none)."""
    at = bisect.bisect_left(dates, day)
    after = bisect.bisect_right(dates, day)
    return (dates[at - 1] if at else None, dates[after] if after < len(dates) else None)
