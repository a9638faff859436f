"""API tokens: `cct_<random>` bearer secrets, kept as SHA-256 digests, revocable."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine, insert, select, update

from concerted.accounts.clock import iso, utcnow
from concerted.accounts.digest import digest, new_secret
from concerted.accounts.users import User
from concerted.store.tables import api_tokens, users

__all__ = ["TOKEN_PREFIX", "IssuedToken", "create_token", "revoke_token", "token_user"]

TOKEN_PREFIX = "cct_"


@dataclass(frozen=True)
class IssuedToken:
    id: int
    token: str  # shown once, never stored
    prefix: str


def create_token(engine: Engine, user: User, label: str = "") -> IssuedToken:
    token = new_secret(TOKEN_PREFIX)
    prefix = token[:10]
    with engine.begin() as conn:
        key = conn.execute(insert(api_tokens).values(
            user_id=user.id, token_hash=digest(token), prefix=prefix, label=label,
            created_at=iso(utcnow()))).inserted_primary_key
    assert key is not None
    return IssuedToken(int(key[0]), token, prefix)


def token_user(engine: Engine, token: str) -> User | None:
    """The enabled user a live token belongs to, else None."""
    if not token.startswith(TOKEN_PREFIX):
        return None
    query = (select(users).join(api_tokens, api_tokens.c.user_id == users.c.id)
             .where(api_tokens.c.token_hash == digest(token), api_tokens.c.revoked_at.is_(None),
                    users.c.disabled.is_(False)))
    with engine.connect() as conn:
        row = conn.execute(query).first()
    return None if row is None else User.from_row(row)


def revoke_token(engine: Engine, token: str) -> bool:
    with engine.begin() as conn:
        result = conn.execute(update(api_tokens)
                              .where(api_tokens.c.token_hash == digest(token),
                                     api_tokens.c.revoked_at.is_(None))
                              .values(revoked_at=iso(utcnow())))
    return result.rowcount > 0
