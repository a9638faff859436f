"""Names in any script to comparable Latin tokens.

Pure. Cyrillic goes through ICU's BGN/PCGN romanisation, the one the lists themselves use
(`Ахматович` → `Akhmatovich`, not `Ahmatovic`); everything else through ICU
`Any-Latin; Latin-ASCII`. Han names are
read as Chinese personal names: the first syllable (or a known two-character surname) is the
family name and the rest one given name, so `陈全国` becomes `chen quanguo` and meets the
lists' own `CHEN, Quanguo`. Arabic-script names keep their article apart (`القحطاني` →
`al qahtani`) and are marked *abjad*: their Latin has no short vowels, so they are compared
by consonant skeleton (see `skeleton`).
"""

from __future__ import annotations

import re
from functools import lru_cache

import icu

from concerted.names.scripts import script_of

__all__ = ["ABJADS", "latin", "skeleton", "strip_article", "words"]

ABJADS = frozenset({"Arabic", "Hebrew", "Syriac", "Thaana"})
_HAN_SURNAMES_2 = frozenset({"欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容",
                             "令狐", "夏侯", "司徒", "长孙", "宇文", "轩辕", "端木"})
_HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_ARABIC_ARTICLE = re.compile(r"(?<![\u0600-\u06ff])ال(?=[\u0600-\u06ff]{2})")
_WORD = re.compile(r"[a-z0-9]+")
_VOWELS = re.compile(r"[aeiouwy]")
_DOUBLES = re.compile(r"(.)\1+")
_MERGES = (("dzh", "j"), ("zh", "j"), ("kh", "h"), ("g", "h"), ("x", "ks"), ("ph", "f"),
           ("ck", "k"), ("q", "k"), ("c", "k"))
_ANY = "Any-Latin; Latin-ASCII"


@lru_cache(maxsize=4)
def _icu(rule: str) -> icu.Transliterator:
    return icu.Transliterator.createInstance(rule)


def _han_name(run: str) -> str:
    """One Han run as `family given`: 陈全国 → `chen quanguo`."""
    split = 2 if run[:2] in _HAN_SURNAMES_2 and len(run) > 2 else 1
    to_latin = _icu("Han-Latin; Latin-ASCII").transliterate
    family = str(to_latin(run[:split])).replace(" ", "")
    given = str(to_latin(run[split:])).replace(" ", "")
    return f"{family} {given}".strip()


@lru_cache(maxsize=200_000)
def latin(text: str, person: bool = True) -> str:
    """`text` in lower-case ASCII Latin, whatever script it was written in.

    Han runs in a person's name are read as `family given`; in other names, syllable by
    syllable.
    """
    if text.isascii():
        return text.lower()
    script = script_of(text)
    if person and _HAN_RUN.search(text):
        text = _HAN_RUN.sub(lambda m: f" {_han_name(m.group(0))} ", text)
    if script in ABJADS:
        text = _ARABIC_ARTICLE.sub("ال ", text)
    rule = "Russian-Latin/BGN; Any-Latin; Latin-ASCII" if script == "Cyrillic" else _ANY
    # BGN marks some letter pairs with a middle dot (Лукашэнка → lukash·enka); Persian
    # writes a zero-width non-joiner inside words (خامنه‌ای). Neither is a word boundary.
    text = text.replace("\u200c", "")
    return str(_icu(rule).transliterate(text)).replace("\u00b7", "").lower()


def words(text: str) -> list[str]:
    """The alphanumeric words of an already Latin, lower-case text (apostrophes dropped)."""
    return _WORD.findall(text.replace("'", "").replace("ʿ", "").replace("ʾ", ""))


@lru_cache(maxsize=200_000)
def skeleton(token: str) -> str:
    """The consonants of a word, spelled the same whatever the transliteration.

    Vowels go, and so do `w` and `y`: Arabic script writes no short vowels and uses its `w`
    and `y` letters for long ones (سعود → `swd`, Saud → `sd`). Letters that transliterations
    of one sound disagree on are merged: `kh`/`h`/`g` (Russian renders Ukrainian and Arabic
    H as G: Serhiy/Sergey, Halina/Galina), `x`/`ks`, `ph`/`f`, `dzh`/`zh`/`j`; doubled
    consonants count once (Jassim/Jasim).
    """
    text = token
    for old, new in _MERGES:
        text = text.replace(old, new)
    text = _VOWELS.sub("", text)
    text = _DOUBLES.sub(r"\1", text)
    return text or token


@lru_cache(maxsize=200_000)
def strip_article(token: str) -> str:
    """`alqahtani` → `qahtani`: the Arabic article written joined to the name, where it is."""
    if len(token) >= 6 and token[:2] in ("al", "el") and token[2] not in "aeiouy":
        return token[2:]
    return token
