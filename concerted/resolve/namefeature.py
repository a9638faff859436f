"""The name evidence of a pair: the best alias-to-alias match, and how rare its words are.

Pure. Only alias pairs that share a word key (word, metaphone, skeleton, run-together form)
are compared in full, the most-sharing first, so records with dozens of aliases stay cheap.
How rare the matched words are (inverse document frequency over every listing) decides how
much an exact match of the names alone is worth: `Muhammad Ali` is many people,
`Quanguo Chen` is one.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from concerted.resolve.features import Feature
from concerted.resolve.namesim import NameMatch, compare_forms
from concerted.resolve.record import Record

__all__ = ["NAME_SLOPE", "best_name", "name_features"]

NAME_SLOPE = 12.0  # log-odds lost per unit of name similarity below 1
_MAX_COMPARED = 6


def _candidate_pairs(left: Record, right: Record) -> list[tuple[int, int]]:
    shared: Counter[tuple[int, int]] = Counter()
    small, large = (left, right) if len(left.key_index) <= len(right.key_index) else (right, left)
    for key, mine in small.key_index.items():
        theirs = large.key_index.get(key)
        if theirs:
            for i in mine:
                for j in theirs:
                    shared[(i, j) if small is left else (j, i)] += 1
    ranked = [pair for pair, _ in shared.most_common(_MAX_COMPARED)]
    return ranked or [(0, 0)]


def best_name(left: Record, right: Record) -> NameMatch | None:
    if not (left.names and right.names):
        return None
    person = left.is_person and right.is_person
    matches = (compare_forms(left.names[i], right.names[j], person)
               for i, j in _candidate_pairs(left, right))
    return max(matches, key=lambda m: (m.score, -m.extra_words))


def _rarity(match: NameMatch, idf: Callable[[str], float]) -> float:
    """0 (every word common) .. 1 (every word rare), over the shorter name's words."""
    short = min(match.left.tokens, match.right.tokens, key=len)
    return sum(min(1.0, idf(t) / 8.0) for t in short) / len(short)


def _quote(form_text: str, tokens: tuple[str, ...]) -> str:
    plain = " ".join(tokens)
    return f"'{form_text}'" if form_text.lower() == plain else f"'{form_text}' ({plain})"


def name_features(
    left: Record, right: Record, idf: Callable[[str], float],
) -> tuple[list[Feature], NameMatch | None]:
    match = best_name(left, right)
    if match is None:
        return [Feature("name", -NAME_SLOPE, "A side has no usable name.")], None
    names = f"{_quote(match.left.original, match.left.tokens)} and " \
            f"{_quote(match.right.original, match.right.tokens)}"
    extra = f", {match.extra_words} extra word(s)" if match.extra_words else ""
    text = f"Names {names}: similarity {match.score:.2f} ({match.how}{extra})."
    rarity = _rarity(match, idf)
    rare = Feature("name_rarity", 2.0 * (rarity - 0.5) * match.score,
                   f"Matched words are {'rare' if rarity >= 0.5 else 'common'} across the "
                   f"lists (rarity {rarity:.2f}).")
    return [Feature("name", NAME_SLOPE * (match.score - 1.0), text), rare], match
