"""The case the feature exists for, on the real list history: ZHU Hailun, designated by the
United States (Global Magnitsky, July 2020), the United Kingdom and the EU (Global Human
Rights, 22 March 2021). The dossier shows Canada and Australia as not having acted and builds
their packets; Australia's carries only what governments may see."""

from __future__ import annotations

import io
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from dossier_world import WITNESS_SUMMARY, WITNESS_TITLE, ZHU_GB, ZHU_US, World, build_world
from dossier_world import make_env as make
from pypdf import PdfReader

from concerted.dossiers import service, submissions
from concerted.dossiers.gaps import jurisdiction_status
from concerted.store.reader import Reader

pytestmark = pytest.mark.shared
ZHU_EU = ("eu_journal", "I.A#5")  # Annex I.A of Regulation (EU) 2020/1998, entry 5


@pytest.fixture()
def zhu(shared_store: str, tmp_path: Path) -> Iterator[World]:
    # The shared store is read-only for tests: work on a copy.
    source = sqlite3.connect(shared_store.removeprefix("sqlite:///"))
    copy = sqlite3.connect(tmp_path / "copy.db")
    source.backup(copy)
    source.close()
    copy.close()
    env = make(f"sqlite:///{tmp_path / 'copy.db'}", tmp_path)
    world = build_world(env)
    reader = Reader(env.engine)
    for key in (ZHU_US, ZHU_GB, ZHU_EU):
        row = reader.listing(*key)
        assert row is not None and "zhu" in row.listing.name.lower()
        service.link_listing(env, world.actors["owner"], world.dossier, *key)
    yield world
    env.engine.dispose()


def test_canada_and_australia_have_not_acted(zhu: World) -> None:
    view = service.get_dossier(zhu.env, zhu.actors["viewer"], zhu.dossier)
    status = {s.jurisdiction: s for s in jurisdiction_status(zhu.env.engine, view)}
    assert {j for j, s in status.items() if s.acted} == {"us", "gb", "eu"}
    assert {j for j, s in status.items() if not s.acted} == {"ca", "au"}
    assert [d["program"] for d in status["us"].designations] == ["us-glomag"]
    assert [d["program"] for d in status["gb"].designations] == ["gb-ghr"]
    assert status["gb"].designations[0]["listed_on"].startswith("2021-03-22")
    assert status["au"].packets == ("au-thematic",) and status["ca"].packets == ("ca-jvcfoa",)
    assert [(d["program"], d["listed_on"]) for d in status["eu"].designations] == [
        ("eu-ghr", "2021-03-22")]  # the date the Official Journal prints
    assert status["eu"].list_as_of == "2026-05-28"
    assert status["ca"].list_as_of == "2020-04-15"


@pytest.mark.parametrize("program", ["ca-jvcfoa", "au-thematic"])
def test_the_missing_governments_packets_are_built(zhu: World, program: str) -> None:
    submission, packet, data = submissions.build(zhu.env, zhu.actors["editor"], zhu.dossier,
                                                 program, "pdf")
    assert data.startswith(b"%PDF") and submission
    assert "United States: Global Magnitsky, listed" in packet.text()
    assert "us-glomag" not in packet.text()


def test_the_australian_packet(zhu: World) -> None:
    _, _, data = submissions.build(zhu.env, zhu.actors["owner"], zhu.dossier, "au-thematic",
                                   "pdf")
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages).split())
    assert "ZHU Hailun" in text and "Australian Sanctions Office" in text
    assert "Allegations under the program's criteria" in text
    assert "right not to be subjected to torture" in text
    assert "Mass detention (governments account)" in text
    assert "Satellite image of the facility" in text
    assert WITNESS_TITLE not in text and WITNESS_SUMMARY not in text and "W-7" not in text
    assert "Internal notes" not in text and "(internal account)" not in text
