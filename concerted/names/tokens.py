"""How names are cut into search tokens, in any script. Pure.

A name gives its transliterated ASCII words (`朱海仑` → `zhu hai lun`, `Лукашенко` →
`lukasenko`), its words in their own script (lower-cased), each Han, Kana or Hangul character
on its own (those scripts write no spaces), and every two neighbouring ASCII words joined
(`hai lun` → `hailun`), so that `zhu hailun` finds the pinyin of `朱海仑` too.
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

from normality import normalize

__all__ = ["ascii_form", "name_tokens", "query_tokens", "word_key"]

_IDEOGRAPHIC = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")


@lru_cache(maxsize=65536)
def ascii_form(text: str) -> str:
    return normalize(text, ascii=True) or ""


def word_key(text: str) -> str | None:
    """The name's ASCII words in sorted order: the same for `KADYROV, Ramzan` and `Ramzan
    Kadyrov` (order, case, accents and punctuation aside); None for a name with no words."""
    words = ascii_form(text).split()
    return " ".join(sorted(words)) if words else None


def _native(text: str) -> list[str]:
    words = (normalize(text) or "").split()
    found: list[str] = []
    for word in words:
        chars = _IDEOGRAPHIC.findall(word)
        found.extend(chars if chars else [word])
    return found


def name_tokens(text: str) -> set[str]:
    words = ascii_form(text).split()
    tokens = set(words) | set(_native(text))
    tokens.update(a + b for a, b in itertools.pairwise(words))
    return {t for t in tokens if t}


def query_tokens(text: str) -> list[str]:
    """The tokens a query must all match (each as a prefix of some token of one target)."""
    native = _native(text)
    if any(_IDEOGRAPHIC.match(token) for token in native):
        return list(dict.fromkeys(native))
    return list(dict.fromkeys(ascii_form(text).split()))
