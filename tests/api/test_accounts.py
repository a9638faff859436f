"""Accounts on both backends: argon2 hashes, sessions, tokens, throttling, removal."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Engine, select

from concerted.accounts import (
    LoginRefused,
    UserExists,
    add_user,
    create_token,
    end_session,
    list_users,
    login,
    read_session,
    remove_user,
    revoke_token,
    set_disabled,
    token_user,
)
from concerted.accounts.login import MAX_FAILURES
from concerted.store.db import connect
from concerted.store.tables import api_tokens, users

PASSWORD = "correct horse battery staple"


@pytest.fixture()
def engine(db_url: str) -> Iterator[Engine]:
    engine = connect(db_url)
    yield engine
    engine.dispose()


def test_users_sessions_and_tokens(engine: Engine) -> None:
    user = add_user(engine, "Someone@Example.org", PASSWORD)
    assert user.email == "someone@example.org"
    with pytest.raises(UserExists):
        add_user(engine, "someone@example.org", PASSWORD)
    with pytest.raises(ValueError, match="12 characters"):
        add_user(engine, "short@example.org", "short")
    with engine.connect() as conn:
        stored = conn.execute(select(users.c.password_hash)).scalar_one()
        digests = conn.execute(select(api_tokens.c.token_hash)).all()
    assert stored.startswith("$argon2id$") and PASSWORD not in stored and not digests
    session = login(engine, "someone@example.org", PASSWORD, "127.0.0.1")
    assert read_session(engine, session.secret) == session
    token = create_token(engine, user).token
    live = token_user(engine, token)
    assert live is not None and live.user == user and live.scope == "write"
    set_disabled(engine, user.email)
    assert read_session(engine, session.secret) is None and token_user(engine, token) is None
    set_disabled(engine, user.email, False)
    assert token_user(engine, token) is None  # re-enabling revives no token (issue 15 #10)
    token = create_token(engine, user).token
    assert revoke_token(engine, token) and token_user(engine, token) is None
    end_session(engine, session.secret)
    assert remove_user(engine, user.email) and list_users(engine) == []


def test_login_is_throttled(engine: Engine) -> None:
    add_user(engine, "a@example.org", PASSWORD)
    now = datetime(2026, 1, 1, tzinfo=UTC)
    for _ in range(MAX_FAILURES):
        with pytest.raises(LoginRefused):
            login(engine, "a@example.org", "wrong password!", "10.0.0.1", now)
    with pytest.raises(LoginRefused) as refused:
        login(engine, "a@example.org", PASSWORD, "10.0.0.1", now)
    assert refused.value.throttled
    # Someone else's guesses from another address do not lock the owner out (issue 15 #7).
    assert login(engine, "a@example.org", PASSWORD, "10.0.0.2", now).user.email
    later = now + timedelta(minutes=16)
    assert login(engine, "a@example.org", PASSWORD, "10.0.0.1", later).user.email


def test_concurrent_guesses_check_at_most_the_allowed_passwords(engine: Engine) -> None:
    """40 guesses at once: exactly MAX_FAILURES reach the password check (issue 15 #7)."""
    from concurrent.futures import ThreadPoolExecutor

    add_user(engine, "c@example.org", PASSWORD)
    now = datetime(2026, 1, 1, tzinfo=UTC)

    def guess(n: int) -> bool:
        try:
            login(engine, "c@example.org", f"wrong password {n}", "10.0.0.9", now)
        except LoginRefused as exc:
            return exc.throttled
        return False

    with ThreadPoolExecutor(max_workers=8) as pool:
        throttled = list(pool.map(guess, range(40)))
    assert throttled.count(False) == MAX_FAILURES


def test_sessions_expire(engine: Engine) -> None:
    add_user(engine, "b@example.org", PASSWORD)
    session = login(engine, "b@example.org", PASSWORD, "127.0.0.1")
    assert read_session(engine, session.secret, datetime.now(UTC) + timedelta(days=15)) is None
