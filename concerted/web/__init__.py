"""Server-rendered pages (Jinja2, a little htmx, no build step); every page links its JSON
twin in the API with a `Link: rel=alternate` header and a visible link."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter

from concerted.web import (
    analyses_pages,
    api_docs,
    auth_pages,
    dashboard_pages,
    list_pages,
    program_pages,
    review_pages,
    subscription_pages,
    target_pages,
)
from concerted.web import dossiers as dossier_pages

__all__ = ["STATIC_DIR", "web_router"]

STATIC_DIR = Path(__file__).parent / "static"

web_router = APIRouter(include_in_schema=False)
for _module in (dashboard_pages, target_pages, analyses_pages, list_pages, program_pages,
                review_pages, subscription_pages, auth_pages, dossier_pages, api_docs):
    web_router.include_router(_module.router)
