"""API tokens: `cct_<random>` bearer secrets, kept as SHA-256 digests.

Each token has a scope (`read`: reads only; `write`: also the write paths), an expiry (90
days unless asked otherwise, at most a year) and can be revoked on its own. Disabling a user
revokes every token they hold, so re-enabling them revives none.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy import Engine, insert, select, update

from concerted import clock
from concerted.accounts.digest import digest, new_secret
from concerted.accounts.users import User
from concerted.store.tables import api_tokens, users

__all__ = ["DEFAULT_DAYS", "MAX_DAYS", "SCOPES", "TOKEN_PREFIX", "IssuedToken", "TokenUser",
           "create_token", "list_tokens", "revoke_token", "revoke_token_id", "token_user"]

TOKEN_PREFIX = "cct_"
SCOPES = ("read", "write")
DEFAULT_DAYS = 90
MAX_DAYS = 365


@dataclass(frozen=True)
class IssuedToken:
    id: int
    token: str  # shown once, never stored
    prefix: str
    scope: str = "write"
    expires_at: str = ""


@dataclass(frozen=True)
class TokenUser:
    user: User
    scope: str


def create_token(engine: Engine, user: User, label: str = "", scope: str = "write",
                 days: int = DEFAULT_DAYS) -> IssuedToken:
    if scope not in SCOPES:
        raise ValueError(f"scope must be one of {', '.join(SCOPES)}, not {scope!r}")
    if not 1 <= days <= MAX_DAYS:
        raise ValueError(f"a token lasts 1 to {MAX_DAYS} days, not {days}")
    token = new_secret(TOKEN_PREFIX)
    prefix = token[:10]
    now = clock.now()
    expires = clock.stamp(now + timedelta(days=days))
    with engine.begin() as conn:
        key = conn.execute(insert(api_tokens).values(
            user_id=user.id, token_hash=digest(token), prefix=prefix, label=label,
            created_at=clock.stamp(now), scope=scope, expires_at=expires)).inserted_primary_key
    assert key is not None
    return IssuedToken(int(key[0]), token, prefix, scope, expires)


def token_user(engine: Engine, token: str) -> TokenUser | None:
    """The enabled user a live (unrevoked, unexpired) token belongs to, with its scope."""
    if not token.startswith(TOKEN_PREFIX):
        return None
    query = (select(users, api_tokens.c.scope)
             .join(api_tokens, api_tokens.c.user_id == users.c.id)
             .where(api_tokens.c.token_hash == digest(token), api_tokens.c.revoked_at.is_(None),
                    api_tokens.c.expires_at > clock.stamp(), users.c.disabled.is_(False)))
    with engine.connect() as conn:
        row = conn.execute(query).first()
    return None if row is None else TokenUser(User.from_row(row), str(row.scope))


def list_tokens(engine: Engine, user: User) -> list[dict[str, Any]]:
    """The user's tokens, newest first (never the secrets)."""
    with engine.connect() as conn:
        rows = conn.execute(select(api_tokens).where(api_tokens.c.user_id == user.id)
                            .order_by(api_tokens.c.id.desc()))
        return [{"id": r.id, "prefix": r.prefix, "label": r.label, "scope": r.scope,
                 "created_at": r.created_at, "expires_at": r.expires_at,
                 "revoked_at": r.revoked_at} for r in rows]


def revoke_token(engine: Engine, token: str) -> bool:
    with engine.begin() as conn:
        result = conn.execute(update(api_tokens)
                              .where(api_tokens.c.token_hash == digest(token),
                                     api_tokens.c.revoked_at.is_(None))
                              .values(revoked_at=clock.stamp()))
    return result.rowcount > 0


def revoke_token_id(engine: Engine, user: User, token_id: int) -> bool:
    """Revoke one of the user's own tokens by its id; False when there is no such live one."""
    with engine.begin() as conn:
        result = conn.execute(update(api_tokens)
                              .where(api_tokens.c.id == token_id,
                                     api_tokens.c.user_id == user.id,
                                     api_tokens.c.revoked_at.is_(None))
                              .values(revoked_at=clock.stamp()))
    return result.rowcount > 0
