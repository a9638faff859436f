"""A printed name as the parts that matter for matching: `NameForm`.

Pure. Titles and honorifics (`General`, `Sheikh`, `Dr`) and particles (`al`, `bin`, `van`)
are dropped, and company legal forms (`LLC`, `OOO`) for organisations: rigour's person
prefixes and (outside Latin script) org types first, then the word lists here, which also
catch titles inside a name and transliterated forms. Patronymics (`Akhmatovich`,
`Ramzanovna`, `oglu`) are set apart, because one list prints them and another does not.
`SURNAME, Given` is turned round, so the order-sensitive forms agree too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rigour.names import remove_org_types, remove_person_prefixes

from concerted.names.latin import ABJADS, latin, words
from concerted.names.scripts import script_of

__all__ = ["HONORIFICS", "KUNYA", "NameForm", "is_patronymic", "name_form", "variants"]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


HONORIFICS = _words("""
mr mrs ms miss dr prof professor sir lord dame hon excellency his her
general gen lt lieutenant colonel col major maj brigadier brig captain capt admiral adm
commander cmdr sergeant sgt marshal army police senior junior jr sr
sheikh shaikh sheik shaykh haji hajji alhaj alhaji mullah mulla maulavi maulvi mawlawi
maulana mawlana qari imam ayatollah hojatoleslam sayyed mufti
""")
PARTICLES = _words("al el ul bin ibn bint binti ben de da del der van von la le du")
KUNYA = frozenset({"abu", "abou", "umm", "um"})
# Notes some lists put inside a name: "Abdul Baqi (previously listed as)".
NOTES = _words("previously formerly listed as also known aka fka nka")
LEGAL_FORMS = _words("""
llc ltd limited co company inc incorporated corp jsc ojsc pjsc cjsc ooo zao oao pao ao tov
gmbh ag sa sarl sas spa srl bv nv plc fze fzco fzc fzllc lp llp pte pty bhd sdn
public joint stock liability open closed private the kompaniya obshchestvo obschestvo
aktsionernoe aktsionernoye publichnoe publichnoye otkrytoe otkrytoye zakrytoe zakrytoye
ogranichennoi ogranichennoy otvetstvennostyu s
""")
_PATRONYMIC_ENDINGS = ("ovich", "evich", "ovitch", "evitch", "ovic", "evic", "ovna", "evna",
                       "ovych", "evych", "ivna", "ichna", "avich", "auna",
                       "ogly", "oglu", "ogli", "kyzy", "qizi", "gizi")


def is_patronymic(token: str) -> bool:
    return len(token) > 5 and token.endswith(_PATRONYMIC_ENDINGS)


@dataclass(frozen=True, slots=True)
class NameForm:
    original: str
    tokens: tuple[str, ...]  # the name's words, printed order, given names first
    patronymics: tuple[str, ...]
    abjad: bool  # written in Arabic script: compare by consonant skeleton
    weak: bool  # a low-quality alias
    compact: str  # tokens joined, printed order ("chenquanguo")
    sorted_compact: str  # tokens sorted, then joined


def _turn_round(text: str) -> str:
    if text.count(",") == 1:
        family, given = (part.strip() for part in text.split(","))
        if family and given:
            return f"{given} {family}"
    return text


# Abbreviations organisations' names are printed with, read as the word.
ABBREVIATIONS = {"shpg": "shipping", "intl": "international", "mfg": "manufacturing",
                 "ind": "industries", "inds": "industries", "dept": "department",
                 "govt": "government", "natl": "national", "assn": "association",
                 "grp": "group", "svcs": "services", "tech": "technology"}
_DROP = {True: HONORIFICS | PARTICLES | NOTES, False: PARTICLES | LEGAL_FORMS | NOTES}


def _without_affixes(text: str, person: bool, latin_script: bool) -> str:
    """The name without what rigour knows to be no part of it: a person's leading titles in
    Latin script (`Rear Admiral`, `Doctor`, `The`), an organisation's legal forms in other
    scripts (`ООО`, `Публичное акционерное общество`), where the word lists below, which are
    Latin, cannot reach. In Latin script rigour's org types also take words that are names
    here (`SAD`, `Ku'` of KU'MHAERYONG, `in`), so the word lists alone decide there."""
    if person:
        bare = remove_person_prefixes(text) if latin_script else text
    elif latin_script:
        bare = text
    else:
        # rigour matches its forms casefolded (`ооо`, not `ООО`); the tokens are lower anyway.
        bare = remove_org_types(text.casefold())
    return bare if bare.strip() else text  # a name that is only a title or a form stays


def _tokens(text: str, person: bool) -> list[str]:
    # Titles are English words: only Latin names lose them (عمر is Omar, not "Mr").
    latin_script = text.isascii() or script_of(text) == "Latin"
    drop = _DROP[person] if latin_script else PARTICLES
    bare = _without_affixes(text, person, latin_script)
    found = [w for w in words(latin(_turn_round(bare), person)) if w not in drop]
    return found if person else [ABBREVIATIONS.get(w, w) for w in found]


_BRACKETS = re.compile(r"\(([^)]*)\)")


def variants(text: str) -> list[str]:
    """The names one printed name holds: `Haqqani Network (HQN)` is also `Haqqani Network`
    and `HQN`; `MAKHTAB AL-KHIDAMAT/AL KIFAH` is also each side of the slash."""
    found = [text]
    inner = [part.strip() for part in _BRACKETS.findall(text)]
    bare = _BRACKETS.sub(" ", text).strip()
    if inner and bare:
        found += [bare, *inner]
    for name in list(found):
        if "/" in name and not re.search(r"\d/\d", name):
            found += [part.strip() for part in name.split("/")]
    return [name for name in dict.fromkeys(found) if name]


def name_form(text: str, person: bool, weak: bool = False) -> NameForm | None:
    """The comparable form of one printed name, or None when nothing is left of it."""
    tokens = _tokens(text, person)
    if not tokens:
        return None
    half = len(tokens) // 2
    if len(tokens) >= 4 and len(tokens) % 2 == 0 and tokens[:half] == tokens[half:]:
        tokens = tokens[:half]  # "Jin Tiesan (金铁三)": the original script repeats the name
    core = [t for t in tokens if not (person and is_patronymic(t))] or tokens
    # A bare kunya ("Abu Ubaidah", "father of Ubaidah") is a nickname many men share.
    weak = weak or (person and len(core) <= 2 and core[0] in KUNYA)
    patronymics = tuple(t for t in tokens if t not in core)
    return NameForm(
        original=text,
        tokens=tuple(core),
        patronymics=patronymics,
        abjad=not text.isascii() and script_of(text) in ABJADS,
        weak=weak,
        compact="".join(core),
        sorted_compact="".join(sorted(core)),
    )
