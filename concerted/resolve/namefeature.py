"""The name evidence of a pair: the best alias-to-alias match, and how rare its words are.

Pure. Only alias pairs that share a word key (word, metaphone, skeleton, run-together form)
are compared in full, the most-sharing first, so records with dozens of aliases stay cheap.
How much information the matched name carries (the inverse document frequencies of its
words over every listing, added) decides how much an exact match of the names alone is
worth: `Muhammad Ali` is many people, `Korea Pugang Trading Corporation` one body.
A given name with no good partner (`Jamal`/`Kamal`, `Ayshat`/`Ramzan`) counts against.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from concerted.names.compare import NameMatch, compare_forms
from concerted.resolve.features import Feature
from concerted.resolve.record import Record

__all__ = ["INFO_CAP", "NAME_SLOPE", "best_name", "name_features"]

NAME_SLOPE = 12.0  # log-odds lost per unit of name similarity below 1
# The information (summed IDF) at which a name is neither rare nor common: people's given
# names and surnames recur in combination far more than the words of a body's name.
INFO_CENTRE = {True: 7.0, False: 5.0}
INFO_SCALE = 2.0
INFO_CAP = 3.0
CONFLICT_BELOW = 0.82
RARE_WORD = 7.0  # an organisation's word this rare must match well
CONFLICT_WEIGHT = -2.5  # at the threshold; more the less alike the two words are
CONFLICT_SLOPE = 5.0
EXTRA_RATE = {True: 0.15, False: 0.2}  # log-odds lost per unit of information one side lacks
EXTRA_CAP = 3.0
PRIMARY_BELOW = 0.6
PRIMARY_WEIGHT = -1.0
# A person's weak alias is a nickname; a body's is mostly its acronym (OFAC grades every
# acronym "weak"), which is no weaker than its name: said, but not weighed.
WEAK_WEIGHT = {True: -1.5, False: 0.0}
_MAX_COMPARED = 4


def _candidate_pairs(left: Record, right: Record) -> list[tuple[int, int]]:
    shared: Counter[tuple[int, int]] = Counter()
    small, large = (left, right) if len(left.key_index) <= len(right.key_index) else (right, left)
    for key, mine in small.key_index.items():
        theirs = large.key_index.get(key)
        if theirs:
            for i in mine:
                for j in theirs:
                    shared[(i, j) if small is left else (j, i)] += 1
    ranked = sorted(shared, key=lambda pair: (-shared[pair], pair))[:_MAX_COMPARED]
    return ranked or [(0, 0)]


def best_name(left: Record, right: Record) -> NameMatch | None:
    if not (left.names and right.names):
        return None
    person = left.is_person and right.is_person
    best: NameMatch | None = None
    for i, j in _candidate_pairs(left, right):
        match = compare_forms(left.names[i], right.names[j], person)
        if best is None or (match.score, -match.extra_words) > (best.score, -best.extra_words):
            best = match
        if best.score >= 1.0 and not best.extra_words:
            break  # nothing beats an exact match
    return best


def _bits(token: str, idf: Callable[[str], float]) -> float:
    """The information in one word: its IDF; an initial says little."""
    return idf(token) if len(token) > 1 else 1.0


def _information(match: NameMatch, idf: Callable[[str], float]) -> float:
    """How much the matched name says: the rarity (IDF) of the shorter name's words, added."""
    short = min(match.left.tokens, match.right.tokens, key=len)
    return sum(_bits(token, idf) for token in short) * match.score


def _quote(form_text: str, tokens: tuple[str, ...]) -> str:
    plain = " ".join(tokens)
    return f"'{form_text}'" if form_text.lower() == plain else f"'{form_text}' ({plain})"


def _rarity(match: NameMatch, idf: Callable[[str], float], person: bool) -> Feature:
    bits = _information(match, idf)
    weight = max(-1.5, min(INFO_CAP, (bits - INFO_CENTRE[person]) / INFO_SCALE))
    kind = "rare" if weight > 0 else "common"
    return Feature("name_rarity", weight, f"The matched name is {kind} across the lists "
                   f"(information {bits:.1f}).")


def _conflict(match: NameMatch, person: bool, idf: Callable[[str], float]) -> Feature | None:
    """A word of the shorter name with no good partner: how relatives and namesakes look.

    For organisations only a rare word counts (`Ryongwang`/`Kuryonggang`); common ones
    vary freely (`Industrial`/`Industries`).
    """
    if match.weakest is None or match.weakest[2] >= CONFLICT_BELOW:
        return None
    mine, theirs, sim = match.weakest
    if not person and idf(mine) < RARE_WORD:
        return None
    weight = CONFLICT_WEIGHT - CONFLICT_SLOPE * (CONFLICT_BELOW - sim)
    found = f"'{theirs}'" if theirs else "nothing"
    what = "A given name differs" if person else "A distinctive word differs"
    return Feature("name_conflict", weight, f"{what}: '{mine}' meets {found} "
                   f"(similarity {sim:.2f}); relatives, namesakes and sister bodies look "
                   "like this.")


def _extra(match: NameMatch, person: bool, idf: Callable[[str], float]) -> Feature | None:
    """Rare words one name has and the other lacks: `Abdul Haq` is not `Abdul Haq Wassiq`,
    `Avia Group` is not `Avia Group Nord`."""
    if not match.unmatched:
        return None
    bits = sum(_bits(token, idf) for token in match.unmatched)
    weight = -min(EXTRA_CAP, EXTRA_RATE[person] * bits)
    return Feature("name_extra", weight, f"Words on one side only: {' '.join(match.unmatched)} "
                   f"(information {bits:.1f}).")


def _weak(match: NameMatch, person: bool) -> Feature | None:
    if not (match.left.weak or match.right.weak):
        return None
    return Feature("weak_alias", WEAK_WEIGHT[person], "The names meet only through a weak alias "
                   "(a low-quality a.k.a. or a bare kunya such as 'Abu Ubaidah').")


def _primaries(left: Record, right: Record, match: NameMatch, person: bool) -> Feature | None:
    """Only aliases meet while the main names differ: a shared nickname or a shared alias
    of two bodies (`Ansar al-Sharia` is a name of more than one group)."""
    primary_l, primary_r = left.names[0], right.names[0]
    if match.left is primary_l or match.right is primary_r:
        return None
    main = compare_forms(primary_l, primary_r, person)
    if main.score >= PRIMARY_BELOW:
        return None
    return Feature("primary_names", PRIMARY_WEIGHT, f"Only aliases meet: the main names "
                   f"'{primary_l.original}' and '{primary_r.original}' differ "
                   f"(similarity {main.score:.2f}).")


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
    person = left.is_person and right.is_person
    found = [Feature("name", NAME_SLOPE * (match.score - 1.0), text),
             _rarity(match, idf, person)]
    more = (_conflict(match, person, idf), _extra(match, person, idf), _weak(match, person),
            _primaries(left, right, match, person))
    return [*found, *(feature for feature in more if feature)], match
