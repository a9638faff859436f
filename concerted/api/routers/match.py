"""`POST /match/{dataset}`: yente-compatible matching (`default` = every source), and its
GET form for one entity (the JSON twin of the web match page).

Scoring is CPU work of up to seconds for a large request, so it never runs on the event
loop: it runs in a worker thread, at most `_SCORING_THREADS` requests at a time (the rest
wait their turn without holding a thread), while `/healthz` and every other page still
answer. Requests are capped (`concerted.matching.query`) and each client has a budget of
names per minute (`CONCERTED_MATCH_RATE`), refused with 429 and `Retry-After` beyond it.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Annotated, Any

import anyio
from fastapi import APIRouter, Query, Request

from concerted.api.deps import StateDep, who
from concerted.api.errors import ApiError
from concerted.api.limits import ClientBudget
from concerted.api.match_models import MatchRequest, MatchResponse, QueryResponse
from concerted.matching.query import (
    DEFAULT_LIMIT,
    DEFAULT_THRESHOLD,
    MAX_VALUES,
    MatchQuery,
    QueryError,
    check_request,
)
from concerted.state.model import State
from concerted.views.match import state_matcher

__all__ = ["router", "run_match"]

router = APIRouter(tags=["match"])
_SCORING_THREADS = 2  # the machine's cores; more threads only share the same GIL

Limit = Annotated[int, Query(ge=1, le=100)]
Threshold = Annotated[float, Query(ge=0.0, le=1.0)]
Values = Annotated[list[str], Query(max_length=MAX_VALUES)]
MoreValues = Annotated[list[str] | None, Query(max_length=MAX_VALUES)]


def _client(request: Request) -> str:
    user = who(request).user
    if user is not None:
        return f"user:{user.id}"
    return f"address:{request.client.host if request.client else 'unknown'}"


def _too_many(wait: float, rate: int) -> ApiError:
    error = ApiError(429, f"too many names matched from this client: at most {rate} a minute; "
                          f"try again in {math.ceil(wait)} s")
    error.headers = {"Retry-After": str(math.ceil(wait))}
    return error


async def run_match(request: Request, state: State, dataset: str,
                    queries: Mapping[str, MatchQuery], limit: int,
                    threshold: float) -> dict[str, Any]:
    """Check, admit and score the queries off the event loop: `{key: query response}`."""
    try:
        names = check_request(queries)
    except QueryError as exc:
        raise ApiError(400, str(exc)) from None
    matcher = state_matcher(state)
    sources = matcher.sources(dataset)
    if sources is None:
        raise ApiError(404, f"no dataset {dataset!r}: use default, a source id or a "
                            "jurisdiction code")
    wait = _budget(request).spend(_client(request), names)
    if wait is not None:
        raise _too_many(wait, request.app.state.options.match_rate)

    def score() -> dict[str, Any]:
        return {key: matcher.match(q, sources, limit, threshold) for key, q in queries.items()}

    limiter: anyio.CapacityLimiter | None = getattr(request.app.state, "match_limiter", None)
    if limiter is None:
        limiter = request.app.state.match_limiter = anyio.CapacityLimiter(_SCORING_THREADS)
    return await anyio.to_thread.run_sync(score, limiter=limiter)


def _budget(request: Request) -> ClientBudget:
    app_state = request.app.state
    budget: ClientBudget | None = getattr(app_state, "match_budget", None)
    if budget is None:
        budget = app_state.match_budget = ClientBudget(app_state.options.match_rate)
    return budget


def _algorithm(state: State, algorithm: str) -> str:
    name = state_matcher(state).scorer.name
    if algorithm not in ("best", name):
        raise ApiError(400, f"algorithm: use best or {name}")
    return name


@router.post("/match/{dataset}", response_model=MatchResponse)
async def match(request: Request, state: StateDep, dataset: str, body: MatchRequest,
                limit: Limit = DEFAULT_LIMIT, threshold: Threshold = DEFAULT_THRESHOLD,
                algorithm: Annotated[str, Query(max_length=40)] = "best") -> dict[str, Any]:
    """Score each query entity against the targets of `dataset` (a source id, a
    jurisdiction, or `default` for every source); `match` is true at `threshold` or above.
    At most 20 queries, 10 names each and 50 names in all; values of at most 200 characters."""
    name = _algorithm(state, algorithm)
    queries = {key: MatchQuery(q.schema_, q.properties) for key, q in body.queries.items()}
    responses = await run_match(request, state, dataset, queries, limit, threshold)
    return {"responses": responses, "matcher": {"name": name}, "limit": limit}


@router.get("/match/{dataset}", response_model=QueryResponse)
async def match_one(request: Request, state: StateDep, dataset: str,
                    name: Values, schema: Annotated[str, Query(max_length=40)] = "Person",
                    birthDate: MoreValues = None,  # FtM names the property so
                    nationality: MoreValues = None,
                    limit: Limit = DEFAULT_LIMIT,
                    threshold: Threshold = DEFAULT_THRESHOLD) -> dict[str, Any]:
    """One entity given as query parameters (`?name=…&birthDate=…&nationality=…`); the
    response is one query's part of `POST /match/{dataset}`."""
    props = {"name": name, "birthDate": birthDate or [], "nationality": nationality or []}
    query = MatchQuery(schema, {k: v for k, v in props.items() if v})
    responses = await run_match(request, state, dataset, {"q": query}, limit, threshold)
    result: dict[str, Any] = responses["q"]
    return result

