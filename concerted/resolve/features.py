"""The cheap evidence about a pair of records, each with a sentence saying what it found.

Pure. A `Feature` is a named contribution to the pair's log-odds (positive for agreement,
negative for conflict) with its explanation. Names are in `namefeature.py`: they are the
expensive part and run only for pairs the cheap evidence has not already ruled out.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from concerted.resolve.dates import compare_dates
from concerted.resolve.record import Record

__all__ = ["DATE_WEIGHTS", "UNIQUE_KINDS", "Feature", "birth_date", "countries", "gender",
           "identifiers", "programs", "schema"]

DATE_WEIGHTS = {"exact": 3.5, "month": 2.5, "year": 1.5, "range": 1.0, "typo": 1.0,
                "near": 0.0, "same_year": -1.5, "conflict": -5.0}
# Numbers given once per person, vessel or body: two different ones mean two different
# ones. Not a list's own references (a UK Sanctions List ref, an OFSI Group ID, an OFAC
# ent_num): a list can give one person two entries, each with its own reference.
UNIQUE_KINDS = frozenset({"un_ref", "imo"})
_DATE_WORDS = {
    "exact": "the same birth date", "month": "the same birth month and year",
    "year": "the same birth year", "range": "birth dates within the stated range",
    "typo": "birth dates that differ by a plausible typo", "near": "birth years one apart",
    "same_year": "the same birth year but different days", "conflict": "conflicting birth dates",
}


@dataclass(frozen=True, slots=True)
class Feature:
    name: str
    weight: float  # contribution to the log-odds of "same"
    explanation: str

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "weight": round(self.weight, 3),
                "explanation": self.explanation}


def birth_date(left: Record, right: Record) -> Feature:
    found = compare_dates(left.birth_dates, right.birth_dates)
    if found is None:
        side = "either" if not (left.birth_dates or right.birth_dates) else "one"
        return Feature("birth_date", 0.0, f"No birth date on {side} side: no evidence.")
    relation, a, b = found
    note = " (day and month swapped, or one digit off)" if relation == "typo" else ""
    return Feature("birth_date", DATE_WEIGHTS[relation],
                   f"{_DATE_WORDS[relation].capitalize()}{note}: {a} and {b}.")


def countries(left: Record, right: Record) -> Feature:
    if not (left.countries and right.countries):
        return Feature("nationality", 0.0, "Nationality not stated on both sides.")
    shared = sorted(left.countries & right.countries)
    if shared:
        return Feature("nationality", 0.8, f"Same nationality: {', '.join(shared)}.")
    a, b = ", ".join(sorted(left.countries)), ", ".join(sorted(right.countries))
    return Feature("nationality", -1.2, f"Different nationalities: {a} against {b} "
                   "(a dual national is possible).")


def gender(left: Record, right: Record) -> Feature:
    if not (left.gender and right.gender):
        return Feature("gender", 0.0, "Gender not stated on both sides.")
    if left.gender == right.gender:
        return Feature("gender", 0.2, f"Both {left.gender}.")
    return Feature("gender", -5.0, f"Different genders: {left.gender} and {right.gender}.")


def identifiers(left: Record, right: Record) -> Feature:
    shared = {v for _, v in left.identifiers} & {v for _, v in right.identifiers}
    if shared:
        return Feature("identifier", 5.0, f"Same document number: {', '.join(sorted(shared))}.")
    kinds = {k for k, _ in left.identifiers} & {k for k, _ in right.identifiers}
    unique = sorted(kinds & UNIQUE_KINDS)
    if unique:
        a, b = (sorted(v for k, v in r.identifiers if k == unique[0]) for r in (left, right))
        return Feature("identifier", -4.0, f"Different {unique[0]} numbers ({', '.join(a)} "
                       f"against {', '.join(b)}): one number names one listing.")
    if "passport" in kinds:
        return Feature("identifier", -0.5, "Different passport numbers (people hold several).")
    return Feature("identifier", 0.0, "No document number to compare.")


def programs(left: Record, right: Record) -> Feature:
    """Both lists act under the same kind of program (e.g. `magnitsky`, `russia`)."""
    contexts = sorted(left.contexts & right.contexts)
    if contexts:
        return Feature("program", 0.8, f"Both listed under {' and '.join(contexts)} programs.")
    return Feature("program", 0.0, "No program context in common.")


def schema(left: Record, right: Record) -> Feature:
    if left.schema == right.schema:
        return Feature("schema", 0.0, f"Both {left.schema}.")
    return Feature("schema", -0.3, f"{left.schema} and {right.schema}: compatible kinds.")
