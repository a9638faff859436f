"""Issue 13's must-show: a store with the schema of the baseline revision (main before
migrations), holding judgements, users, a subscription with delivered alerts, a dossier with
evidence and an audit chain, is upgraded to the newest revision by `concerted upgrade`, on
SQLite and PostgreSQL: every row is there, `concerted audit verify` passes, the evidence
still opens, and no alert is delivered again.

The old store is made with today's code and then taken down to the baseline revision by the
migrations' own downgrades, its `alembic_version` dropped and its keyring rewritten in clear
without MAC keys: exactly what Concerted left before migrations, keyed audit and wrapped
keyrings existed. Real OFAC lines (tests/fixtures/store/us), count bounds loosened for them.
"""

from __future__ import annotations

import base64
import dataclasses
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from dossier_world import PASSWORD, PDF
from local_servers import WebhookReceiver, webhook_receiver
from sqlalchemy import Engine, MetaData, create_engine, func, select, text

from concerted import sources
from concerted.cli import cli
from concerted.dossiers.keys import load_keyring, passphrase
from concerted.resolve import journal
from concerted.resolve.judgements import Judgement, JudgementRecord
from concerted.settings import Settings
from concerted.store.db import normalise_url
from concerted.store.migrate import BASELINE, VERSION_TABLE, current_revision, downgrade
from concerted.store.migrate import head_revision as newest
from concerted.store.tables import alert_deliveries, alerts, delivery_log

US = Path(__file__).resolve().parents[1] / "fixtures" / "store" / "us"
MARKER = b"W-7 describes the night transfers"


@pytest.fixture()
def hooks() -> Iterator[WebhookReceiver]:
    with webhook_receiver() as receiver:
        yield receiver


@pytest.fixture(autouse=True)
def small_bounds(monkeypatch: pytest.MonkeyPatch) -> None:
    loose = dataclasses.replace(sources.SOURCES["us_ofac_sdn"], min_listings=10, max_shrink=1.0)
    monkeypatch.setitem(sources.SOURCES, "us_ofac_sdn", loose)


class Shell:
    def __init__(self, db_url: str, root: Path) -> None:
        self.db_url = db_url
        self.env: dict[str, str | None] = {
            "CONCERTED_DATA_DIR": str(root / "data"), "CONCERTED_KEY_FILE": None,
            "CONCERTED_WEBHOOK_ALLOW_PRIVATE": "1", "CONCERTED_WEBHOOK_BACKOFF": "0"}

    def __call__(self, *args: str, ok: bool = True, stdin: str | None = None) -> Result:
        result = CliRunner(env=self.env).invoke(cli, ["--db", self.db_url, *args], input=stdin)
        assert (result.exit_code == 0) == ok, result.output
        return result


def _fill(sh: Shell, hooks: WebhookReceiver, root: Path) -> str:
    """Lists, a subscription whose alerts were delivered, people, a dossier with evidence."""
    sh("subscriptions", "add", "--program", "us-glomag", "--webhook", hooks.url())
    sh("ingest", str(US / "2022-12-08"))
    sh("ingest", str(US / "2022-12-09"))
    assert '"outcome": "sent"' in sh("alerts", "deliver", "--format", "json").stdout
    assert len(hooks.received) == 1
    sh("orgs", "add", "Rights Watch")
    sh("users", "add", "owner@example.org", "--org", "Rights Watch", "--role", "owner",
       "--password-stdin", stdin=PASSWORD + "\n")
    me = ("--as", "owner@example.org")
    dossier = sh("dossiers", "create", "--org", "Rights Watch", "--subject", "ZHU Hailun",
                 "--no-target", *me).stdout.strip()
    sh("dossiers", "link", dossier, "us_ofac_sdn:23252", *me)
    statement = root / "statement.pdf"
    statement.write_bytes(PDF.replace(b"trailer", MARKER + b"\ntrailer"))
    evidence = sh("evidence", "add", dossier, str(statement), "--level", "protected",
                  "--title", "Statement of W-7", *me).stdout.strip()
    sh("evidence", "get", evidence, "--out", str(root / "read.pdf"), *me)  # audited
    return evidence


def _judge(engine: Engine) -> None:
    journal.append(engine, [
        JudgementRecord("us_ofac_sdn:23252", "us_ofac_sdn:23255", Judgement.NEGATIVE,
                        "alice@example.org", "2026-12-01T10:00:00Z", 0.62, "two people"),
        JudgementRecord("us_ofac_sdn:23252", "us_ofac_sdn:23256", Judgement.UNSURE,
                        "bob@example.org", "2026-12-01T10:05:00Z", None, None)])


def _to_pre_migration_store(engine: Engine, keyring_path: Path) -> None:
    downgrade(engine, BASELINE)
    with engine.begin() as conn:
        conn.execute(text(f"DROP TABLE {VERSION_TABLE}"))
    keyring = load_keyring(keyring_path, passphrase(Settings()))
    keyring_path.write_text(json.dumps({  # the clear JSON keyring of the baseline's code
        "data_keys": [{"id": k.id, "key": base64.b64encode(k.key).decode(),
                       "created": k.created, "active": k.active} for k in keyring.data_keys],
        "signing_keys": [{"id": k.id, "seed": base64.b64encode(k.seed).decode(),
                          "created": k.created, "active": k.active}
                         for k in keyring.signing_keys]}))


def _rows(engine: Engine) -> dict[str, list[dict[str, Any]]]:
    found = MetaData()
    with engine.connect() as conn:
        found.reflect(conn)
        return {t.name: sorted((dict(r._mapping) for r in conn.execute(select(t))),
                               key=lambda row: json.dumps(row, sort_keys=True, default=str))
                for t in found.sorted_tables if t.name != VERSION_TABLE}


def _counts(engine: Engine) -> tuple[int, int, int]:
    with engine.connect() as conn:
        return tuple(conn.execute(select(func.count()).select_from(t)).scalar_one()
                     for t in (alerts, alert_deliveries, delivery_log))  # type: ignore[return-value]


def test_upgrade_from_the_baseline_keeps_every_row(db_url: str, tmp_path: Path,
                                                    hooks: WebhookReceiver) -> None:
    sh = Shell(db_url, tmp_path)
    evidence = _fill(sh, hooks, tmp_path)
    engine = create_engine(normalise_url(db_url))
    _judge(engine)
    _to_pre_migration_store(engine, tmp_path / "data" / "keys" / "keyring.json")
    before = _rows(engine)
    counts = _counts(engine)
    assert counts[0] > 0 and counts[1] > 0
    assert all(before[name] for name in ("judgements", "users", "subscriptions", "alerts",
                                         "alert_deliveries", "dossiers", "evidence",
                                         "audit_log", "memberships", "versions"))
    refused = sh("listings", ok=False)
    assert f"at schema revision {BASELINE}" in refused.output
    assert "concerted upgrade" in refused.output

    upgraded = sh("upgrade").stdout
    assert f"upgraded from schema revision {BASELINE} to {newest()}" in upgraded
    assert "keyed " in upgraded  # the audit log keyed with the keyring's new MAC key
    with engine.connect() as conn:
        assert current_revision(conn) == newest()
    after = _rows(engine)
    for table, rows in before.items():
        if table not in after:  # dropped by a later revision (0008: review_judgements,
            assert rows == [], table  # whose rows it carries into judgements): empty here
            continue
        if not rows:
            continue
        kept = [{k: v for k, v in row.items() if k in rows[0]} for row in after[table]]
        if table == "audit_log":  # the upgrade records its keying, after the old chain
            added = [row for row in kept if row not in rows]
            assert [row["action"] for row in added] == ["audit.bind"]
            kept = [row for row in kept if row in rows]
        if table == "audit_head":
            assert kept[0]["seq"] == rows[0]["seq"] + 1
            continue
        assert kept == rows, f"{table} lost or changed rows"

    assert "intact" in sh("audit", "verify").stdout
    me = ("--as", "owner@example.org")
    sh("evidence", "get", evidence, "--out", str(tmp_path / "again.pdf"), *me)
    assert MARKER in (tmp_path / "again.pdf").read_bytes()
    assert "data_keys" not in (tmp_path / "data" / "keys" / "keyring.json").read_text()

    sh("alerts", "deliver")
    sh("ingest", str(US / "2022-12-08"), str(US / "2022-12-09"))  # the same files: unchanged
    sh("alerts", "deliver")
    assert len(hooks.received) == 1  # nothing delivered again
    assert _counts(engine) == counts
    assert "intact" in sh("audit", "verify").stdout
    engine.dispose()
