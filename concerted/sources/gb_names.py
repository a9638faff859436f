"""Names as the UK lists print them: six numbered parts, a name type and an alias grade.

`Name 6` is the surname (or an entity's or ship's whole name) and `Name 1`–`Name 5` the given
and other names, so a person's name reads naturally as `Name 1 … Name 5 Name 6`; the
list's surname-first order is kept too, as `SURNAME, Given`, beside each primary name.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from concerted.model import Name
from concerted.names import scripts
from concerted.sources.gb_shared import CONLIST, clean

__all__ = ["latin_names", "original_names", "render", "script_of"]


def render(parts: Sequence[str]) -> str:
    """(`Name 6`, `Name 1`, …, `Name 5`) -> `Name 1 … Name 5 Name 6`."""
    return clean(" ".join([*parts[1:6], parts[0]]))


def _surname_first(parts: Sequence[str]) -> str | None:
    given = clean(" ".join(parts[1:6]))
    surname = clean(parts[0])
    return f"{surname}, {given}" if surname and given else None


def latin_names(rows: Iterable[Sequence[str]], person: bool) -> list[Name]:
    """Rows of (`Name 6`, `Name 1`…`Name 5`, name type, quality), primary names first."""
    names: list[Name] = []
    for row in rows:
        value = render(row)
        if not value:
            continue
        kind = CONLIST.name_types.get(row[6].lower(), "alias")
        quality = CONLIST.qualities.get(row[7].lower())
        names.append(Name(value=value, kind=kind, quality=quality))
        inverted = _surname_first(row) if person and kind == "primary" else None
        if inverted:
            names.append(Name(value=inverted, kind=kind, quality=quality))
    # Stable: the list's own order within each kind, the designated name(s) first.
    return sorted(names, key=lambda name: name.kind != "primary")


def original_names(rows: Iterable[Sequence[str]]) -> list[Name]:
    """Rows of (name in non-Latin script, script type, language) as printed."""
    names = []
    for value, label, lang in rows:
        value = clean(value)
        if value:
            script = script_of(value, label)
            names.append(Name(value=value, kind="original", script=script, lang=lang or None))
    return names


def script_of(value: str, label: str = "") -> str | None:
    """The script of a name from its letters; the list's label only when letters say nothing.

    The label is unreliable (`Cryillic`, `Russian`, and Latin transliterations filed as
    Cyrillic), the letters are not.
    """
    return scripts.script_of(value) or (CONLIST.scripts.get(label.lower()) if label else None)
