"""Fixture strategy: the real official files served from loopback servers, in-process CLI.

The US snapshots of 2022-12-08 and 2022-12-09 (../shared/data/lists/us) are served whole:
the source's count bounds refuse excerpts, as they should. The day a fetched file is dated
by is set through `concerted.updates.clock`, so that two fetches a test makes one after the
other are two days of the list's history.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from local_servers import ListServer, Mailbox, WebhookReceiver, list_server, mailbox, \
    webhook_receiver

from concerted.cli import cli
from concerted.updates import clock

Invoke = Callable[..., Result]


@pytest.fixture()
def lists() -> Iterator[ListServer]:
    with list_server() as server:
        yield server


@pytest.fixture()
def hooks() -> Iterator[WebhookReceiver]:
    with webhook_receiver() as receiver:
        yield receiver


@pytest.fixture()
def smtp() -> Iterator[Mailbox]:
    with mailbox() as box:
        yield box


@pytest.fixture()
def set_day(monkeypatch: pytest.MonkeyPatch) -> Callable[[str], None]:
    def set_to(day: str) -> None:
        moment = datetime.fromisoformat(f"{day}T19:00:00+00:00").astimezone(UTC)
        monkeypatch.setattr(clock, "now", lambda: moment)

    return set_to


@pytest.fixture()
def invoke(db_url: str, tmp_path: Path, smtp: Mailbox) -> Invoke:
    """Run `concerted --db URL ...` in-process, with the test's data dir and SMTP server."""
    env = {"CONCERTED_DATA_DIR": str(tmp_path / "data"), "CONCERTED_SMTP_HOST": smtp.host,
           "CONCERTED_SMTP_PORT": str(smtp.port), "CONCERTED_FETCH_BACKOFF": "0",
           "CONCERTED_WEBHOOK_BACKOFF": "0", "CONCERTED_BASE_URL": "http://concerted.test"}

    def run(*args: str) -> Result:
        return CliRunner().invoke(cli, ["--db", db_url, *args], env=env,
                                  catch_exceptions=False)

    return run
