"""`/api/v1/me` and `/api/v1/tokens`: who is asking, and API tokens for scripts."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel, Field

from concerted.accounts import create_token
from concerted.api.deps import EngineDep, UserDep, WriterDep

__all__ = ["router"]

router = APIRouter(tags=["accounts"])


class TokenRequest(BaseModel):
    label: str = Field("", max_length=255, examples=["review script"])


@router.get("/me")
def me(user: UserDep) -> dict[str, Any]:
    """The user behind the session or token, or `{"user": null}` when anonymous."""
    return {"user": user.to_dict() if user else None}


@router.post("/tokens", status_code=201)
def issue_token(engine: EngineDep, user: WriterDep, body: TokenRequest) -> dict[str, Any]:
    """Issue an API token for the current user; shown once, stored only as a digest."""
    issued = create_token(engine, user, body.label)
    return {"token": issued.token, "prefix": issued.prefix, "label": body.label}
