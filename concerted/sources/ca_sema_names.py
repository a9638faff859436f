"""Names of a `sema-lmes.xml` record: the primary name and the comma-separated aliases.

Persons are printed `GivenName LastName` (the list's own field order kept as a `LAST, Given`
variation); 2021+ files label original-script aliases with their language
(`Belarusian: Андрэй ...`) and sometimes join two aliases with "or".
"""

from __future__ import annotations

import re

from concerted.model import Name
from concerted.sources.scripts import non_latin_script

__all__ = ["names_of"]

_ALIAS_SPLIT = re.compile(r",|\s+or\s+")
_LABELLED = re.compile(r"([A-Z][a-z]+):\s*(.+)")


def _aliases(text: str, primary: str) -> list[Name]:
    names: list[Name] = []
    for part in _ALIAS_SPLIT.split(text):
        value, lang = part.strip(), None
        if labelled := _LABELLED.fullmatch(value):
            lang, value = labelled.group(1), labelled.group(2).strip()
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
    return primary, tuple(names + _aliases(values.get("aliases", ""), primary))
