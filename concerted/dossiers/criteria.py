"""Which listing criteria of a program an allegation's conduct falls under.

Pure. The answer comes from the programs registry's one eligibility function,
`concerted.programs.eligibility.eligible_programs`, so a dossier, the `eligible` command and
the gaps analysis can never disagree about what a program covers.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from concerted.programs import get_program
from concerted.programs.eligibility import eligible_programs
from concerted.programs.schema import Criterion

__all__ = ["allegation_programs", "fitting_criteria"]


def fitting_criteria(conduct: Sequence[str], program_id: str) -> tuple[Criterion, ...]:
    """The program's criteria covering any of `conduct` (empty when none does)."""
    if not conduct:
        return ()
    program = get_program(program_id)
    for result in eligible_programs(conduct, jurisdictions=[program.jurisdiction],
                                    active_only=False):
        if result.program.id == program.id:
            return tuple(criterion for criterion, _ in result.criteria)
    return ()


def allegation_programs(conduct: Sequence[str], programs: Iterable[str]) -> list[str]:
    """The programs among `programs` whose criteria this conduct falls under."""
    return [p for p in programs if fitting_criteria(conduct, p)]
