"""`create_app(settings)`: the FastAPI application serving the REST API and the web pages.

One engine and one `StateCache` per app; the analyses are computed in the background at
startup and again whenever the store changes. Errors are answered in one shape, JSON for the
API and an HTML page for the web (the exception-handler table in `concerted.api.errors`).
"""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from functools import partial

from fastapi import Depends, FastAPI
from fastapi.staticfiles import StaticFiles

from concerted import __version__
from concerted.accounts import passwords
from concerted.api import access_log, api_router, root_router
from concerted.api.body_limit import FORM_ROOM, BodyLimit
from concerted.api.checks import reject_unknown_params
from concerted.api.errors import HANDLERS
from concerted.app_options import AppOptions
from concerted.settings import Settings
from concerted.state.cache import StateCache
from concerted.store.db import connect
from concerted.views.warm import warm_views
from concerted.web import STATIC_DIR, web_router
from concerted.web.headers import SecurityHeaders
from concerted.web.templating import render_error

__all__ = ["create_app"]

DESCRIPTION = """Official sanctions lists side by side: who designated whom, coordinated
rounds, gaps partners could fill, follow-on lags and the programs behind them.

Every HTML page has this API as its JSON twin. Reads are public unless the instance is
private; writes need a user session (with the `X-CSRF-Token` header) or an API token
(`Authorization: Bearer cct_...`, from `concerted users token EMAIL`). Errors are always
`{"error": {"code", "message"}}`; lists are paginated with `limit` and `offset`."""


def create_app(settings: Settings, options: AppOptions | None = None) -> FastAPI:
    engine = connect(settings.db_url)
    cache = StateCache(engine, warm=partial(warm_views, engine))
    chosen = options or AppOptions.from_settings(settings)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        passwords.prepare()  # the first unknown-user login must not take longer than others
        if chosen.warm_state:
            threading.Thread(target=cache.current, name="concerted-warm", daemon=True).start()
        yield
        engine.dispose()

    app = FastAPI(title="Concerted", version=__version__, description=DESCRIPTION,
                  lifespan=lifespan, exception_handlers=HANDLERS,
                  # /docs is concerted.web.api_docs (Swagger UI served locally); ReDoc
                  # would load from a CDN, so it is not offered.
                  docs_url=None, redoc_url=None,
                  dependencies=[Depends(reject_unknown_params)])
    app.state.engine = engine
    app.state.cache = cache
    app.state.options = chosen
    app.state.settings = settings
    app.state.render_error = render_error
    app.include_router(root_router)
    app.include_router(api_router)
    app.include_router(web_router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.add_middleware(BodyLimit, limit=settings.max_upload + FORM_ROOM)
    app.add_middleware(SecurityHeaders)
    access_log.install()
    return app

