"""The dashboard page."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

from concerted import clock
from concerted.views.dashboard import dashboard
from concerted.web.templating import PageDep

__all__ = ["router"]

router = APIRouter()


@router.get("/", response_class=HTMLResponse)
async def dashboard_page(page: PageDep) -> HTMLResponse:
    data = dashboard(page.engine, page.state, clock.today())
    return page.render("dashboard.html", "/api/v1/dashboard", data=data)
