"""Users: add, find, list, disable, remove. E-mails are stored lower-cased."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, delete, insert, select, update

from concerted import clock
from concerted.accounts.passwords import hash_password
from concerted.store.tables import api_tokens, user_sessions, users

__all__ = ["User", "UserExists", "add_user", "find_user", "list_users", "normalise_email",
           "remove_user", "set_disabled", "set_reviewer"]


class UserExists(ValueError):
    """A user with this e-mail is already registered."""


@dataclass(frozen=True)
class User:
    id: int
    email: str
    created_at: str
    disabled: bool
    reviewer: bool = False  # may record judgements (the review queue, POST /judgements)

    @classmethod
    def from_row(cls, row: Any) -> User:
        return cls(row.id, row.email, row.created_at, bool(row.disabled), bool(row.reviewer))

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "email": self.email, "created_at": self.created_at,
                "disabled": self.disabled, "reviewer": self.reviewer}


def normalise_email(email: str) -> str:
    value = email.strip().lower()
    if "@" not in value or value.startswith("@") or value.endswith("@") or " " in value:
        raise ValueError(f"not an e-mail address: {email!r}")
    return value


def add_user(engine: Engine, email: str, password: str, reviewer: bool = False) -> User:
    address = normalise_email(email)
    if find_user(engine, address) is not None:
        raise UserExists(f"a user {address} already exists")
    created = clock.stamp()
    with engine.begin() as conn:
        new_id = conn.execute(insert(users).values(
            email=address, password_hash=hash_password(password), created_at=created,
            disabled=False, reviewer=reviewer)).inserted_primary_key
    assert new_id is not None
    return User(int(new_id[0]), address, created, False, reviewer)


def find_user(engine: Engine, email: str) -> User | None:
    with engine.connect() as conn:
        row = conn.execute(select(users).where(users.c.email == email.strip().lower())).first()
    return None if row is None else User.from_row(row)


def list_users(engine: Engine) -> list[User]:
    with engine.connect() as conn:
        return [User.from_row(r) for r in conn.execute(select(users).order_by(users.c.email))]


def set_disabled(engine: Engine, email: str, disabled: bool = True) -> bool:
    """Disable (or re-enable) a user; disabling ends their sessions and revokes their tokens
    at once."""
    user = find_user(engine, email)
    if user is None:
        return False
    with engine.begin() as conn:
        conn.execute(update(users).where(users.c.id == user.id).values(disabled=disabled))
        if disabled:  # sessions end and tokens are revoked: re-enabling revives neither
            conn.execute(delete(user_sessions).where(user_sessions.c.user_id == user.id))
            conn.execute(update(api_tokens).where(api_tokens.c.user_id == user.id,
                                                  api_tokens.c.revoked_at.is_(None))
                         .values(revoked_at=clock.stamp()))
    return True


def set_reviewer(engine: Engine, email: str, reviewer: bool = True) -> bool:
    """Give (or take away) the reviewer role: judging pairs changes which listings are one
    target, and so what a packet tells a government, so not every user may."""
    user = find_user(engine, email)
    if user is None:
        return False
    with engine.begin() as conn:
        conn.execute(update(users).where(users.c.id == user.id).values(reviewer=reviewer))
    return True


def remove_user(engine: Engine, email: str) -> bool:
    """Delete a user with their sessions and tokens. Judgements they made keep their e-mail:
    attribution is part of the append-only record."""
    user = find_user(engine, email)
    if user is None:
        return False
    with engine.begin() as conn:
        conn.execute(delete(user_sessions).where(user_sessions.c.user_id == user.id))
        conn.execute(delete(api_tokens).where(api_tokens.c.user_id == user.id))
        conn.execute(delete(users).where(users.c.id == user.id))
    return True
