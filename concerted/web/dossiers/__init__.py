"""The dossier pages: list, editor (subject, allegations, evidence upload), submission
builder with preview, and the status board across jurisdictions. Every form carries the
session's CSRF token; every page has its JSON twin in `concerted.api.dossiers`.

Mount `router` in the web app (`concerted.web.web_router.include_router(router)`).
"""

from __future__ import annotations

from fastapi import APIRouter

from concerted.web.dossiers import items, packets, pages

__all__ = ["router"]

router = APIRouter(include_in_schema=False)
for _module in (pages, items, packets):
    router.include_router(_module.router)
