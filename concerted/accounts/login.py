"""Logging in, throttled per (account, address): after `MAX_FAILURES` failed attempts for
one e-mail from one address within `WINDOW`, further attempts from there are refused until
the window has passed. Throttling by e-mail alone let anyone lock a chosen user out, and by
address alone locked out everyone behind one; an address is refused across accounts only
after `MAX_ADDRESS_FAILURES` (password spraying).

Each attempt is recorded as a failure *before* the password is checked, in a transaction
that counts the failures and takes a lock (PostgreSQL: an advisory lock; SQLite: its write
lock), so that concurrent guesses cannot all pass the check before any is recorded; a
success then marks its own attempt as one.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import Connection, Engine, func, insert, select, text, update

from concerted import clock
from concerted.accounts.passwords import hash_password, needs_rehash, verify_password
from concerted.accounts.sessions import Session, open_session
from concerted.accounts.users import User
from concerted.store.tables import login_attempts, users

__all__ = ["MAX_ADDRESS_FAILURES", "MAX_FAILURES", "WINDOW", "LoginRefused", "login"]

MAX_FAILURES = 5
MAX_ADDRESS_FAILURES = 100
WINDOW = timedelta(minutes=15)
_LOCK = 0x636F6E6C  # the advisory lock serialising login bookkeeping on PostgreSQL


class LoginRefused(Exception):
    """Wrong e-mail or password (one message for both), or too many attempts."""

    def __init__(self, message: str, throttled: bool = False) -> None:
        super().__init__(message)
        self.throttled = throttled


def login(engine: Engine, email: str, password: str, address: str,
          now: datetime | None = None) -> Session:
    moment = now or clock.now()
    key = email.strip().lower()
    attempt = _claim(engine, key, address, moment)
    with engine.connect() as conn:
        row = conn.execute(select(users).where(users.c.email == key)).first()
    ok = verify_password(row.password_hash if row else None, password)
    ok = ok and row is not None and not row.disabled
    if not ok or row is None:
        raise LoginRefused("wrong e-mail or password")
    with engine.begin() as conn:
        conn.execute(update(login_attempts).where(login_attempts.c.id == attempt)
                     .values(success=True))
    if needs_rehash(row.password_hash):
        _rehash(engine, row.id, password)
    return open_session(engine, User.from_row(row), moment)


def _claim(engine: Engine, email: str, address: str, moment: datetime) -> int:
    """Check the throttle and record this attempt as a failure, atomically; its id."""
    with engine.begin() as conn:
        _lock(conn)
        since = clock.stamp(moment - WINDOW)
        failed = login_attempts.c.success.is_(False) & (login_attempts.c.at >= since)
        pair = conn.execute(select(func.count()).where(
            failed, login_attempts.c.email == email[:320],
            login_attempts.c.address == address[:64])).scalar_one()
        spread = conn.execute(select(func.count()).where(
            failed, login_attempts.c.address == address[:64])).scalar_one()
        if pair >= MAX_FAILURES or spread >= MAX_ADDRESS_FAILURES:
            raise LoginRefused("too many failed attempts; try again in 15 minutes",
                               throttled=True)
        new = conn.execute(insert(login_attempts).values(
            email=email[:320], address=address[:64], at=clock.stamp(moment), success=False)
        ).inserted_primary_key
    assert new is not None
    return int(new[0])


def _lock(conn: Connection) -> None:
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _LOCK})
    else:  # SQLite: a write takes the database's write lock until the transaction ends
        conn.execute(update(login_attempts).where(login_attempts.c.id == -1).values(at=""))


def _rehash(engine: Engine, user_id: int, password: str) -> None:
    with engine.begin() as conn:
        conn.execute(update(users).where(users.c.id == user_id)
                     .values(password_hash=hash_password(password)))
