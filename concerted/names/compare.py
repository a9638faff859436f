"""How alike two printed names are, order-insensitive, script-aware: `compare_forms`.

Pure. Two name forms are compared several ways and the best is kept:
- word alignment: each word of the shorter name is paired with its best partner in the
  longer (edit similarity, a transposition counting as one edit, raised where the consonant
  skeletons or metaphones agree, so Jassim/Jassem and Alexander/Alyaksandr count as one name;
  an initial meets any word it starts; `alqahtani` meets `al-Qahtani`); words left over in
  the longer name cost a little, a one-word name against a longer one is capped, and
  patronymics count only when both names print one;
- the words run together in printed order (`chen quan guo` = `Chen Quanguo`), or sorted;
- for Arabic-script names, the consonants of the whole name run together.
The weakest pair of aligned words is kept too: `Jamal`/`Kamal` in otherwise equal names is
how brothers look.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import OSA, Levenshtein
from rigour.text.phonetics import metaphone

from concerted.names.forms import NameForm
from concerted.names.latin import skeleton, strip_article

__all__ = ["NameMatch", "compare_forms", "token_similarity"]

_EXTRA_WORD_COST = 0.04  # what the extra words say is weighed by namefeature, by rarity
_ORG_EXTRA_WORD_COST = 0.04
_MONONYM_CAP = 0.75
_RUN_TOGETHER_FLOOR = {"joined": 0.9, "sorted": 0.9, "consonants": 0.85}
Weakest = tuple[str, str, float]


@dataclass(frozen=True, slots=True)
class NameMatch:
    score: float
    left: NameForm
    right: NameForm
    how: str  # aligned / joined / sorted / consonants
    extra_words: int
    weakest: Weakest | None = None  # the least alike pair of aligned words
    unmatched: tuple[str, ...] = ()  # words of the longer name left without a partner


@lru_cache(maxsize=1_000_000)
def token_similarity(a: str, b: str, abjad: bool = False) -> float:
    if a == b:
        return 1.0
    if len(a) == 1 or len(b) == 1:
        return 0.9 if a[0] == b[0] else 0.0
    a, b = strip_article(a), strip_article(b)
    best = OSA.normalized_similarity(a, b)  # a transposition (Kozhin/Kohzin) is one edit
    similar_length = min(len(a), len(b)) / max(len(a), len(b)) >= 0.75
    if best >= 0.65 and similar_length and len(a) > 2 and skeleton(a) == skeleton(b):
        best = max(best, 0.93)  # Jassim / Jassem: the same consonants, other vowels
    elif best >= 0.6 and len(a) > 3 and metaphone(a) == metaphone(b):
        best = max(best, 0.85)  # Alexander / Alyaksandr: the same sounds, spelled apart
    if abjad:
        best = max(best, 0.95 * Levenshtein.normalized_similarity(skeleton(a), skeleton(b)))
    return best


Aligned = tuple[float, tuple[str, ...], Weakest]


def _align(short: tuple[str, ...], long: tuple[str, ...], abjad: bool) -> Aligned:
    """Greedy best pairing: (length-weighted mean similarity, unpaired long words, weakest).

    Equal words pair first; each word left then takes its best partner among those left.
    """
    left = list(long)
    pairs: dict[int, tuple[str, float]] = {}
    for i, token in enumerate(short):
        if token in left:
            left.remove(token)
            pairs[i] = (token, 1.0)
    # The longest words choose first: they carry the most of the name.
    for i in sorted((i for i in range(len(short)) if i not in pairs), key=lambda i: -len(short[i])):
        best_j, best = -1, 0.5
        for j, candidate in enumerate(left):
            sim = token_similarity(short[i], candidate, abjad)
            if sim >= best:
                best_j, best = j, sim
        if best_j >= 0:
            pairs[i] = (left.pop(best_j), best)
    total = sum(sim * len(short[i]) for i, (_, sim) in pairs.items())
    weakest: Weakest = min(((short[i], *pairs.get(i, ("", 0.0))) for i in range(len(short))),
                           key=lambda w: w[2])
    return total / sum(len(t) for t in short), tuple(left), weakest


def _aligned(a: NameForm, b: NameForm, person: bool) -> Aligned:
    short, long = (a, b) if len(a.tokens) <= len(b.tokens) else (b, a)
    abjad = a.abjad or b.abjad
    score, unmatched, weakest = _align(short.tokens, long.tokens, abjad)
    score -= (_EXTRA_WORD_COST if person else _ORG_EXTRA_WORD_COST) * min(len(unmatched), 3)
    if len(short.tokens) == 1 and len(long.tokens) > 1:
        score = min(score, _MONONYM_CAP)
    if a.patronymics and b.patronymics:
        patronymic, _, _ = _align(short.patronymics or long.patronymics, long.patronymics, abjad)
        score = 0.8 * score + 0.2 * patronymic
    return score, unmatched, weakest


def _run_together(a: NameForm, b: NameForm) -> list[tuple[float, str]]:
    found = [(Levenshtein.normalized_similarity(a.compact, b.compact), "joined"),
             (Levenshtein.normalized_similarity(a.sorted_compact, b.sorted_compact), "sorted")]
    if a.abjad or b.abjad:
        consonants = Levenshtein.normalized_similarity(skeleton(a.compact), skeleton(b.compact))
        found.append((0.95 * consonants, "consonants"))
    # Run-together forms only count when nearly equal: they are blind to word boundaries.
    return [(score, how) for score, how in found if score >= _RUN_TOGETHER_FLOOR[how]]


def compare_forms(a: NameForm, b: NameForm, person: bool = True) -> NameMatch:
    aligned, unmatched, weakest = _aligned(a, b, person)
    best = NameMatch(max(0.0, min(1.0, aligned)), a, b, "aligned", len(unmatched), weakest,
                     unmatched)
    for score, how in _run_together(a, b):
        if score > best.score:
            best = NameMatch(min(1.0, score), a, b, how, 0, None)
    return best
