"""`/api/v1/me` and `/api/v1/tokens`: who is asking, and API tokens for scripts."""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter
from pydantic import BaseModel, Field

from concerted.accounts import create_token, list_tokens, revoke_token_id
from concerted.accounts.tokens import DEFAULT_DAYS, MAX_DAYS
from concerted.api.account_models import IssuedTokenOut, Me, Revoked, Tokens
from concerted.api.deps import EngineDep, UserDep, WriterDep
from concerted.api.errors import ApiError

__all__ = ["router"]

router = APIRouter(tags=["accounts"])


class TokenRequest(BaseModel):
    label: str = Field("", max_length=255, examples=["review script"])
    scope: Literal["read", "write"] = Field("write", description="read: reads only")
    days: int = Field(DEFAULT_DAYS, ge=1, le=MAX_DAYS, description="days until it expires")


@router.get("/me", response_model=Me)
def me(user: UserDep) -> dict[str, Any]:
    """The user behind the session or token, or `{"user": null}` when anonymous."""
    return {"user": user.to_dict() if user else None}


@router.post("/tokens", status_code=201, response_model=IssuedTokenOut)
def issue_token(engine: EngineDep, user: WriterDep, body: TokenRequest) -> dict[str, Any]:
    """Issue an API token for the current user; shown once, stored only as a digest."""
    issued = create_token(engine, user, body.label, body.scope, body.days)
    return {"id": issued.id, "token": issued.token, "prefix": issued.prefix,
            "label": body.label, "scope": issued.scope, "expires_at": issued.expires_at}


@router.get("/tokens", response_model=Tokens)
def my_tokens(engine: EngineDep, user: UserDep) -> dict[str, Any]:
    """The current user's tokens (never the secrets): scope, expiry, revocation."""
    if user is None:
        raise ApiError(401, "log in or send an API token to list your tokens")
    return {"results": list_tokens(engine, user)}


@router.delete("/tokens/{token_id}", response_model=Revoked)
def revoke(engine: EngineDep, user: WriterDep, token_id: int) -> dict[str, Any]:
    """Revoke one of your tokens; the others keep working."""
    if not revoke_token_id(engine, user, token_id):
        raise ApiError(404, f"no live token {token_id} of yours")
    return {"id": token_id, "revoked": True}
