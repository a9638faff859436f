"""Program pages: the index, one program with live figures, the comparison (with CSV and
XLSX downloads) and the eligibility explorer."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import HTMLResponse

from concerted.api.errors import ApiError
from concerted.programs import UnknownConduct, UnknownProgram, conduct_vocabulary
from concerted.programs.comparison import compare_rows, select
from concerted.programs.eligibility import eligible_programs
from concerted.views.programs import program_page, programs_index
from concerted.web.templating import PageDep, query_string

__all__ = ["router"]

router = APIRouter()
Text = Annotated[str | None, Query(max_length=40)]


@router.get("/programs", response_class=HTMLResponse)
def programs_page(page: PageDep, jurisdiction: Text = None, theme: Text = None) -> HTMLResponse:
    rows = programs_index(page.state, jurisdiction, theme)
    params = {"jurisdiction": jurisdiction, "theme": theme}
    return page.render("programs.html", f"/api/v1/programs?{query_string(**params)}", rows=rows,
                       params=params)


@router.get("/programs/compare", response_class=HTMLResponse)
def compare_page(page: PageDep, jurisdiction: Text = None, theme: Text = None) -> HTMLResponse:
    params = {"jurisdiction": jurisdiction, "theme": theme}
    rows = compare_rows(select(jurisdiction, theme))
    return page.render("compare.html", f"/api/v1/programs/compare?{query_string(**params)}",
                       rows=rows, params=params, query=query_string(**params),
                       conduct=conduct_vocabulary())


@router.get("/programs/{program_id}", response_class=HTMLResponse)
def program_detail_page(page: PageDep, program_id: str) -> HTMLResponse:
    try:
        data = program_page(page.state, program_id)
    except UnknownProgram as exc:
        raise ApiError(404, str(exc.args[0])) from None
    return page.render("program.html", f"/api/v1/programs/{data['id']}", p=data)


@router.get("/eligible", response_class=HTMLResponse)
def eligible_page(page: PageDep, conduct: Annotated[list[str] | None, Query()] = None,
                  country: Annotated[str | None, Query(max_length=2)] = None) -> HTMLResponse:
    chosen = [c for c in conduct or [] if c]
    try:
        results = [r.to_dict() for r in eligible_programs(
            chosen, target_country=country or None)] if chosen else []
    except UnknownConduct as exc:
        raise ApiError(400, f"conduct: {exc}") from None
    params = {"conduct": chosen, "country": country}
    return page.render("eligible.html", f"/api/v1/eligible?{query_string(**params)}",
                       results=results, chosen=chosen, country=country or "",
                       vocabulary=conduct_vocabulary())
