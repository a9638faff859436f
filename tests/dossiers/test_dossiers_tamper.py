"""An insider who can write the database but does not hold the keyring (issue 15 items 1-2).

Permission columns — levels, a dossier's organisation, memberships, coalition memberships,
shares — are bound to the keyring by a MAC: an edit is refused on read and reported by
`verify`. The audit log is keyed: deleting, altering or inserting entries and re-chaining, or
cutting the end off and rolling the head back, is reported; `--head SEQ:HASH` recorded
elsewhere stays true after later reads and catches a log put back from an old copy.
Every test runs on SQLite and PostgreSQL (the `world` fixture).
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from dossier_world import World, add_user
from sqlalchemy import Connection, delete, insert, select, update

from concerted.dossiers import audit, evidence, service
from concerted.dossiers.binding import BOUND, Unbound
from concerted.dossiers.model import Level, Subject
from concerted.dossiers.verify import AlreadyBound, bind, verify
from concerted.store.tables import (
    audit_head,
    audit_log,
    dossier_shares,
    dossiers,
    org_members,
    organisations,
    users,
)
from concerted.store.tables import evidence as evidence_table

# --- item 1: permission columns bound to the keyring --------------------------------------


def test_a_level_edited_in_the_database_is_refused_on_read_and_reported(world: World) -> None:
    env, witness = world.env, world.evidence[Level.PROTECTED]
    with env.engine.begin() as conn:  # `update evidence set level='public' where id=…`
        conn.execute(update(evidence_table).where(evidence_table.c.id == witness)
                     .values(level="public"))
    with pytest.raises(Unbound, match="evidence row"):
        service.get_dossier(env, world.actors["partner"], world.dossier)
    file_item = world.evidence[Level.INTERNAL]
    with env.engine.begin() as conn:
        conn.execute(update(evidence_table).where(evidence_table.c.id == file_item)
                     .values(level="public"))
    with pytest.raises(Unbound):
        evidence.evidence_file(env, world.actors["partner"], file_item)
    faults = verify(env)
    assert any(f"id={witness}" in f and "does not authenticate" in f for f in faults)
    assert any(f"id={file_item}" in f for f in faults)


def test_evidence_moved_to_another_dossier_is_refused(world: World) -> None:
    env, other = world.env, world.actors["other"]
    theirs = service.create_dossier(env, other, "Other NGO",
                                    Subject("Someone Else"))
    with env.engine.begin() as conn:
        conn.execute(update(evidence_table).where(
            evidence_table.c.id == world.evidence[Level.INTERNAL]).values(dossier_id=theirs))
    with pytest.raises(Unbound):
        service.get_dossier(env, other, theirs)
    assert verify(env)


def test_a_dossier_moved_to_another_organisation_is_refused(world: World) -> None:
    env = world.env
    with env.engine.begin() as conn:
        other = conn.execute(select(organisations.c.id)
                             .where(organisations.c.name == "Other NGO")).scalar_one()
        conn.execute(update(dossiers).where(dossiers.c.id == world.dossier)
                     .values(org_id=other))
    with pytest.raises(Unbound, match="dossiers row"):
        service.get_dossier(env, world.actors["other"], world.dossier)
    assert service.list_dossiers(env, world.actors["nobody"]) == []
    assert any(f.startswith("dossiers row") for f in verify(env))


def test_a_forged_membership_is_refused(world: World) -> None:
    env = world.env
    add_user(env, "intruder@example.org")
    with env.engine.begin() as conn:
        org = conn.execute(select(organisations.c.id)
                           .where(organisations.c.name == "Rights Watch")).scalar_one()
        intruder = conn.execute(select(users.c.id)
                                .where(users.c.email == "intruder@example.org")).scalar_one()
        conn.execute(insert(org_members).values(org_id=org, user_id=intruder, role="owner",
                                                added_at="2024-01-01T00:00:00+00:00"))
    with pytest.raises(Unbound, match="org_members"):
        env.actor("intruder@example.org")
    viewer = env.actor("viewer@example.org")  # others are unaffected
    with env.engine.begin() as conn:  # a viewer promotes themselves
        conn.execute(update(org_members).where(org_members.c.user_id == viewer.user_id)
                     .values(role="owner"))
    with pytest.raises(Unbound):
        env.actor("viewer@example.org")
    assert sum("org_members" in f for f in verify(env)) == 2


def test_a_widened_share_is_refused(world: World) -> None:
    env = world.env
    with env.engine.begin() as conn:
        conn.execute(update(dossier_shares).values(level="internal"))
    with pytest.raises(Unbound, match="dossier_shares"):
        service.get_dossier(env, world.actors["partner"], world.dossier)
    assert any("dossier_shares" in f for f in verify(env))


def test_the_api_answers_a_tampered_row_with_409(world: World) -> None:
    from concerted.api.dossier_deps import refusals
    from concerted.api.errors import ApiError

    with world.env.engine.begin() as conn:
        conn.execute(update(evidence_table).values(level="public"))
    with pytest.raises(ApiError) as refused, refusals():
        evidence.evidence_file(world.env, world.actors["partner"],
                               world.evidence[Level.INTERNAL])
    assert refused.value.status_code == 409


def _unkeyed(conn: Connection) -> None:
    """The store as a Concerted from before binding left it: no tags, no MACs."""
    for table, _ in BOUND.values():
        conn.execute(update(table).values(bound=None))
    conn.execute(update(audit_log).values(mac=None))
    conn.execute(update(audit_head).values(mac=None))


def test_bind_keys_an_older_store_once(world: World) -> None:
    env = world.env
    with env.engine.begin() as conn:
        _unkeyed(conn)
    faults = verify(env)
    assert faults[0].startswith("audit log: entry 1 has no MAC")
    assert any("no tag" in f for f in faults)
    with pytest.raises(Unbound):  # refused until bound
        env.actor("owner@example.org")
    counts = bind(env)
    assert counts["rows"] > 10 and counts["entries"] > 10
    assert verify(env) == []
    service.get_dossier(env, env.actor("owner@example.org"), world.dossier)
    with pytest.raises(AlreadyBound):
        bind(env)
    with env.engine.begin() as conn:  # a row untagged after binding stays a fault
        conn.execute(update(dossier_shares).values(bound=None, level="internal"))
    with pytest.raises(AlreadyBound):
        bind(env)
    assert any("dossier_shares" in f for f in verify(env))


# --- item 2: the audit log cannot be rewritten ------------------------------------------


def _entries(conn: Connection) -> list[dict[str, Any]]:
    return [dict(r._mapping) for r in conn.execute(select(audit_log).order_by(audit_log.c.seq))]


def _rewrite(conn: Connection, entries: list[dict[str, Any]]) -> None:
    """Replace the log by `entries`, renumbered and re-chained as an intruder would (they
    can recompute every SHA-256 but not the MACs, which they keep as found)."""
    conn.execute(delete(audit_log))
    previous = audit.GENESIS
    for seq, entry in enumerate(entries, 1):
        entry = {**entry, "seq": seq, "prev_hash": previous}
        entry["hash"] = audit.entry_hash(entry)
        conn.execute(insert(audit_log).values(**entry))
        previous = entry["hash"]
    conn.execute(update(audit_head).values(seq=len(entries), hash=previous))


def _reads(world: World, count: int) -> None:
    for _ in range(count):
        service.get_dossier(world.env, world.actors["viewer"], world.dossier)


def test_cutting_the_end_and_rolling_back_the_head_is_detected(world: World) -> None:
    _reads(world, 3)
    with world.env.engine.begin() as conn:
        entries = _entries(conn)
        keep = entries[:-3]
        conn.execute(delete(audit_log).where(audit_log.c.seq > keep[-1]["seq"]))
        conn.execute(update(audit_head).values(seq=keep[-1]["seq"], hash=keep[-1]["hash"],
                                               mac=keep[-1]["mac"]))
    assert verify(world.env)[0].startswith("audit log: the head does not authenticate")


def test_deleting_a_users_reads_and_rechaining_is_detected(world: World) -> None:
    _reads(world, 3)
    with world.env.engine.begin() as conn:
        _rewrite(conn, [e for e in _entries(conn) if e["actor"] != "viewer@example.org"])
    assert "does not authenticate" in verify(world.env)[0]


def test_altering_an_entry_and_rechaining_is_detected(world: World) -> None:
    with world.env.engine.begin() as conn:
        entries = _entries(conn)
        entries[4]["detail"] = json.dumps({"level": "public"})
        _rewrite(conn, entries)
    assert verify(world.env)[0].startswith("audit log: entry 5 does not authenticate")


def test_inserting_an_entry_and_rechaining_is_detected(world: World) -> None:
    with world.env.engine.begin() as conn:
        entries = _entries(conn)
        forged = {**entries[2], "action": "evidence.level", "actor": "owner@example.org"}
        _rewrite(conn, [*entries[:3], forged, *entries[3:]])
    assert verify(world.env)[0].startswith("audit log: entry 4 does not authenticate")


def test_a_head_recorded_elsewhere_holds_after_later_reads(world: World) -> None:
    with world.env.engine.connect() as conn:
        recorded = audit.head(conn)
    _reads(world, 2)
    assert verify(world.env, [recorded]) == []
    assert verify(world.env, [audit.parse_head(f"{recorded[0]}:{recorded[1]}")]) == []
    wrong = (recorded[0], "0" * 64)
    assert "not the 000" in verify(world.env, [wrong])[0]


def test_a_log_put_back_from_an_old_copy_is_caught_by_a_recorded_head(world: World) -> None:
    with world.env.engine.connect() as conn:
        old_head = dict(conn.execute(select(audit_head)).one()._mapping)
    _reads(world, 2)
    with world.env.engine.connect() as conn:
        recorded = audit.head(conn)
    with world.env.engine.begin() as conn:  # the whole earlier state, MACs and all
        conn.execute(delete(audit_log).where(audit_log.c.seq > old_head["seq"]))
        conn.execute(update(audit_head).values(**old_head))
    assert verify(world.env) == []  # nothing in the store can tell...
    assert "entries were cut off" in verify(world.env, [recorded])[0]  # ...this can


def test_parse_head_names_the_problem() -> None:
    with pytest.raises(ValueError, match="expected SEQ:HASH"):
        audit.parse_head("12 abc")
    assert audit.parse_head(f"7:{'a' * 64}") == (7, "a" * 64)
