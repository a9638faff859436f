"""`Annotated` dependencies shared by the API and the web pages: the store, the served
state, who is asking (API token or session cookie), pagination, and the checks that guard
reads (private mode) and writes (a user; for cookie sessions, a CSRF token).

Each reads the request directly rather than through chains of sub-dependencies: resolving a
dependency costs FastAPI tens of microseconds, and search and match answer in about a
millisecond. Who is asking is worked out once per request and kept on `request.state`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Query, Request
from fastapi.concurrency import run_in_threadpool
from sqlalchemy import Engine

from concerted.accounts import Session, User, read_session, token_user
from concerted.api.errors import ApiError
from concerted.app_options import AppOptions
from concerted.settings import Settings
from concerted.state.model import State
from concerted.views.common import Page

__all__ = [
    "CSRF_HEADER",
    "SESSION_COOKIE",
    "EngineDep",
    "OptionsDep",
    "PageDep",
    "ReaderDep",
    "SessionDep",
    "StateDep",
    "UserDep",
    "WriterDep",
    "who",
]

SESSION_COOKIE = "concerted_session"
CSRF_HEADER = "x-csrf-token"


@dataclass(frozen=True)
class Who:
    user: User | None
    session: Session | None
    bearer: bool  # authenticated by an API token (no CSRF needed)
    scope: str = "write"  # a token's scope; a session may write


def _bearer(request: Request) -> str | None:
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


def who(request: Request) -> Who:
    """The user behind the API token or the session cookie (None for anonymous)."""
    known: Who | None = getattr(request.state, "who", None)
    if known is not None:
        return known
    engine: Engine = request.app.state.engine
    token, secret = _bearer(request), request.cookies.get(SESSION_COOKIE)
    if token is not None:
        holder = token_user(engine, token)
        if holder is None:
            raise ApiError(401, "the API token is unknown, revoked, expired or its user "
                           "disabled", "invalid_token")
        found = Who(holder.user, None, True, holder.scope)
    else:
        session = read_session(engine, secret) if secret else None
        found = Who(session.user if session else None, session, False)
    request.state.who = found
    return found


async def _engine(request: Request) -> Engine:
    engine: Engine = request.app.state.engine
    return engine


async def _settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


async def _options(request: Request) -> AppOptions:
    options: AppOptions = request.app.state.options
    return options


async def _user(request: Request) -> User | None:
    return who(request).user


async def _session(request: Request) -> Session | None:
    return who(request).session


async def _reader(request: Request) -> User | None:
    """Reads are open in public mode; in private mode they need a user."""
    user = who(request).user
    if not request.app.state.options.public and user is None:
        raise ApiError(401, "log in or send an API token: this instance is private")
    return user


async def _writer(request: Request) -> User:
    """Writes need a user; one who authenticated by cookie must also send the CSRF token."""
    found = who(request)
    if found.user is None:
        raise ApiError(401, "log in or send an API token (Authorization: Bearer ...) to write")
    if found.bearer and found.scope != "write":
        raise ApiError(403, "this API token may only read (issue a write token to write)",
                       "read_only_token")
    if not found.bearer:
        assert found.session is not None
        if request.headers.get(CSRF_HEADER) != found.session.csrf_token:
            raise ApiError(403, "missing or wrong CSRF token", "csrf_failed")
    return found.user


async def _state(request: Request) -> State:
    """The served state (for a permitted reader); while the first one is computed, wait for
    it off the event loop."""
    await _reader(request)
    cache = request.app.state.cache
    if cache.ready:
        state: State = cache.current()
        return state
    waited: State = await run_in_threadpool(cache.current)
    return waited


async def _page(limit: Annotated[int, Query(ge=1, le=500, description="Results per page.")] = 50,
                offset: Annotated[int, Query(ge=0, description="Results to skip.")] = 0
                ) -> Page:
    return Page(limit, offset)


EngineDep = Annotated[Engine, Depends(_engine)]
OptionsDep = Annotated[AppOptions, Depends(_options)]
SettingsDep = Annotated[Settings, Depends(_settings)]
UserDep = Annotated[User | None, Depends(_user)]
SessionDep = Annotated[Session | None, Depends(_session)]
ReaderDep = Annotated[User | None, Depends(_reader)]
WriterDep = Annotated[User, Depends(_writer)]
StateDep = Annotated[State, Depends(_state)]
PageDep = Annotated[Page, Depends(_page)]
