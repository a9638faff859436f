"""Small hardening of issue 15's Low list: passwords that are only white space, and the
access log that recorded searched names."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from concerted.accounts import add_user
from concerted.accounts.passwords import check_strength
from concerted.app import create_app
from concerted.app_options import AppOptions
from concerted.settings import Settings
from concerted.store.db import connect


@pytest.mark.parametrize("password", [" " * 12, "\t" * 20, "a b c d e f g h", "a" * 16,
                                      "121212121212"])
def test_blank_or_repeated_passwords_are_refused(password: str, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="a password needs"):
        check_strength(password)
    engine = connect(f"sqlite:///{tmp_path / 'c.db'}")
    with pytest.raises(ValueError):
        add_user(engine, "someone@example.org", password)
    engine.dispose()


def test_a_passphrase_with_spaces_is_fine() -> None:
    check_strength("correct horse battery staple")


def test_the_access_log_does_not_record_what_was_searched(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    app = create_app(Settings(db_url=f"sqlite:///{tmp_path / 'c.db'}", data_dir=tmp_path),
                     AppOptions(warm_state=False))
    caplog.set_level(logging.INFO, logger="uvicorn.access")
    # Exactly as uvicorn's access logger writes a request line.
    logging.getLogger("uvicorn.access").info(
        '%s - "%s %s HTTP/%s" %d', "203.0.113.7:50123", "GET",
        "/search?q=ZHU+Hailun&jurisdiction=us", "1.1", 200)
    assert "ZHU" not in caplog.text and "Hailun" not in caplog.text
    assert '"GET /search?… HTTP/1.1" 200' in caplog.text
    app.state.engine.dispose()
