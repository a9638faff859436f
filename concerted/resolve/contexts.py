"""What kind of program a listing is under, comparable across jurisdictions.

Pure. Two lists that act under the same kind of program (both a Magnitsky-style regime,
both a Russia regime, both counter-terrorism) make a same-name pair more likely the same
person: weak evidence, but what is left when a list prints nothing but a name (Canada 2020).
A context is read from the program's theme (human rights / corruption) or from a keyword
in its id or raw name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from concerted.model import ProgramRef

__all__ = ["program_contexts"]

_THEMES = {"human_rights": "magnitsky-style", "corruption": "magnitsky-style"}
_KEYWORDS = (
    ("glomag", "magnitsky-style"), ("magnit", "magnitsky-style"), ("jvcf", "magnitsky-style"),
    ("human rights", "magnitsky-style"), ("anti-corruption", "magnitsky-style"),
    ("russia", "russia"), ("ukrain", "russia"), ("belarus", "belarus"), ("iran", "iran"),
    ("syria", "syria"), ("dprk", "dprk"), ("korea", "dprk"), ("burma", "myanmar"),
    ("myanmar", "myanmar"), ("libya", "libya"), ("iraq", "iraq"), ("sudan", "sudan"),
    ("somalia", "somalia"), ("yemen", "yemen"), ("mali", "mali"), ("venezuela", "venezuela"),
    ("nicaragua", "nicaragua"), ("zimbabwe", "zimbabwe"), ("lebanon", "lebanon"),
    ("hizballah", "terrorism"), ("hezbollah", "terrorism"), ("taliban", "terrorism"),
    ("sdgt", "terrorism"), ("terror", "terrorism"), ("isil", "terrorism"),
    ("qaida", "terrorism"), ("1267", "terrorism"), ("cyber", "cyber"), ("balkan", "balkans"),
    ("ifsr", "iran"), ("irgc", "iran"), ("npwmd", "proliferation"),
    ("nuclear", "proliferation"), ("wmd", "proliferation"), ("congo", "drc"), ("drc", "drc"),
    ("central african", "car"), ("haiti", "haiti"),
)


_PATTERNS = tuple((re.compile(rf"\b{re.escape(word)}"), context) for word, context in _KEYWORDS)


@lru_cache(maxsize=4096)
def _contexts(program: ProgramRef) -> frozenset[str]:
    found = {_THEMES[program.theme]} if program.theme in _THEMES else set()
    text = f"{program.id or ''} {program.raw}".lower()
    found.update(context for pattern, context in _PATTERNS if pattern.search(text))
    return frozenset(found)


def program_contexts(programs: Iterable[ProgramRef]) -> frozenset[str]:
    found: set[str] = set()
    for program in programs:
        found |= _contexts(program)
    return frozenset(found)
