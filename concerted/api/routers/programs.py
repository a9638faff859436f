"""`/api/v1/programs`, `/programs/{id}`, `/programs/compare` and `/eligible`."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query
from fastapi.responses import Response

from concerted.api import checks
from concerted.api.deps import StateDep
from concerted.api.errors import ApiError
from concerted.api.export_models import COMPARE_RESPONSES
from concerted.api.program_models import Eligible, ProgramPage, ProgramSummary
from concerted.programs import UnknownConduct, UnknownProgram, get_program
from concerted.programs.comparison import compare_rows, matrix_csv, select
from concerted.programs.eligibility import eligible_programs
from concerted.programs.workbook import to_xlsx
from concerted.views.exports import MEDIA_TYPES
from concerted.views.programs import program_page, programs_index

__all__ = ["router"]

router = APIRouter(tags=["programs"])
Text = Annotated[str | None, Query(max_length=40)]


@router.get("/programs", response_model=list[ProgramSummary])
def list_programs(state: StateDep, jurisdiction: Text = None, theme: Text = None
                  ) -> list[dict[str, Any]]:
    """Programs of the registry with how many current listings cite each."""
    return programs_index(state, checks.program_jurisdiction(jurisdiction), checks.theme(theme))


@router.get("/programs/compare", response_model=None, responses=COMPARE_RESPONSES)
def compare(jurisdiction: Text = None, theme: Text = None,
            format: Literal["json", "csv", "xlsx"] = "json") -> Any:
    """Programs side by side: conduct covered, measures, standard, submission channel."""
    programs = select(checks.program_jurisdiction(jurisdiction), checks.theme(theme))
    if format == "json":
        return compare_rows(programs)
    body = to_xlsx(programs) if format == "xlsx" else matrix_csv(programs).encode("utf-8")
    return Response(body, media_type=MEDIA_TYPES[format], headers={
        "Content-Disposition": f'attachment; filename="programs.{format}"'})


@router.get("/programs/{program_id}", response_model=ProgramPage)
def get_program_page(state: StateDep, program_id: str) -> dict[str, Any]:
    """Everything the registry says, with live figures and the listings behind each."""
    try:
        found = get_program(program_id)
        if (found.family and not found.target_countries
                and program_id not in checks.known_programs(state)):
            raise UnknownProgram(f"no program {program_id!r}: it is not in the program data, "
                                 "and no list held carries it")
        return program_page(state, program_id)
    except UnknownProgram as exc:
        raise ApiError(404, str(exc.args[0])) from None


@router.get("/eligible", response_model=list[Eligible],
            response_model_exclude_unset=True)  # `submission` is {} when not known
def eligible(conduct: Annotated[list[str], Query(min_length=1, examples=[["torture"]])],
             country: Annotated[str | None, Query(pattern=r"^[A-Za-z]{2}$")] = None,
             jurisdiction: Annotated[list[str] | None, Query()] = None,
             include_inactive: bool = False) -> list[dict[str, Any]]:
    """Programs whose criteria cover the conduct: who could act, and how to ask them."""
    try:
        wanted = [checks.program_jurisdiction(j) or "" for j in jurisdiction or []]
        found = eligible_programs(conduct, jurisdictions=wanted or None,
                                  target_country=country, active_only=not include_inactive)
    except UnknownConduct as exc:
        raise ApiError(400, f"conduct: {exc}") from None
    return [r.to_dict() for r in found]
