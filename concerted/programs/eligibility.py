"""Which governments could act on this conduct? Programs whose criteria cover it.

`eligible_programs` is the single answer to that question in Concerted: the `eligible`
command, the gaps analysis ("who has not acted, and under what could they?") and the
dossier criteria mapping all call it, so they can never disagree.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from concerted.programs.registry import all_programs, expand_conduct, source
from concerted.programs.schema import Criterion, Program
from concerted.programs.views import program_heading

__all__ = ["COUNTRY_SCOPE_UNKNOWN", "Eligibility", "by_jurisdiction", "eligible_programs"]

COUNTRY_SCOPE_UNKNOWN = "country program — check its scope"


@dataclass(frozen=True)
class Eligibility:
    """A program that could be used, the criteria that fit, and any limit on its scope."""

    program: Program
    criteria: tuple[tuple[Criterion, frozenset[str]], ...]  # each fitting criterion, matched ids
    scope: str | None  # None when it plainly applies to this target

    def to_dict(self) -> dict[str, Any]:
        program = self.program
        return {
            **program_heading(program),
            "verified": program.verified,
            "scope": self.scope,
            "criteria": [_criterion_dict(c, matched) for c, matched in self.criteria],
            "submission": _submission_dict(program),
        }


def eligible_programs(
    conduct: Iterable[str],
    *,
    jurisdictions: Iterable[str] | None = None,
    target_country: str | None = None,
    active_only: bool = True,
    programs: Iterable[Program] | None = None,
) -> list[Eligibility]:
    """Programs, by jurisdiction, whose criteria cover any of `conduct`.

    `conduct` takes category ids (`bribery`, `torture`) and group aliases (`corruption`,
    `human_rights`, `cyber`); an unknown term raises `UnknownConduct`. A country program
    applies only when `target_country` (ISO alpha-2) is among its target countries; without
    a target country, or when its targets are unknown, it is kept with a `scope` note.
    Called by the `eligible` command, the gaps analysis and the dossier criteria mapping.
    `programs` defaults to the registry's (tests pass their own).
    """
    wanted = expand_conduct(conduct)
    places = None if jurisdictions is None else {j.lower() for j in jurisdictions}
    country = target_country.upper() if target_country else None
    found = []
    for program in all_programs() if programs is None else programs:
        if (active_only and program.status != "active") or (
                places is not None and program.jurisdiction not in places):
            continue
        fitting = tuple((c, frozenset(c.conduct) & wanted) for c in program.criteria
                        if wanted.intersection(c.conduct))
        applies, scope = _scope(program, country)
        if fitting and applies:
            found.append(Eligibility(program, fitting, scope))
    return sorted(found, key=_order)


def by_jurisdiction(results: Iterable[Eligibility]) -> dict[str, list[Eligibility]]:
    grouped: dict[str, list[Eligibility]] = {}
    for result in results:
        grouped.setdefault(result.program.jurisdiction, []).append(result)
    return grouped


def _order(result: Eligibility) -> tuple[str, bool, str]:
    # Within a jurisdiction, thematic programs first: they need no link to a country.
    program = result.program
    return program.jurisdiction, program.type == "country", program.id


def _scope(program: Program, country: str | None) -> tuple[bool, str | None]:
    targets = program.target_countries
    if targets is None:
        return True, COUNTRY_SCOPE_UNKNOWN if program.type == "country" else None
    if country is None:
        return True, f"only for targets connected with {', '.join(targets)}"
    return country in targets, None


def _criterion_dict(criterion: Criterion, matched: frozenset[str]) -> dict[str, Any]:
    return {"conduct": sorted(matched), "text": criterion.text,
            "condition": criterion.condition, "sources": _sources(criterion.sources)}


def _submission_dict(program: Program) -> dict[str, Any]:
    submission = program.submission
    if submission is None:
        return {}
    return {"channel": submission.channel, "contact": submission.contact,
            "guides": _sources(submission.guides), "sources": _sources(submission.sources)}


def _sources(ids: Iterable[str]) -> list[dict[str, str]]:
    return [source(i).model_dump() for i in ids]
