"""Rendering the dossier pages: templates of their own beside the app's (so they extend its
`base.html`), the logged-in user as a policy actor, and the JSON twin of every page."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from jinja2 import ChoiceLoader

from concerted.accounts import Session
from concerted.api.deps import SessionDep
from concerted.api.dossier_deps import EnvDep
from concerted.api.errors import ApiError
from concerted.dossiers.env import DossierEnv
from concerted.dossiers.policy import Actor, load_actor
from concerted.web.forms import check_csrf
from concerted.web.templating import templates as app_templates

__all__ = ["Ctx", "CtxDep", "templates"]

templates = Jinja2Templates(directory=Path(__file__).parent / "templates")
assert templates.env.loader is not None and app_templates.env.loader is not None
templates.env.loader = ChoiceLoader([templates.env.loader, app_templates.env.loader])
templates.env.filters.update(app_templates.env.filters)
templates.env.globals.update(app_templates.env.globals)


class Ctx:
    """One request's dossier context: environment, session, actor."""

    def __init__(self, request: Request, env: DossierEnv, session: Session) -> None:
        self.request, self.env, self.session = request, env, session
        with env.engine.connect() as conn:
            self.actor: Actor = load_actor(conn, env.binder, session.user.id, session.user.email)

    def check(self, csrf_token: str) -> None:
        check_csrf(self.session, csrf_token)

    def render(self, template: str, json_url: str, **context: Any) -> HTMLResponse:
        context.update(json_url=json_url, session=self.session, user=self.session.user,
                       csrf=self.session.csrf_token, actor=self.actor)
        headers = {"Link": f'<{json_url}>; rel="alternate"; type="application/json"',
                   "Cache-Control": "no-store"}
        return templates.TemplateResponse(self.request, template, context, headers=headers)


def _ctx(request: Request, env: EnvDep, session: SessionDep) -> Ctx:
    if session is None:
        raise ApiError(401, "log in to work on dossiers")
    return Ctx(request, env, session)


CtxDep = Annotated[Ctx, Depends(_ctx)]
