"""Browser sessions kept server-side: the cookie holds a random secret, the table its digest,
the user, a CSRF token and an expiry. Logging out or disabling the user ends it at once."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Engine, delete, insert, select

from concerted import clock
from concerted.accounts.digest import digest, new_secret
from concerted.accounts.users import User
from concerted.store.tables import user_sessions, users

__all__ = ["SESSION_DAYS", "Session", "end_session", "open_session", "read_session"]

SESSION_DAYS = 14


@dataclass(frozen=True)
class Session:
    secret: str  # the cookie value
    user: User
    csrf_token: str


def open_session(engine: Engine, user: User, now: datetime | None = None) -> Session:
    moment = now or clock.now()
    secret, csrf = new_secret(), new_secret()
    with engine.begin() as conn:
        conn.execute(delete(user_sessions).where(user_sessions.c.expires_at < clock.stamp(moment)))
        conn.execute(insert(user_sessions).values(
            id_hash=digest(secret), user_id=user.id, csrf_token=csrf,
            created_at=clock.stamp(moment),
            expires_at=clock.stamp(moment + timedelta(days=SESSION_DAYS))))
    return Session(secret, user, csrf)


def read_session(engine: Engine, secret: str, now: datetime | None = None) -> Session | None:
    """The live session of an enabled user behind this cookie value, else None."""
    query = (select(users, user_sessions.c.csrf_token)
             .join(user_sessions, user_sessions.c.user_id == users.c.id)
             .where(user_sessions.c.id_hash == digest(secret),
                    user_sessions.c.expires_at > clock.stamp(now or clock.now()),
                    users.c.disabled.is_(False)))
    with engine.connect() as conn:
        row = conn.execute(query).first()
    return None if row is None else Session(secret, User.from_row(row), row.csrf_token)


def end_session(engine: Engine, secret: str) -> None:
    with engine.begin() as conn:
        conn.execute(delete(user_sessions).where(user_sessions.c.id_hash == digest(secret)))
