"""What the dossier API and pages depend on: the dossier environment of the app, the acting
user as a policy `Actor`, and the one translation of refusals into HTTP errors (404 for
what the user may not know of, 403 for what they may see but not do)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated

from fastapi import Depends, Request

from concerted.accounts import User
from concerted.api.deps import UserDep, WriterDep
from concerted.api.errors import ApiError
from concerted.dossiers.binding import Unbound
from concerted.dossiers.bundle import BundleError
from concerted.dossiers.crypto import TamperedError
from concerted.dossiers.env import DossierEnv
from concerted.dossiers.files import RefusedFile
from concerted.dossiers.policy import Actor, Forbidden, NotFound, load_actor
from concerted.programs import UnknownProgram
from concerted.state.model import State

__all__ = ["ActorDep", "EnvDep", "StateDep", "WritingActorDep", "dossier_env", "refusals",
           "served_state"]


def dossier_env(request: Request) -> DossierEnv:
    """One environment per app, made on first use from its settings and engine."""
    env: DossierEnv | None = getattr(request.app.state, "dossiers", None)
    if env is None:
        env = DossierEnv.from_settings(request.app.state.settings, request.app.state.engine)
        request.app.state.dossiers = env
    return env


EnvDep = Annotated[DossierEnv, Depends(dossier_env)]


def served_state(request: Request) -> State | None:
    """The app's resolved targets if already computed (never waits for a build): with them,
    a dossier's listings include those resolution links to the ones it points at."""
    cache = getattr(request.app.state, "cache", None)
    return cache.current() if cache is not None and cache.ready else None


StateDep = Annotated[State | None, Depends(served_state)]


def _actor(env: DossierEnv, user: User) -> Actor:
    with refusals(), env.engine.connect() as conn:
        return load_actor(conn, env.binder, user.id, user.email)


def reading_actor(env: EnvDep, user: UserDep) -> Actor:
    """Dossiers are never public: even on a public instance, reading one needs a user."""
    if user is None:
        raise ApiError(401, "log in or send an API token to read dossiers")
    return _actor(env, user)


def writing_actor(env: EnvDep, user: WriterDep) -> Actor:
    return _actor(env, user)


ActorDep = Annotated[Actor, Depends(reading_actor)]
WritingActorDep = Annotated[Actor, Depends(writing_actor)]


@contextmanager
def refusals() -> Iterator[None]:
    try:
        yield
    except NotFound as exc:
        raise ApiError(404, str(exc)) from None
    except Forbidden as exc:
        raise ApiError(403, str(exc)) from None
    except RefusedFile as exc:
        raise ApiError(413 if exc.too_large else 415, str(exc)) from None
    except Unbound as exc:  # a permission row changed in the database: refuse, say so
        raise ApiError(409, str(exc), "tampered") from None
    except (BundleError, TamperedError, UnknownProgram, ValueError) as exc:
        raise ApiError(400, str(exc)) from None
