"""OFSI's `Other Information` cell: `(Label):value` segments read into facts.

The spreadsheet forms of the Consolidated List carry the UK Sanctions List reference, the
statement of reasons, gender, contact details and ship particulars only inside this text,
e.g. `(UK Sanctions List Ref):GHR0086. (UK Statement of Reasons):… (Gender):Male`. Only the
labels of `gb_hmt_conlist.yml` split the text, so a parenthesis inside prose never does.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from concerted.model import Identifier
from concerted.sources.gb_shared import CONLIST, clean, split_items

__all__ = ["Remarks", "read_remarks"]


@dataclass
class Remarks:
    refs: list[str] = field(default_factory=list)
    un_refs: list[str] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    genders: list[str] = field(default_factory=list)
    websites: list[str] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)
    identifiers: list[Identifier] = field(default_factory=list)
    extra: list[tuple[str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


_LABELS = "|".join(re.escape(label) for label in CONLIST.remark_labels)
_SPLIT = re.compile(rf"\(({_LABELS})\)\s*:")
_UKSL = r"[A-Z]{3}\d{4}"
_UN = r"[A-Z]{2}[ie]\.\d{3}"
_CODE = rf"{_UKSL}|{_UN}"
_IMO = re.compile(r"(?:IMO\s*)?(\d{7})")


def read_remarks(text: str, into: Remarks) -> None:
    parts = _SPLIT.split(text)
    _note(into, parts[0])
    for label, value in zip(parts[1::2], parts[2::2], strict=True):
        spec = CONLIST.remark_labels[label]
        _READERS[spec.kind](into, clean(value), spec.as_ or spec.kind)


def _note(into: Remarks, text: str) -> None:
    text = clean(text).strip(". ")
    if text:
        into.notes.append(text)


def _leading_codes(value: str, into: Remarks) -> None:
    """`GHR0086. more text` / `INU0082 and SYR0310. …`: the codes, the rest as a note.

    A UN reference printed where the UK one belongs (`SDi.005`) is kept as the UN one."""
    match = re.match(rf"((?:{_CODE})(?:\s*(?:,|and|&)\s*(?:{_CODE}))*)\.?", value)
    if match is None:
        _note(into, value)
        return
    into.refs += re.findall(_UKSL, match[1])
    into.un_refs += re.findall(_UN, match[1])
    _note(into, value[match.end() :])


def _identifiers(into: Remarks, value: str, kind: str) -> None:
    for item in split_items(value):
        imo = _IMO.fullmatch(item) if kind == "imo" else None
        if item:
            into.identifiers.append(Identifier(kind=kind, value=imo[1] if imo else item))


def _emails(into: Remarks, value: str, kind: str) -> None:
    for item in split_items(value):
        tokens = [token.strip(".,;") for token in item.split()]
        into.emails += [token for token in tokens if "@" in token]
        if rest := " ".join(token for token in tokens if "@" not in token):
            into.notes.append(f"Email address: {rest}")


_READERS: dict[str, Callable[[Remarks, str, str], None]] = {
    "ref": lambda into, value, kind: _leading_codes(value, into),
    "un_ref": lambda into, value, kind: _leading_codes(value, into),
    "reasons": lambda into, value, kind: into.reasons.append(value) if value else None,
    "gender": lambda into, value, kind: into.genders.append(value) if value else None,
    "website": lambda into, value, kind: into.websites.extend(filter(None, split_items(value))),
    "email": _emails,
    "identifier": _identifiers,
    "extra": lambda into, value, kind: into.extra.extend(
        (kind, item) for item in split_items(value) if item
    ),
}
