"""`GET /healthz`: 200 when the store answers, 503 when it does not."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from pydantic import Field
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from concerted.api.deps import EngineDep
from concerted.api.errors import ApiError
from concerted.api.models import Out

__all__ = ["router"]

router = APIRouter(tags=["health"])


class Health(Out):
    status: str = Field(examples=["ok"])
    store: str = Field(examples=["sqlite"], description="The database behind it")


@router.get("/healthz", response_model=Health)
def healthz(engine: EngineDep) -> dict[str, Any]:
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except SQLAlchemyError as exc:
        raise ApiError(503, f"the store does not answer: {type(exc).__name__}") from None
    return {"status": "ok", "store": engine.dialect.name}
