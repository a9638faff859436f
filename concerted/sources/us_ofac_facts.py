"""What one SDN entry says, gathered fact by fact from any of OFAC's formats, then frozen.

The three formats (legacy CSV set, sdn.xml, advanced XML) name their facts with the same
labels, so they share one accumulator: `text_effect`/`add` turn a labelled value into
(Listing field, value), `Facts` collects them, and `listing()` freezes them with duplicates
removed (formats and companion files repeat themselves).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any, TypeVar

from concerted.model import Identifier, Listing, Name, ProgramRef
from concerted.sources.us_ofac_dates import iso_date_text
from concerted.sources.us_ofac_vocab import Target, match_label

__all__ = ["Facts", "natural_order", "split_identifier", "text_effect"]

SOURCE_ID = "us_ofac_sdn"
_T = TypeVar("_T")
# The tail of an identifier: "(Country)" and/or "issued <date> expires <date>".
_ID_TAIL = re.compile(
    r"\s*\(([^()]*)\)\s*[,.]?\s*((?:issued|expires)\b.*)?$|\s*,?\s*((?:issued|expires)\b.*)$"
)
_LISTS = {
    "birth_place": "birth_places",
    "nationality": "nationalities",
    "citizenship": "citizenships",
    "email": "emails",
    "website": "websites",
    "linked_to": "linked_to",
    "position": "positions",
}


def natural_order(name: str) -> str | None:
    """`ZHU, Hailun` -> `Hailun ZHU`; `DELOS REYES, Felix, Jr.` -> `Felix DELOS REYES Jr.`"""
    if ", " not in name:
        return None
    surname, given = name.split(", ", 1)
    given, _, suffix = given.partition(", ")
    return " ".join(part for part in (given, surname, suffix) if part.strip())


def split_identifier(text: str) -> tuple[str, str | None, str | None]:
    """`E123 (China) issued 2001` -> ("E123", "China", "issued 2001")."""
    match = _ID_TAIL.search(text)
    if match is None or match.start() == 0:
        return text.strip(), None, None
    country, note = match.group(1), match.group(2) or match.group(3)
    return text[: match.start()].strip(), country and country.strip(), note


_Effect = tuple[str, object]  # (Facts attribute to append to, value); "gender" is set


@lru_cache(maxsize=1 << 16)
def text_effect(fact: str) -> _Effect | None:
    """What a `<label> <value>` fact adds: (Facts field, value), or None if not understood."""
    # Cached: nearly half of the 60,000 facts of a file repeat ("Gender Male", "Linked To:
    # HIZBALLAH"...), and their effects are immutable values.
    found = match_label(fact)
    if found is None or not found[2]:
        return None
    label, target, value = found
    return _effect(target, label, value, None)


def _effect(target: Target, label: str, value: str, country: str | None) -> _Effect:
    group, kind = target
    value = value.strip()
    if group == "identifier":
        return "identifiers", _identifier(kind, label, value, country)
    if kind in _LISTS:
        return _LISTS[kind], value
    if kind == "birth_date":
        date = iso_date_text(value)
        return ("birth_dates", date) if date else ("notes", f"{label} {value}")
    if kind == "gender":
        return "gender", value
    if kind in ("alias", "fka", "nka"):
        return "names", _quoted_name(value, kind)
    return "extra", (label, value)


def _identifier(kind: str, label: str, value: str, country: str | None) -> Identifier:
    number, printed_country, note = split_identifier(value)
    if kind == "crypto_wallet" and " " in number:
        currency, number = number.split(" ", 1)
        note = currency if note is None else f"{currency}; {note}"
    elif kind == "imo" and number.upper().startswith("IMO "):
        number = number[4:].strip()
    elif label.lower() != kind and kind != "imo":
        # Keep the document type as printed ("Cedula No.", "R.F.C.") beside our kind.
        note = label if note is None else f"{label}; {note}"
    return Identifier(kind, number, country or printed_country, note)


class Facts:
    """Values per Listing field name (`names`, `birth_dates`, ..., `notes`, `extra`).

    Lists are made only for the fields an entry has (about 4 of 16), which keeps building
    15,000 listings cheap.
    """

    __slots__ = ("gender", "values")

    def __init__(self) -> None:
        self.values: dict[str, list[Any]] = {}
        self.gender: str | None = None

    def append(self, field: str, value: object) -> None:
        self.values.setdefault(field, []).append(value)

    def extend(self, field: str, values: Iterable[object]) -> None:
        self.values.setdefault(field, []).extend(values)

    def get(self, field: str) -> list[Any]:
        return self.values.get(field, [])

    def add_text(self, fact: str) -> bool:
        """File one `<label> <value>` fact; False (kept as a note) if it is not understood."""
        found = text_effect(fact)
        self._apply(found or ("notes", fact))
        return found is not None and found[0] != "notes"

    def add(self, target: Target, label: str, value: str, country: str | None = None) -> None:
        self._apply(_effect(target, label, value, country))

    def _apply(self, effect: _Effect) -> None:
        field, value = effect
        if field == "gender":
            self.gender = str(value)
        else:
            self.values.setdefault(field, []).append(value)

    def listing(self, key: str, schema: str, name: str, programs: list[ProgramRef]) -> Listing:
        fields: dict[str, Any] = {  # _unique, inlined: this runs 15,000 x 4 times per file
            f: tuple(v) if len(v) < 2 else tuple(dict.fromkeys(v)) for f, v in self.values.items()
        }
        return Listing(
            SOURCE_ID, key, schema, name, gender=self.gender, programs=_unique(programs), **fields
        )


def _quoted_name(value: str, kind: str) -> Name:
    # In the legacy files the Remarks carry only OFAC's weak a.k.a.s, each in single quotes
    # (strong ones are in alt.csv): strip one pair of quotes; names may start with an
    # apostrophe (ayn), as in ''ABD-AL-'IZ'.
    value = value.strip()
    if value.endswith("'."):
        value = value[:-1]
    if len(value) >= 2 and value[0] == "'" and value[-1] == "'":
        # ''FOOPIE'': OFAC's doubled quotes stand for the TXT list's double quotes.
        value = value[2:-2] if value[:2] == value[-2:] == "''" and len(value) > 4 else value[1:-1]
    return Name(value.strip(), kind, quality="low")


def _unique(values: list[_T]) -> tuple[_T, ...]:
    return tuple(values) if len(values) < 2 else tuple(dict.fromkeys(values))
