"""How well a watched name matches a target's names, 0..1. Pure.

Uses the resolve helper's name comparison (`concerted.resolve.namesim`: order-insensitive,
transliterating, title- and patronymic-aware) where it is present, else rapidfuzz's
token-set ratio over normalised names; `SCORER` says which.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from normality import normalize
from rapidfuzz import fuzz

__all__ = ["SCORER", "best_match", "score"]


def _fallback(watched: str, name: str) -> float:
    left, right = normalize(watched, ascii=True) or "", normalize(name, ascii=True) or ""
    if not left or not right:
        return 0.0
    return float(fuzz.token_set_ratio(left, right)) / 100.0


def _resolve_scorer() -> Callable[[str, str], float] | None:
    try:
        from concerted.resolve.names import name_form
        from concerted.resolve.namesim import compare_forms
    except ImportError:
        return None

    def scored(watched: str, name: str) -> float:
        left, right = name_form(watched, True), name_form(name, True)
        if left is None or right is None:
            return 0.0
        return float(compare_forms(left, right, True).score)

    return scored


_resolve = _resolve_scorer()
SCORER = "concerted.resolve.namesim" if _resolve else "rapidfuzz.token_set_ratio"
score: Callable[[str, str], float] = _resolve or _fallback


def best_match(watched: str, names: Iterable[str]) -> tuple[float, str]:
    """The best (score, name) of `names` for one watched name."""
    return max(((score(watched, n), n) for n in names if n), default=(0.0, ""))
