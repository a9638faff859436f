"""Invariant 5: a dossier stores the lists' own keys; which other listings are the same
subject is asked of the resolution at read time, so a new judgement changes the answer
without touching the dossier."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any, cast

import pytest
from dossier_world import ZHU_GB, ZHU_US, World, ingest_fixture
from sqlalchemy import select

from concerted.analysis.inputs import Target
from concerted.dossiers import service
from concerted.dossiers.gaps import jurisdiction_status
from concerted.dossiers.policy import NotFound
from concerted.dossiers.targets import expand, listing_keys, parse_listing_ref
from concerted.state.model import State
from concerted.store.tables import dossier_listings


def _state(*clusters: tuple[tuple[str, str], ...]) -> State:
    targets = {f"{c[0][0]}:{c[0][1]}": Target(f"{c[0][0]}:{c[0][1]}", "x", listings=c)
               for c in clusters}
    found: Any = SimpleNamespace(targets=targets, judged={}, target_of={
        key: t.id for t in targets.values() for key in t.listings})
    return cast(State, found)


def test_expand_reads_the_resolution_now() -> None:
    assert expand([ZHU_US], None) == (ZHU_US,)
    assert expand([ZHU_US], _state((ZHU_US, ZHU_GB))) == (ZHU_US, ZHU_GB)
    assert expand([ZHU_US], _state((ZHU_US,), (ZHU_GB,))) == (ZHU_US,)


def test_targets_become_listing_keys(sqlite_world: World) -> None:
    env = sqlite_world.env
    ingest_fixture(env, "us_ofac_sdn")
    ingest_fixture(env, "gb_hmt_conlist")
    assert listing_keys(env.engine, "us_ofac_sdn:29219") == [ZHU_US]
    assert listing_keys(env.engine, "us_ofac_sdn:29219",
                        _state((ZHU_US, ZHU_GB))) == [ZHU_US, ZHU_GB]
    with pytest.raises(NotFound):
        listing_keys(env.engine, "us_ofac_sdn:1")
    with pytest.raises(ValueError, match="SOURCE:KEY"):
        parse_listing_ref("29219")


def test_who_acted_follows_the_resolution(sqlite_world: World) -> None:
    env, owner = sqlite_world.env, sqlite_world.actors["owner"]
    ingest_fixture(env, "us_ofac_sdn")
    ingest_fixture(env, "gb_hmt_conlist")
    service.link_listing(env, owner, sqlite_world.dossier, *ZHU_US)
    view = service.get_dossier(env, owner, sqlite_world.dossier)

    def acted(state: State | None) -> set[str]:
        return {s.jurisdiction for s in jurisdiction_status(env.engine, view, state) if s.acted}

    assert acted(None) == {"us"}
    assert acted(_state((ZHU_US, ZHU_GB))) == {"us", "gb"}
    with env.engine.connect() as conn:
        stored = conn.execute(select(dossier_listings.c.source, dossier_listings.c.listing_key)
                              ).all()
    assert [tuple(r) for r in stored] == [ZHU_US]  # the dossier itself never changed
