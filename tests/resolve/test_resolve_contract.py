"""`concerted resolve` against the store, SQLite and PostgreSQL alike (fixture `db_url`):
system links, the review queue, targets, and judgements that survive re-runs."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Engine

from concerted import clock
from concerted.model import Listing
from concerted.reports.load import load_inputs
from concerted.resolve import journal
from concerted.resolve.judgements import SYSTEM, Judgement, JudgementRecord, effective
from concerted.resolve.xref import ResolveConfig, run

CONFIG = ResolveConfig(workers=1)
J = "ca_sema:Justice for Victims of Corrupt Foreign Officials Regulations (JVCFOR)#1#"


def together(engine: Engine) -> dict[str, str]:
    return {f"{source}:{key}": t.id
            for t in load_inputs(engine).targets for source, key in t.listings}


def test_links_the_same_person_across_lists(engine: Engine) -> None:
    report = run(engine, CONFIG)
    assert report.listings == 39 and report.linked > 0
    target = together(engine)
    for us, gb in [("29219", "14078"), ("31492", "14077"), ("29162", "14076"),
                   ("31493", "14074")]:
        assert target[f"us_ofac_sdn:{us}"] == target[f"gb_hmt_conlist:{gb}"]
    xinjiang = {target[f"us_ofac_sdn:{k}"] for k in ("29219", "31492", "29162", "31493")}
    assert len(xinjiang) == 4
    assert target["us_ofac_sdn:26093"] == target["gb_hmt_conlist:13895"] == target[J + "65"]
    assert target["us_ofac_sdn:23343"] == target["gb_hmt_conlist:13042"] == target["au_dfat:2961"]
    assert target["us_ofac_sdn:36462"] != target["us_ofac_sdn:23343"]  # his daughter


def test_system_judgements_are_attributed(engine: Engine) -> None:
    run(engine, CONFIG)
    records = journal.load(engine)
    assert records and all(r.user == SYSTEM and r.score and r.score >= 0.9 for r in records)
    assert all(r.created_at.endswith("Z") for r in records)
    again = run(engine, CONFIG)
    assert again.linked == 0 and len(journal.load(engine)) == len(records)  # no duplicates



def test_judgements_survive_new_snapshots_and_reruns(
        engine: Engine, listings: list[Listing], store: Callable[..., None]) -> None:
    run(engine, CONFIG)
    rejected = ("au_dfat:2961", "us_ofac_sdn:23343")
    journal.append(engine, [JudgementRecord.make(*rejected, Judgement.NEGATIVE, "alice",
                                                 clock.precise_stamp())])
    queued = journal.queue(engine)
    confirmed = (queued[0].left, queued[0].right) if queued else None
    if confirmed:
        journal.append(engine, [JudgementRecord.make(*confirmed, Judgement.POSITIVE, "bob",
                                                     clock.precise_stamp())])
    store(engine, listings, "2025-02-01")  # a new snapshot of every list
    run(engine, CONFIG)
    target = together(engine)
    assert target[rejected[0]] != target[rejected[1]]
    assert effective(journal.load(engine))[rejected].user == "alice"
    if confirmed:
        assert target[confirmed[0]] == target[confirmed[1]]
        assert confirmed not in {(i.left, i.right) for i in journal.queue(engine)}


def test_queue_holds_scores_and_explanations(engine: Engine) -> None:
    run(engine, ResolveConfig(workers=1, review_threshold=0.3))
    items = journal.queue(engine)
    assert items and all(0.3 <= i.score < 0.9 or i.reason == "chain" for i in items)
    assert all(f["explanation"] for i in items for f in i.features)
