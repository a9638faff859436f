"""How alike two printed names are, order-insensitive, script-aware: `name_similarity`.

Pure. Two name forms are compared three ways and the best is kept:
- token alignment: each word of the shorter name paired with its best partner in the longer
  (edit similarity; an initial meets any word it starts; Arabic-script names by consonant
  skeleton; `alqahtani` meets `al-Qahtani`); words left over in the longer name cost a little,
  a one-word name against a longer one is capped, patronymics only count when both print one;
- the words run together in printed order (`chen quan guo` = `Chen Quanguo`);
- the words sorted and run together.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from concerted.resolve.names import NameForm
from concerted.resolve.text import skeleton, strip_article

__all__ = ["NameMatch", "compare_forms", "token_similarity"]

_EXTRA_WORD_COST = 0.08
_ORG_EXTRA_WORD_COST = 0.2
_MONONYM_CAP = 0.75


@dataclass(frozen=True, slots=True)
class NameMatch:
    score: float
    left: NameForm
    right: NameForm
    how: str  # aligned / joined / sorted
    extra_words: int


@lru_cache(maxsize=1_000_000)
def token_similarity(a: str, b: str, abjad: bool = False) -> float:
    if a == b:
        return 1.0
    if len(a) == 1 or len(b) == 1:
        return 0.9 if a[0] == b[0] else 0.0
    best = Levenshtein.normalized_similarity(a, b)
    stripped_a, stripped_b = strip_article(a), strip_article(b)
    if (stripped_a, stripped_b) != (a, b):
        best = max(best, Levenshtein.normalized_similarity(stripped_a, stripped_b))
    if abjad:
        skel_a, skel_b = skeleton(stripped_a), skeleton(stripped_b)
        best = max(best, 0.95 * Levenshtein.normalized_similarity(skel_a, skel_b))
    return best


def _align(short: tuple[str, ...], long: tuple[str, ...], abjad: bool) -> tuple[float, int]:
    """Greedy best pairing; (length-weighted mean similarity of the short name, unpaired)."""
    scored = sorted(
        ((token_similarity(a, b, abjad), i, j) for i, a in enumerate(short)
         for j, b in enumerate(long)),
        reverse=True,
    )
    used_i: set[int] = set()
    used_j: set[int] = set()
    total = 0.0
    for sim, i, j in scored:
        if i in used_i or j in used_j or sim < 0.5:
            continue
        used_i.add(i)
        used_j.add(j)
        total += sim * len(short[i])
    weight = sum(len(t) for t in short)
    return total / weight, len(long) - len(used_j)


def _aligned(a: NameForm, b: NameForm, person: bool) -> tuple[float, int]:
    short, long = (a, b) if len(a.tokens) <= len(b.tokens) else (b, a)
    abjad = a.abjad or b.abjad
    score, extra = _align(short.tokens, long.tokens, abjad)
    cost = _EXTRA_WORD_COST if person else _ORG_EXTRA_WORD_COST
    score -= cost * min(extra, 3)
    if len(short.tokens) == 1 and len(long.tokens) > 1:
        score = min(score, _MONONYM_CAP)
    if a.patronymics and b.patronymics:
        patronymic, _ = _align(short.patronymics or long.patronymics, long.patronymics, abjad)
        score = 0.8 * score + 0.2 * patronymic
    return score, extra


def compare_forms(a: NameForm, b: NameForm, person: bool = True) -> NameMatch:
    aligned, extra = _aligned(a, b, person)
    joined = Levenshtein.normalized_similarity(a.compact, b.compact)
    ordered = Levenshtein.normalized_similarity(a.sorted_compact, b.sorted_compact)
    # Run-together forms only count when nearly equal: they are blind to word boundaries.
    candidates = [(aligned, "aligned", extra)]
    if joined >= 0.9:
        candidates.append((joined, "joined", 0))
    if ordered >= 0.9:
        candidates.append((ordered, "sorted", 0))
    score, how, extra_words = max(candidates, key=lambda c: c[0])
    return NameMatch(max(0.0, min(1.0, score)), a, b, how, extra_words)
