"""`/api/v1/review` (uncertain pairs) and `/api/v1/judgements` (read; write with a user)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, Field

from concerted.api.account_models import JudgementOut, JudgementsPage, ReviewPage
from concerted.api.deps import EngineDep, StateDep, WriterDep
from concerted.api.deps import who as who_is
from concerted.api.errors import ApiError
from concerted.model import ListingRef
from concerted.state import judging
from concerted.state.judging import REVIEWERS_ONLY

__all__ = ["router"]

router = APIRouter(tags=["judgements"])


class JudgementRequest(BaseModel):
    left: str = Field(max_length=300, examples=["gb_hmt_conlist:14078"])
    right: str = Field(max_length=300, examples=["us_ofac_sdn:29219"])
    judgement: Literal["positive", "negative", "unsure"] = Field(examples=["positive"])


@router.get("/review", response_model=ReviewPage)
def review_queue(state: StateDep, engine: EngineDep,
                 limit: Annotated[int, Query(ge=1, le=200)] = 20,
                 offset: Annotated[int, Query(ge=0)] = 0) -> dict[str, Any]:
    """Pairs of listings on different lists that may be one target: those whose decision
    would change a gap first, then the most likely. `total` counts every waiting pair,
    `changing_gaps` those whose decision would change a gap."""
    batch = judging.review_batch(engine, state, limit, offset)
    return {"total": batch.total, "changing_gaps": batch.changing_gaps, "limit": limit,
            "offset": offset, "results": batch.pairs}


@router.get("/judgements", response_model=JudgementsPage)
def list_judgements(request: Request, _state: StateDep, engine: EngineDep,
                    limit: Annotated[int, Query(ge=1, le=500)] = 50,
                    offset: Annotated[int, Query(ge=0)] = 0,
                    include_system: bool = False,
                    who: Annotated[Literal["all", "people", "system"] | None, Query(
                        description="Whose: people's, the links `concerted resolve` made "
                                    "(system), or all; overrides include_system.")] = None
                    ) -> dict[str, Any]:
    """Judgements, newest first, and when (append-only); people's only unless
    `include_system` or `who` says otherwise. Who judged is shown to reviewers only: to
    everyone else a person is `reviewer`."""
    total, rows = judging.judgements(engine, limit, offset,
                                     who or ("all" if include_system else "people"))
    viewer = who_is(request).user
    if viewer is None or not viewer.reviewer:
        rows = judging.anonymised(rows)
    return {"total": total, "limit": limit, "offset": offset, "results": rows}


@router.post("/judgements", status_code=201, response_model=JudgementOut)
def add_judgement(request: Request, engine: EngineDep, user: WriterDep,
                  body: JudgementRequest) -> dict[str, Any]:
    """Record that two listings are (positive) or are not (negative) one target, or that
    you cannot tell (unsure). Needs the reviewer role, and a token or a session with the
    X-CSRF-Token header."""
    if not user.reviewer:
        raise ApiError(403, REVIEWERS_ONLY)
    try:
        left, right = ListingRef.parse(body.left), ListingRef.parse(body.right)
        state = request.app.state.cache.current()
        for key in (left, right):
            if state.record(key) is None:
                raise ValueError(f"no listing {ListingRef(*key)}")
        row = judging.record(engine, left, right, body.judgement, user.email)
    except ValueError as exc:
        raise ApiError(400, str(exc)) from None
    request.app.state.cache.rejudged()
    return row
