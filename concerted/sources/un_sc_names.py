"""Names of one UN consolidated-list entry: the primary name, original script and aliases.

Individuals' names are split over FIRST_NAME…FOURTH_NAME in the order they are written (not
surname first); aliases are graded Good / Low (individuals) or typed a.k.a. / f.k.a.
(entities), and an alias "previously listed as" was once the primary name.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from lxml import etree
from pydantic import BaseModel

from concerted.model import Name
from concerted.names.scripts import names_by_script, non_latin_script
from concerted.sources.un_sc_fields import text

__all__ = ["AliasQuality", "names_of"]

_PARTS = ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")


class AliasQuality(BaseModel):
    kind: str
    quality: str | None = None


def _primary_name(entry: etree._Element) -> str:
    return " ".join(part for part in (text(entry, tag) for tag in _PARTS) if part)


def _alias(
    alias: etree._Element, qualities: Mapping[str, AliasQuality], fka_notes: Sequence[str]
) -> tuple[list[Name], str]:
    value, note = text(alias, "ALIAS_NAME"), text(alias, "NOTE")
    if not value:
        return [], ""
    grade = qualities.get(text(alias, "QUALITY"), AliasQuality(kind="alias"))
    fka = any(marker in note.lower() for marker in fka_notes)
    found = names_by_script(value, "fka" if fka else grade.kind, grade.quality)
    return found, "" if not note or note.lower() in fka_notes else f"Alias {value}: {note}"


def names_of(
    entry: etree._Element, qualities: Mapping[str, AliasQuality], fka_notes: Sequence[str]
) -> tuple[str, tuple[Name, ...], list[str]]:
    """The primary name, every name, and notes the list attached to aliases."""
    primary = _primary_name(entry)
    names = [Name(primary, "primary")]
    if original := text(entry, "NAME_ORIGINAL_SCRIPT"):
        names.append(Name(original, "original", script=non_latin_script(original)))
    notes = []
    for alias in entry.iterfind(f"{entry.tag}_ALIAS"):
        found, note = _alias(alias, qualities, fka_notes)
        names += found
        notes += [note] if note else []
    return primary, tuple(dict.fromkeys(names)), notes
