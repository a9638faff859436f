"""Scoring a pair of records: a number in [0, 1] that carries its explanation.

Pure. A `Scorer` is anything with a `name` and a `score(left, right, floor)` method; `SCORERS`
is a plain registry of factories (each takes the word-rarity function of the corpus), so a
stronger scorer can replace `rules-v1` without touching the orchestrator.

`rules-v1` adds the log-odds of its features and maps the sum through the logistic function.
Cheap features come first; if even a perfect name could not lift the pair to `floor`, the
names are never compared and the score is that upper bound, marked incomplete.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from concerted.resolve import features as f
from concerted.resolve.namefeature import INFO_CAP, name_features
from concerted.resolve.orgs import subordinate
from concerted.resolve.record import Record

__all__ = ["SCORERS", "RuleScorer", "Score", "Scorer", "get_scorer"]

_BIAS = 0.0
_BEST_NAME = INFO_CAP  # the most a perfect, rare name adds (see namefeature.name_features)


@dataclass(frozen=True, slots=True)
class Score:
    left: str
    right: str
    score: float
    features: tuple[f.Feature, ...]
    complete: bool = True

    def explanation(self) -> list[str]:
        return [feature.explanation for feature in self.features]

    def features_dict(self) -> list[dict[str, Any]]:
        return [feature.to_dict() for feature in self.features]


class Scorer(Protocol):
    name: str

    def score(self, left: Record, right: Record, floor: float = 0.0) -> Score: ...


def _logistic(log_odds: float) -> float:
    return 1.0 / (1.0 + math.exp(-log_odds))


class RuleScorer:
    """Hand-weighted evidence: names, birth dates, nationality, gender, documents, programs."""

    name = "rules-v1"

    def __init__(self, idf: Callable[[str], float]) -> None:
        self.idf = idf

    def score(self, left: Record, right: Record, floor: float = 0.0) -> Score:
        cheap = [f.identifiers(left, right), f.birth_date(left, right), f.gender(left, right),
                 f.countries(left, right), f.programs(left, right), f.schema(left, right)]
        partial = _BIAS + sum(feature.weight for feature in cheap)
        if _logistic(partial + _BEST_NAME) < floor:
            note = f.Feature("name", 0.0, "Names not compared: the other evidence rules it out.")
            return Score(left.ref, right.ref, _logistic(partial + _BEST_NAME),
                         (*cheap, note), complete=False)
        names, match = name_features(left, right, self.idf)
        unit = subordinate(match, left.is_person and right.is_person)
        found = (*names, *([unit] if unit else []), *cheap)
        total = _BIAS + sum(feature.weight for feature in found)
        return Score(left.ref, right.ref, _logistic(total), found)


SCORERS: dict[str, Callable[[Callable[[str], float]], Scorer]] = {RuleScorer.name: RuleScorer}


def get_scorer(name: str, idf: Callable[[str], float]) -> Scorer:
    try:
        return SCORERS[name](idf)
    except KeyError:
        raise KeyError(f"unknown scorer {name!r}; known: {', '.join(sorted(SCORERS))}") from None
