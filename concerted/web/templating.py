"""Rendering pages: the Jinja2 environment, its filters, and `Page`, the dependency every
page handler takes (the served state, the session, and `render` that sets the JSON twin)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import Depends, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from concerted.accounts import Session
from concerted.api.deps import who
from concerted.api.errors import ApiError
from concerted.labels import (
    GAP_SCORE_MEANING,
    JURISDICTION_NAMES,
    SOURCE_NAMES,
    judgement_label,
    listed_label,
    listing_label,
    program_label,
)
from concerted.state.model import State
from concerted.views.common import target_path

__all__ = ["Page", "PageDep", "query_string", "render_error", "templates"]

templates = Jinja2Templates(directory=Path(__file__).parent / "templates")
templates.env.filters["target_url"] = target_path
templates.env.filters["q"] = lambda value: quote(str(value), safe="")


def query_string(**params: Any) -> str:
    """`a=1&b=2` of the parameters that have a value (lists repeat the key)."""
    return urlencode({k: v for k, v in params.items() if v not in (None, "", [])}, doseq=True)


templates.env.globals["query"] = query_string
templates.env.globals["GAP_SCORE_MEANING"] = GAP_SCORE_MEANING
templates.env.globals["judgement_label"] = judgement_label
templates.env.filters["country"] = lambda code: JURISDICTION_NAMES.get(code, code)
templates.env.filters["program_label"] = program_label
templates.env.filters["listing_label"] = listing_label
templates.env.filters["listed_label"] = listed_label
templates.env.filters["source_name"] = lambda source: SOURCE_NAMES.get(source, (source,))[0]


def _link(json_url: str) -> dict[str, str]:
    return {"Link": f'<{json_url}>; rel="alternate"; type="application/json"'}


class Page:
    def __init__(self, request: Request, engine: Any, session: Session | None) -> None:
        self.request = request
        self.engine = engine
        self.session = session

    @property
    def state(self) -> State:
        state: State = self.request.app.state.cache.current()
        return state

    def render(self, template: str, json_url: str, status: int = 200,
               **context: Any) -> HTMLResponse:
        """The page, with its JSON twin in a `Link: rel=alternate` header and on the page."""
        context.update(json_url=json_url, session=self.session,
                       user=self.session.user if self.session else None,
                       csrf=self.session.csrf_token if self.session else "")
        return templates.TemplateResponse(self.request, template, context, status_code=status,
                                          headers=_link(json_url))


async def _page(request: Request) -> Page:
    found = who(request)
    if not request.app.state.options.public and found.user is None:
        raise ApiError(401, "log in to read: this instance is private")
    return Page(request, request.app.state.engine, found.session)


PageDep = Annotated[Page, Depends(_page)]


def render_error(request: Request, status: int, message: str,
                 headers: dict[str, str] | None = None) -> HTMLResponse:
    return templates.TemplateResponse(
        request, "error.html", {"status": status, "message": message, "json_url": "/api/v1",
                                "user": None, "csrf": ""},
        status_code=status, headers=headers)
