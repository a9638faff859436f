"""`Annotated` dependencies shared by the API and the web pages: the store, the served
state, who is asking (API token or session cookie), pagination, and the checks that guard
reads (private mode) and writes (a user; for cookie sessions, a CSRF token)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Query, Request
from sqlalchemy import Engine

from concerted.accounts import Session, User, read_session, token_user
from concerted.api.errors import ApiError
from concerted.app_options import AppOptions
from concerted.state.model import State
from concerted.views.common import Page

__all__ = ["CSRF_HEADER", "SESSION_COOKIE", "EngineDep", "OptionsDep", "PageDep", "ReaderDep",
           "SessionDep", "StateDep", "UserDep", "WriterDep", "current_session"]

SESSION_COOKIE = "concerted_session"
CSRF_HEADER = "x-csrf-token"


def _engine(request: Request) -> Engine:
    engine: Engine = request.app.state.engine
    return engine


def _state(request: Request) -> State:
    state: State = request.app.state.cache.current()
    return state


def _options(request: Request) -> AppOptions:
    options: AppOptions = request.app.state.options
    return options


EngineDep = Annotated[Engine, Depends(_engine)]
OptionsDep = Annotated[AppOptions, Depends(_options)]


def current_session(request: Request, engine: EngineDep) -> Session | None:
    secret = request.cookies.get(SESSION_COOKIE)
    return read_session(engine, secret) if secret else None


SessionDep = Annotated[Session | None, Depends(current_session)]


def _bearer(request: Request) -> str | None:
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


def current_user(request: Request, engine: EngineDep, session: SessionDep) -> User | None:
    token = _bearer(request)
    if token is not None:
        user = token_user(engine, token)
        if user is None:
            raise ApiError(401, "the API token is unknown, revoked or its user disabled",
                           "invalid_token")
        return user
    return session.user if session else None


UserDep = Annotated[User | None, Depends(current_user)]


def reader(options: OptionsDep, user: UserDep) -> User | None:
    """Reads are open in public mode; in private mode they need a user."""
    if not options.public and user is None:
        raise ApiError(401, "log in or send an API token: this instance is private")
    return user


ReaderDep = Annotated[User | None, Depends(reader)]


def writer(request: Request, user: UserDep, session: SessionDep) -> User:
    """Writes need a user; one who authenticated by cookie must also send the CSRF token."""
    if user is None:
        raise ApiError(401, "log in or send an API token (Authorization: Bearer ...) to write")
    if _bearer(request) is None:
        assert session is not None
        if request.headers.get(CSRF_HEADER) != session.csrf_token:
            raise ApiError(403, "missing or wrong CSRF token", "csrf_failed")
    return user


WriterDep = Annotated[User, Depends(writer)]


def _state_for_reader(request: Request, _reader: ReaderDep) -> State:
    return _state(request)


StateDep = Annotated[State, Depends(_state_for_reader)]


def page(limit: Annotated[int, Query(ge=1, le=500, description="Results per page.")] = 50,
         offset: Annotated[int, Query(ge=0, description="Results to skip.")] = 0) -> Page:
    return Page(limit, offset)


PageDep = Annotated[Page, Depends(page)]
