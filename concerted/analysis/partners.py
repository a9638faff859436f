"""The partners a gap is sought against, and what each could use: the bridge between the gaps
analysis and the program registry's single eligibility function. Pure.

Every tracked government is a partner, with what we hold of its lists (`holdings`): one whose
list we lack, or whose held lists leave out the regime that could act, is named as not known
rather than counted as missing. A program counts as eligible when its criteria cover
the conduct and it plainly applies to the target; a country program that applies only to
targets connected with a country the target is not known to belong to does not make a gap.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from concerted.analysis.gap_types import EligibleProgram
from concerted.analysis.gaps import Partner
from concerted.analysis.holdings import STALE_DAYS, Holding, holdings
from concerted.analysis.inputs import Inputs

if TYPE_CHECKING:
    from concerted.programs.eligibility import Eligibility

__all__ = ["input_holdings", "partners", "registry_eligibility"]


def input_holdings(inputs: Inputs, stale_days: int = STALE_DAYS) -> dict[str, Holding]:
    """What is held of each government's lists, in the analysis inputs."""
    return holdings(inputs.calendars, stale_days=stale_days, extra=inputs.jurisdictions)


def partners(inputs: Inputs, stale_days: int = STALE_DAYS) -> list[Partner]:
    return [Partner(j, h.newest, h) for j, h in input_holdings(inputs, stale_days).items()]


def registry_eligibility(theme: str, jurisdiction: str, countries: Sequence[str]
                         ) -> list[EligibleProgram]:
    """`concerted.programs.eligibility.eligible_programs` for one partner and the target's
    countries (each tried; none known: the programs that apply to anyone)."""
    found = {p.id: p for country in countries or (None,)
             for p in _eligible_for(theme, jurisdiction, country)}
    return sorted(found.values(), key=lambda p: p.id)


@lru_cache(maxsize=4096)
def _eligible_for(theme: str, jurisdiction: str, country: str | None
                  ) -> tuple[EligibleProgram, ...]:
    # Imported here for start-up time: the program data takes a fifth of a second to load
    # and check, which a command answering from kept results does not need.
    from concerted.programs.eligibility import eligible_programs

    results = eligible_programs([theme], jurisdictions=[jurisdiction],
                                target_country=country.upper() if country else None)
    return tuple(_eligible(r) for r in results if r.scope is None)


def _eligible(result: Eligibility) -> EligibleProgram:
    program = result.program
    criteria = "; ".join(
        f"{criterion.text.rstrip('.')} [{', '.join(sorted(matched))}]"
        for criterion, matched in result.criteria
    )
    return EligibleProgram(program.id, program.jurisdiction, program.name, criteria)
