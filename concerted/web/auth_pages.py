"""Logging in and out, and the account page (API tokens). Forms carry a CSRF token: the
session's once logged in; before that, a random value also set as a cookie (double submit)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from concerted.accounts import LoginRefused, create_token, end_session, login
from concerted.accounts.digest import new_secret
from concerted.api.deps import SESSION_COOKIE, EngineDep, SessionDep
from concerted.api.errors import ApiError
from concerted.web.forms import LOGIN_CSRF_COOKIE, check_csrf, safe_next, set_cookie
from concerted.web.templating import Page, PageDep

__all__ = ["router"]

router = APIRouter()
FormText = Annotated[str, Form(max_length=1000)]


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request, engine: EngineDep, session: SessionDep, next: str = "/"
               ) -> HTMLResponse:
    page = Page(request, engine, session)
    token = request.cookies.get(LOGIN_CSRF_COOKIE) or new_secret()
    response = page.render("login.html", "/api/v1/me", next=safe_next(next), login_csrf=token)
    set_cookie(request, response, LOGIN_CSRF_COOKIE, token, max_age=3600)
    return response


@router.post("/login", response_model=None)
def login_submit(request: Request, engine: EngineDep, email: FormText, password: FormText,
                 csrf_token: FormText, next: FormText = "/") -> Response:
    if csrf_token != request.cookies.get(LOGIN_CSRF_COOKIE):
        raise ApiError(403, "the form has expired; reload the login page", "csrf_failed")
    address = request.client.host if request.client else "unknown"
    try:
        session = login(engine, email, password, address)
    except LoginRefused as exc:
        page = Page(request, engine, None)
        return page.render("login.html", "/api/v1/me", status=429 if exc.throttled else 401,
                           next=safe_next(next), login_csrf=csrf_token, error=str(exc),
                           email=email)
    response = RedirectResponse(safe_next(next), status_code=303)
    set_cookie(request, response, SESSION_COOKIE, session.secret, max_age=14 * 86400)
    return response


@router.post("/logout")
def logout(request: Request, engine: EngineDep, session: SessionDep, csrf_token: FormText
           ) -> RedirectResponse:
    if session is not None:
        check_csrf(session, csrf_token)
        end_session(engine, session.secret)
    response = RedirectResponse("/", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


@router.get("/account", response_class=HTMLResponse)
def account_page(page: PageDep) -> HTMLResponse:
    if page.session is None:
        raise ApiError(401, "log in to see your account")
    return page.render("account.html", "/api/v1/me")


@router.post("/account/tokens", response_class=HTMLResponse)
def new_token(page: PageDep, csrf_token: FormText, label: FormText = "") -> HTMLResponse:
    if page.session is None:
        raise ApiError(401, "log in to issue a token")
    check_csrf(page.session, csrf_token)
    issued = create_token(page.engine, page.session.user, label)
    response = page.render("account.html", "/api/v1/me", issued=issued.token)
    response.headers["Cache-Control"] = "no-store"  # the token is shown once: never cached
    return response
