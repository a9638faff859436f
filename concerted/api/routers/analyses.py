"""`/api/v1/coverage`, `/rounds`, `/gaps`, `/lags`: the coordination analyses."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response

from concerted.analysis.filters import Filter
from concerted.api import checks
from concerted.api.analysis_models import (
    CoveragePage,
    GapsPage,
    LagsPage,
    RoundDetail,
    RoundsPage,
)
from concerted.api.deps import PageDep, StateDep
from concerted.api.errors import ApiError
from concerted.api.models import unvalidated
from concerted.views.coverage import coverage_view
from concerted.views.gaps import GapFilter, gaps_view
from concerted.views.lags import lags_view
from concerted.views.rounds import RoundFilter, round_detail, rounds_view

__all__ = ["coverage_filter", "gap_filter", "round_filter", "router"]

router = APIRouter(tags=["analyses"])
Text = Annotated[str | None, Query(max_length=100)]
Day = Annotated[date | None, Query()]


def _ordered(since: date | None, until: date | None) -> None:
    if since and until and since > until:
        raise ApiError(400, "since: must not be after until")


async def coverage_filter(state: StateDep, program: Text = None, theme: Text = None,
                          jurisdiction: Text = None, country: Text = None, since: Day = None,
                          until: Day = None, current_only: bool = False) -> Filter:
    _ordered(since, until)
    return Filter(programs=_one(checks.program(state, program)),
                  themes=_one(checks.theme(theme)),
                  jurisdictions=_one(checks.jurisdiction(jurisdiction)),
                  countries=_one(checks.country(country)), since=since,
                  until=until, current_only=current_only)


def _one(value: str | None) -> tuple[str, ...]:
    return (value,) if value else ()


async def round_filter(state: StateDep, jurisdiction: Text = None, program: Text = None,
                       since: Day = None, until: Day = None, theme: Text = None,
                       all_themes: bool = False) -> RoundFilter:
    """By default rounds with a human-rights, corruption or cyber designation; `all_themes`
    adds country programs' rounds and UN transpositions (each marked `un_listing`)."""
    _ordered(since, until)
    return RoundFilter(checks.jurisdiction(jurisdiction), checks.program(state, program),
                       since, until, checks.theme(theme), all_themes)


async def gap_filter(missing: Annotated[str | None, Query(max_length=8, examples=["au"])] = None,
               theme: Text = None, country: Text = None, include_stale: bool = True
               ) -> GapFilter:
    return GapFilter(checks.jurisdiction(missing, "missing"), checks.theme(theme),
                     checks.country(country), include_stale)


@router.get("/coverage", response_model=CoveragePage)
async def coverage(state: StateDep, page: PageDep, flt: Annotated[Filter, Depends(coverage_filter)],
             min_jurisdictions: Annotated[int, Query(ge=1, le=10)] = 1) -> Response:
    """Targets × jurisdictions with the programs and dates in each cell, most covered first."""
    return unvalidated(coverage_view(state, flt, min_jurisdictions, page))


@router.get("/rounds", response_model=RoundsPage)
async def rounds(state: StateDep, page: PageDep,
           flt: Annotated[RoundFilter, Depends(round_filter)]) -> dict[str, Any]:
    """Coordinated rounds, newest first: targets designated by 2+ jurisdictions within days."""
    return rounds_view(state, flt, page)


@router.get("/rounds/{round_id}", response_model=RoundDetail)
async def get_round(state: StateDep, round_id: str) -> dict[str, Any]:
    """One round: who acted first, who followed, each target's designations."""
    detail = round_detail(state, round_id)
    if detail is None:
        raise ApiError(404, f"no round {round_id!r}")
    return detail


@router.get("/gaps", response_model=GapsPage)
async def gaps(state: StateDep, page: PageDep, flt: Annotated[GapFilter, Depends(gap_filter)]
         ) -> Response:
    """Targets partners could designate under a program of their own and have not; ranked."""
    return unvalidated(gaps_view(state, flt, page))


@router.get("/lags", response_model=LagsPage)
async def lags(state: StateDep, page: PageDep, follower: Text = None, first: Text = None,
         program: Text = None) -> dict[str, Any]:
    """Days from a target's first designation to each other jurisdiction's, with summaries."""
    return lags_view(state, checks.jurisdiction(follower, "follower"),
                     checks.jurisdiction(first, "first"), checks.program(state, program), page)
