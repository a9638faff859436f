"""The writing system of a name, for lists that print original-script names unlabelled.

Lists give names in Arabic, Cyrillic, Han... beside their Latin transliteration, usually
without saying which script it is. Matching and display treat those names differently, so
`Name.script` is filled from the letters themselves (Unicode character names).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

from concerted.model import Name

__all__ = ["names_by_script", "non_latin_script", "script_of", "split_scripts"]

# Unicode names the first word of which is not the script's usual English name.
_ALIASES = {"CJK": "Han", "HIRAGANA": "Japanese", "KATAKANA": "Japanese"}


@lru_cache(maxsize=4096)
def _letter_script(char: str) -> str | None:
    try:
        first = unicodedata.name(char).split(" ", 1)[0]
    except ValueError:  # unassigned code point
        return None
    return _ALIASES.get(first, first.title())


def script_of(text: str) -> str | None:
    """The dominant script of the letters in `text` ("Latin", "Arabic", "Han"...), or None."""
    if text.isascii():  # most names: skip the per-letter look-up
        return "Latin" if any(ch.isalpha() for ch in text) else None
    counts = Counter(_letter_script(ch) for ch in text if ch.isalpha())
    counts.pop(None, None)
    if not counts:
        return None
    return counts.most_common(1)[0][0]


def non_latin_script(text: str) -> str | None:
    """The script of a name that is not written in Latin letters, else None."""
    script = script_of(text)
    return None if script == "Latin" else script


# Languages lists name in brackets after a name (DFAT: `ኤርሚኣስ ግርማይ (Tigrinya)`): a label,
# not a second name.
_LANGUAGES = frozenset({
    "amharic", "arabic", "chinese", "dari", "farsi", "korean", "pashto", "persian", "russian",
    "tigrinya", "ukrainian", "urdu",
})
_GLOSSED = re.compile(r"(?P<outer>[^()]+?)\s*\((?P<inner>[^()]+)\)")


def split_scripts(text: str) -> tuple[str, ...]:
    """A name written in one script with its form in another in brackets (`Jin Tiesan
    (金铁三)`, `أبو شيماء (Abu-Shaima; Abu- Shayma)`) as its separate names, each in one
    script; any other text unchanged. Brackets in one script (`(a.k.a. …)`) are no gloss."""
    match = _GLOSSED.fullmatch(text.strip())
    if match is None:
        return (text,)
    outer, inner = match["outer"].strip(), match["inner"]
    outer_script, inner_script = script_of(outer), script_of(inner)
    if outer_script is None or inner_script is None or outer_script == inner_script:
        return (text,)
    if inner.strip().lower() in _LANGUAGES:
        return (text,)
    parts = [part.strip() for part in inner.split(";")]
    return tuple(dict.fromkeys([outer, *(part for part in parts if part)]))


def names_by_script(value: str, kind: str, quality: str | None = None) -> list[Name]:
    """The Name(s) of one printed name, split by `split_scripts`, each with its script. A
    gloss of a primary name is its original-script form (or a variation, if Latin)."""
    names = []
    for index, part in enumerate(split_scripts(value)):
        script = non_latin_script(part)
        part_kind = kind if index == 0 or kind != "primary" else (
            "original" if script else "variation")
        names.append(Name(part, part_kind, quality, script))
    return names
