"""`/api/v1/search` and `/api/v1/targets/{target_id}`."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query

from concerted.api import checks
from concerted.api.deps import PageDep, StateDep
from concerted.api.errors import ApiError
from concerted.api.models import SearchResponse
from concerted.api.target_models import Network, Suggestion, TargetResponse
from concerted.views.network import network
from concerted.views.search import SearchFilter, search, suggest
from concerted.views.targets import target_detail

__all__ = ["SearchParams", "router", "search_filter"]

router = APIRouter(tags=["targets"])

Text = Annotated[str | None, Query(max_length=100)]


async def search_filter(state: StateDep, jurisdiction: Text = None, program: Text = None,
                        theme: Text = None,
                  schema: Text = None, nationality: Text = None,
                  since: Annotated[date | None, Query(description="Designated on or after")] = None,
                  until: Annotated[date | None, Query(description="Designated on or before")] = None
                  ) -> SearchFilter:
    if since and until and since > until:
        raise ApiError(400, "since: must not be after until")
    return SearchFilter(checks.jurisdiction(jurisdiction), checks.program(state, program),
                        checks.theme(theme), schema or None,
                        checks.country(nationality, "nationality"), since, until)


SearchParams = Annotated[SearchFilter, Depends(search_filter)]


@router.get("/search", response_model=SearchResponse)
async def search_targets(state: StateDep, page: PageDep, flt: SearchParams,
                   q: Annotated[str, Query(max_length=200, examples=["zhu hailun"])] = ""
                   ) -> dict[str, Any]:
    """Names and aliases in any script; filters narrow to designations matching them all."""
    return search(state, q, flt, page)


@router.get("/suggest", response_model=list[Suggestion])
async def suggest_targets(state: StateDep, q: Annotated[str, Query(max_length=200)] = "",
                    limit: Annotated[int, Query(ge=1, le=20)] = 8) -> list[dict[str, Any]]:
    """Type-ahead: the best few targets for a partial name, with the name that matched."""
    return suggest(state, q, limit)


@router.get("/network/{target_id:path}", response_model=Network,
            response_model_exclude_unset=True)  # jurisdictions' nodes have no url
async def get_network(state: StateDep, target_id: str) -> dict[str, Any]:
    """A target's round and links as graph nodes and edges (the web network view)."""
    graph = network(state, target_id)
    if graph is None:
        raise ApiError(404, f"no target {target_id!r}")
    return graph


@router.get("/targets/{target_id:path}", response_model=TargetResponse)
async def get_target(state: StateDep, target_id: str) -> dict[str, Any]:
    """A target with its listings side by side, designations, gap, rounds, explanations."""
    detail = target_detail(state, target_id)
    if detail is None:
        raise ApiError(404, f"no target {target_id!r}")
    return detail
