"""Names of a `sema-lmes.xml` record: the primary name and the comma-separated aliases.

Persons are printed `GivenName LastName` (the list's own field order kept as a `LAST, Given`
variation); 2021+ files label original-script aliases with their language
(`Belarusian: Андрэй ...`) and sometimes join two aliases with "or". A person's one-word
alias is most often another spelling of one part of the name (`Andrei` for Andrey AKIMOV,
`ERYGIN` for Vladimir YERYGIN): it is put in place of that part, so the alias is a whole
name; a one-word alias like no part of the name (`Motorola`, `Givi`) is a nickname, kept.
"""

from __future__ import annotations

import re

from normality import normalize
from rapidfuzz import fuzz

from concerted.model import Name
from concerted.names.scripts import non_latin_script

__all__ = ["names_of"]

_ALIAS_SPLIT = re.compile(r",|\s+or\s+")
_LABELLED = re.compile(r"([A-Z][a-z]+):\s*(.+)")
_SPELLING = 60  # rapidfuzz ratio from which a one-word alias respells a part of the name


def _whole(fragment: str, parts: list[str]) -> str:
    """A one-word alias put in place of the part of the person's name it respells."""
    if " " in fragment or len(parts) < 2 or non_latin_script(fragment):
        return fragment
    key = normalize(fragment) or fragment
    scores = [fuzz.ratio(normalize(part) or part, key) for part in parts]
    best = max(range(len(parts)), key=scores.__getitem__)
    if scores[best] < _SPELLING:
        return fragment
    return " ".join(fragment if i == best else part for i, part in enumerate(parts))


def _aliases(text: str, primary: str, person: bool) -> list[Name]:
    names: list[Name] = []
    parts = primary.split() if person else []
    for part in _ALIAS_SPLIT.split(text):
        value, lang = part.strip(), None
        if labelled := _LABELLED.fullmatch(value):
            lang, value = labelled.group(1), labelled.group(2).strip()
        value = _whole(value, parts) if value else value
        if value and value != primary:
            names.append(Name(value, "alias", script=non_latin_script(value), lang=lang))
    return names


def names_of(values: dict[str, str]) -> tuple[str, tuple[Name, ...]]:
    """The primary name and every name of a record's values (see ca_sema.yml fields)."""
    if "entity" in values:
        primary, names = values["entity"], [Name(values["entity"], "primary")]
    else:
        last, given = values.get("last_name", ""), values.get("given_name", "")
        primary = f"{given} {last}".strip()
        names = [Name(primary, "primary")]
        if last and given:  # keep which part is the surname
            names.append(Name(f"{last}, {given}", "variation"))
    aliases = _aliases(values.get("aliases", ""), primary, "entity" not in values)
    return primary, tuple(dict.fromkeys(names + aliases))
