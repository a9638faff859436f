"""Coverage matrix, rounds (list and detail), gaps and lags pages."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query
from fastapi.responses import HTMLResponse

from concerted.analysis.filters import Filter
from concerted.api.deps import PageDep as PagingDep
from concerted.api.errors import ApiError
from concerted.api.routers.analyses import coverage_filter, gap_filter, round_filter
from concerted.choices import JURISDICTIONS
from concerted.programs import all_programs
from concerted.views.coverage import coverage_view
from concerted.views.gaps import GapFilter, gaps_view
from concerted.views.holdings import holdings_json
from concerted.views.lags import lags_view
from concerted.views.rounds import RoundFilter, round_detail, rounds_view
from concerted.web.templating import PageDep, query_string

__all__ = ["router"]

router = APIRouter()
Text = Annotated[str | None, Query(max_length=100)]


@router.get("/coverage", response_class=HTMLResponse)
def coverage_page(page: PageDep, paging: PagingDep,
                  flt: Annotated[Filter, Depends(coverage_filter)],
                  min_jurisdictions: Annotated[int, Query(ge=1, le=10)] = 2) -> HTMLResponse:
    data = coverage_view(page.state, flt, min_jurisdictions, paging)
    params = {"program": ",".join(flt.programs), "theme": ",".join(flt.themes),
              "jurisdiction": ",".join(flt.jurisdictions), "country": ",".join(flt.countries),
              "min_jurisdictions": min_jurisdictions}
    return page.render("coverage.html", f"/api/v1/coverage?{query_string(**params)}", data=data,
                       params=params)


@router.get("/rounds", response_class=HTMLResponse)
def rounds_page(page: PageDep, paging: PagingDep,
                flt: Annotated[RoundFilter, Depends(round_filter)]) -> HTMLResponse:
    params = {k: v for k, v in vars(flt).items() if v}
    return page.render("rounds.html", f"/api/v1/rounds?{query_string(**params)}",
                       data=rounds_view(page.state, flt, paging), params=params,
                       jurisdictions=JURISDICTIONS, programs=[p.id for p in all_programs()])


@router.get("/rounds/{round_id}", response_class=HTMLResponse)
def round_page(page: PageDep, round_id: str) -> HTMLResponse:
    detail = round_detail(page.state, round_id)
    if detail is None:
        raise ApiError(404, f"no round {round_id!r}")
    return page.render("round.html", f"/api/v1/rounds/{round_id}", r=detail)


@router.get("/gaps", response_class=HTMLResponse)
def gaps_page(page: PageDep, paging: PagingDep,
              flt: Annotated[GapFilter, Depends(gap_filter)]) -> HTMLResponse:
    params = {"missing": flt.missing, "theme": flt.theme, "country": flt.country}
    jurisdictions = holdings_json(page.state)  # every government, with what we hold of it
    return page.render("gaps.html", f"/api/v1/gaps?{query_string(**params)}",
                       data=gaps_view(page.state, flt, paging), params=params,
                       export=query_string(**params), jurisdictions=jurisdictions)


@router.get("/lags", response_class=HTMLResponse)
def lags_page(page: PageDep, paging: PagingDep, follower: Text = None, first: Text = None,
              program: Text = None) -> HTMLResponse:
    params = {"follower": follower, "first": first, "program": program}
    data = lags_view(page.state, follower, first, program, paging)
    return page.render("lags.html", f"/api/v1/lags?{query_string(**params)}", data=data,
                       params=params)
