"""Organisations: a parent and its subordinate unit share most words and are not the same.

Pure. `Xinjiang Production and Construction Corps` and `Xinjiang Production and Construction
Corps Public Security Bureau` align word for word, with three words left over; when what is
left over names a unit (bureau, department, brigade...), the pair is very likely a body and
one of its parts, and this feature says so.
"""

from __future__ import annotations

from concerted.names.compare import NameMatch
from concerted.resolve.features import Feature

__all__ = ["UNIT_WORDS", "subordinate"]

_UNITS = """
bureau department dept office branch unit division directorate directorates brigade battalion
regiment corps command committee commission ministry police security service services
agency administration section sector detachment squad center centre institute school
headquarters hq station prison camp group subsidiary factory plant district province
provincial municipal city county regional
"""
UNIT_WORDS = frozenset(_UNITS.split())


def subordinate(match: NameMatch | None, person: bool) -> Feature | None:
    if match is None or person or not match.extra_words:
        return None
    short, long = sorted((match.left, match.right), key=lambda form: len(form.tokens))
    extra = sorted(set(long.tokens) - set(short.tokens))
    units = [word for word in extra if word in UNIT_WORDS]
    if not units:
        return None
    return Feature("subordinate", -3.0, f"'{long.original}' adds {' '.join(extra)} to "
                   f"'{short.original}': likely a subordinate unit, not the same body.")
