"""The REST API under `/api/v1` (one router per resource), plus the yente-compatible
`POST /match/{dataset}` and `GET /healthz` at the root."""

from __future__ import annotations

from fastapi import APIRouter

from concerted.api import alerts, dossiers
from concerted.api.models import ErrorResponse
from concerted.api.routers import (
    accounts,
    analyses,
    exports,
    health,
    judgements,
    listings,
    match,
    programs,
    sources,
    targets,
)

__all__ = ["api_router", "root_router"]

_ERRORS: dict[int | str, dict[str, object]] = {
    400: {"model": ErrorResponse, "description": "A bad parameter"},
    401: {"model": ErrorResponse, "description": "Not logged in / no valid token"},
    404: {"model": ErrorResponse, "description": "Not found"},
}

api_router = APIRouter(prefix="/api/v1", responses=_ERRORS)
for _module in (sources, listings, targets, analyses, programs, exports, accounts,
                judgements):
    api_router.include_router(_module.router)
api_router.include_router(alerts.router)
api_router.include_router(dossiers.router)
# The match endpoint also lives under /api/v1 for clients that keep to one prefix.
api_router.include_router(match.router)

root_router = APIRouter(responses=_ERRORS)
root_router.include_router(match.router)
root_router.include_router(health.router)
root_router.include_router(alerts.feeds_router)  # /feeds/alerts.atom, as DESIGN.md says
