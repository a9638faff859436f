"""A printed name as the parts that matter for matching: `NameForm`.

Pure. Titles and honorifics (`General`, `Sheikh`, `Dr`) and particles (`al`, `bin`, `van`)
are dropped; patronymics (`Akhmatovich`, `Ramzanovna`, `oglu`) are set apart, because one list
prints them and another does not; company legal forms (`LLC`, `OOO`) are dropped for
organisations. `SURNAME, Given` is turned round, so the order-sensitive forms agree too.
"""

from __future__ import annotations

from dataclasses import dataclass

from concerted.resolve.text import ABJADS, latin, words
from concerted.sources.scripts import script_of

__all__ = ["HONORIFICS", "NameForm", "is_patronymic", "name_form"]

HONORIFICS = frozenset("""
mr mrs ms miss dr prof professor sir lord dame hon excellency his her
general gen lt lieutenant colonel col major maj brigadier brig captain capt admiral adm
commander cmdr sergeant sgt marshal army police senior junior jr sr
sheikh shaikh sheik shaykh haji hajji alhaj alhaji mullah mulla maulavi maulvi mawlawi
maulana mawlana qari imam ayatollah hojatoleslam sayyed mufti
""".split())
PARTICLES = frozenset("al el ul bin ibn bint binti ben de da del der van von la le du".split())
LEGAL_FORMS = frozenset("""
llc ltd limited co company inc incorporated corp jsc ojsc pjsc cjsc ooo zao oao pao ao tov
gmbh ag sa sarl sas spa srl bv nv plc fze fzco fzc fzllc lp llp pte pty bhd sdn
""".split())
_PATRONYMIC_ENDINGS = ("ovich", "evich", "ovitch", "evitch", "ovic", "evic", "ovna", "evna",
                       "ovych", "evych", "ivna", "ichna",
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


_DROP = {True: HONORIFICS | PARTICLES, False: PARTICLES | LEGAL_FORMS}


def _tokens(text: str, person: bool) -> list[str]:
    drop = _DROP[person]
    return [w for w in words(latin(_turn_round(text))) if w not in drop]


def name_form(text: str, person: bool, weak: bool = False) -> NameForm | None:
    """The comparable form of one printed name, or None when nothing is left of it."""
    tokens = _tokens(text, person)
    if not tokens:
        return None
    core = [t for t in tokens if not (person and is_patronymic(t))] or tokens
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
