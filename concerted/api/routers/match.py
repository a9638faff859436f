"""`POST /match/{dataset}`: yente-compatible matching (`default` = every source)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from concerted.api.deps import StateDep
from concerted.api.errors import ApiError
from concerted.api.match_models import MatchRequest, MatchResponse
from concerted.state.explain import scorer_for
from concerted.views.match import MatchQuery, dataset_sources, match_query

__all__ = ["router"]

router = APIRouter(tags=["match"])


@router.post("/match/{dataset}", response_model=MatchResponse)
async def match(state: StateDep, dataset: str, body: MatchRequest,
          limit: Annotated[int, Query(ge=1, le=100)] = 5,
          threshold: Annotated[float, Query(ge=0.0, le=1.0)] = 0.7,
          algorithm: Annotated[str, Query(max_length=40)] = "best") -> dict[str, Any]:
    """Score each query entity against the targets of `dataset` (a source id, a
    jurisdiction, or `default` for every source); `match` is true at `threshold` or above."""
    sources = dataset_sources(state, dataset)
    if sources is None:
        raise ApiError(404, f"no dataset {dataset!r}: use default, a source id or a "
                            "jurisdiction code")
    scorer = scorer_for(state)
    if algorithm not in ("best", scorer.name):
        raise ApiError(400, f"algorithm: use best or {scorer.name}")
    responses = {key: match_query(state, MatchQuery(q.schema_, q.properties), sources, limit,
                                  threshold) for key, q in body.queries.items()}
    return {"responses": responses, "matcher": {"name": scorer.name}, "limit": limit}
