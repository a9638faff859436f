"""The writing system of a name, for lists that print original-script names unlabelled.

Lists give names in Arabic, Cyrillic, Han... beside their Latin transliteration, usually
without saying which script it is. Matching and display treat those names differently, so
`Name.script` is filled from the letters themselves (Unicode character names).
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from functools import lru_cache

__all__ = ["non_latin_script", "script_of"]

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
