"""Revision 0008: the web review's interim `review_judgements` rows become judgements (issue
12 item 4), on SQLite and PostgreSQL, and nothing reads the old table any more."""

from __future__ import annotations

from click.testing import CliRunner
from sqlalchemy import create_engine, inspect, text

from concerted.cli import cli
from concerted.resolve import journal
from concerted.store.db import connect, normalise_url
from concerted.store.migrate import upgrade

ROWS = [  # as the web review wrote them: the pair in the order the form gave
    ("us_ofac_sdn:29219", "gb_hmt_conlist:14078", "positive", 0.98, "alice@example.org",
     "2026-11-01T10:00:00Z"),
    ("au_dfat:2961", "us_ofac_sdn:23343", "negative", None, "bob@example.org",
     "2026-11-02T10:00:00Z"),
    ("au_dfat:2961", "au_dfat:2961", "positive", None, "bob@example.org",  # one listing twice
     "2026-11-03T10:00:00Z"),
]


def test_interim_rows_become_judgements(db_url: str) -> None:
    raw = create_engine(normalise_url(db_url))
    upgrade(raw, "0007")
    with raw.begin() as conn:
        for row in ROWS:
            conn.execute(text(
                'INSERT INTO review_judgements (left_ref, right_ref, judgement, score, "user", '
                "created_at) VALUES (:l, :r, :j, :s, :u, :c)"),
                dict(zip("lrjsuc", row, strict=True)))
        conn.execute(text(  # the same decision already in the journal: not carried twice
            'INSERT INTO judgements (left_ref, right_ref, judgement, "user", created_at) '
            "VALUES ('au_dfat:2961', 'us_ofac_sdn:23343', 'negative', 'bob@example.org', "
            "'2026-11-02T10:00:00Z')"))
    result = CliRunner().invoke(cli, ["--db", db_url, "upgrade"])
    assert result.exit_code == 0, result.output
    engine = connect(db_url)
    assert "review_judgements" not in inspect(engine).get_table_names()
    found = [(r.left, r.right, r.judgement.value, r.user) for r in journal.load(engine)]
    assert found == [
        ("gb_hmt_conlist:14078", "us_ofac_sdn:29219", "positive", "alice@example.org"),
        ("au_dfat:2961", "us_ofac_sdn:23343", "negative", "bob@example.org")]
    engine.dispose()
    raw.dispose()
