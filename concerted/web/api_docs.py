"""`/docs`: the OpenAPI documentation rendered by Swagger UI served from this app's own
static files (vendored in `static/vendor/swagger-ui`), so it works air-gapped and under the
CSP, which allows scripts from this origin only: FastAPI's own page loads Swagger UI from a
CDN and starts it with an inline script, and would be blank either way."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

__all__ = ["router"]

router = APIRouter()
_PAGE = (Path(__file__).parent / "templates" / "api_docs.html").read_text(encoding="utf-8")


@router.get("/docs", response_class=HTMLResponse)
def api_docs() -> HTMLResponse:
    return HTMLResponse(_PAGE)
