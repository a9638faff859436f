"""Logging in, throttled: after `MAX_FAILURES` failed attempts for one e-mail or from one
address within `WINDOW`, further attempts are refused until the window has passed."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import Engine, func, insert, select, update

from concerted.accounts.clock import iso, utcnow
from concerted.accounts.passwords import hash_password, needs_rehash, verify_password
from concerted.accounts.sessions import Session, open_session
from concerted.accounts.users import User
from concerted.store.tables import login_attempts, users

__all__ = ["MAX_FAILURES", "WINDOW", "LoginRefused", "login"]

MAX_FAILURES = 5
WINDOW = timedelta(minutes=15)


class LoginRefused(Exception):
    """Wrong e-mail or password (one message for both), or too many attempts."""

    def __init__(self, message: str, throttled: bool = False) -> None:
        super().__init__(message)
        self.throttled = throttled


def login(engine: Engine, email: str, password: str, address: str,
          now: datetime | None = None) -> Session:
    moment = now or utcnow()
    key = email.strip().lower()
    if _failures(engine, key, address, moment) >= MAX_FAILURES:
        raise LoginRefused("too many failed attempts; try again in 15 minutes", throttled=True)
    with engine.connect() as conn:
        row = conn.execute(select(users).where(users.c.email == key)).first()
    ok = verify_password(row.password_hash if row else None, password)
    ok = ok and row is not None and not row.disabled
    _record(engine, key, address, moment, ok)
    if not ok or row is None:
        raise LoginRefused("wrong e-mail or password")
    if needs_rehash(row.password_hash):
        _rehash(engine, row.id, password)
    return open_session(engine, User.from_row(row), moment)


def _failures(engine: Engine, email: str, address: str, moment: datetime) -> int:
    since = iso(moment - WINDOW)
    failed = login_attempts.c.success.is_(False) & (login_attempts.c.at >= since)
    with engine.connect() as conn:
        by_email = conn.execute(select(func.count()).where(
            failed, login_attempts.c.email == email)).scalar_one()
        by_address = conn.execute(select(func.count()).where(
            failed, login_attempts.c.address == address)).scalar_one()
    return max(int(by_email), int(by_address))


def _record(engine: Engine, email: str, address: str, moment: datetime, ok: bool) -> None:
    with engine.begin() as conn:
        conn.execute(insert(login_attempts).values(
            email=email[:320], address=address[:64], at=iso(moment), success=ok))


def _rehash(engine: Engine, user_id: int, password: str) -> None:
    with engine.begin() as conn:
        conn.execute(update(users).where(users.c.id == user_id)
                     .values(password_hash=hash_password(password)))
