"""`GET /healthz`: 200 when the store answers, 503 when it does not."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from concerted.api.deps import EngineDep
from concerted.api.errors import ApiError

__all__ = ["router"]

router = APIRouter(tags=["health"])


@router.get("/healthz")
def healthz(engine: EngineDep) -> dict[str, Any]:
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except SQLAlchemyError as exc:
        raise ApiError(503, f"the store does not answer: {type(exc).__name__}") from None
    return {"status": "ok", "store": engine.dialect.name}
