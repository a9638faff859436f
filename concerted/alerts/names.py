"""How well a watched name matches a target's names, 0..1. Pure.

The names module's comparison (`concerted.names.compare`: order-insensitive,
transliterating, title- and patronymic-aware), as resolution uses it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from concerted.names.compare import compare_forms
from concerted.names.forms import name_form

__all__ = ["SCORER", "best_match", "score"]

SCORER = "concerted.names.compare"


def _score(watched: str, name: str) -> float:
    left, right = name_form(watched, True), name_form(name, True)
    if left is None or right is None:
        return 0.0
    return float(compare_forms(left, right, True).score)


score: Callable[[str, str], float] = _score


def best_match(watched: str, names: Iterable[str]) -> tuple[float, str]:
    """The best (score, name) of `names` for one watched name."""
    return max(((score(watched, n), n) for n in names if n), default=(0.0, ""))
