"""A small world of organisations, users and one shared dossier, for the dossier tests.

"Rights Watch" (owner, editor, viewer) holds a dossier on ZHU Hailun with one allegation and
one evidence item at each confidentiality level; it shares the dossier with the "Xinjiang
Coalition" (Rights Watch + "Partner NGO") up to `governments`. "Other NGO" is in a coalition
with Rights Watch that was shared nothing; "nobody" belongs nowhere. The evidence is small
but real-format: a PDF, a PNG, a text file, and a testimony summary kept `protected`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from sqlalchemy import insert

from concerted.accounts.passwords import hash_password
from concerted.archive import Archive
from concerted.dossiers import allegations, evidence, orgs, service
from concerted.dossiers.env import DossierEnv
from concerted.dossiers.keys import load_keyring, passphrase
from concerted.dossiers.model import EvidenceKind, Level, Role, Subject
from concerted.dossiers.policy import Actor
from concerted.dossiers.records import Provenance
from concerted.settings import Settings
from concerted.store.db import connect
from concerted.store.tables import users

PASSWORD = "correct horse battery staple"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
WITNESS_TITLE = "Statement of witness W-7, former guard"
WITNESS_SUMMARY = "W-7 describes night transfers from the Urumqi facility."


@dataclass
class World:
    env: DossierEnv
    dossier: str
    actors: dict[str, Actor]
    evidence: dict[Level, str] = field(default_factory=dict)
    allegations: dict[Level, str] = field(default_factory=dict)


def make_env(url: str, folder: Path) -> DossierEnv:
    engine = connect(url)
    keyring = load_keyring(folder / "keyring.json", passphrase(Settings()), create=True)
    return DossierEnv(engine, Archive(folder / "archive"), keyring, max_upload=64 * 1024)


USERS = {"owner": ("Rights Watch", Role.OWNER), "editor": ("Rights Watch", Role.EDITOR),
         "viewer": ("Rights Watch", Role.VIEWER), "other": ("Other NGO", Role.OWNER),
         "partner": ("Partner NGO", Role.OWNER), "nobody": (None, None)}


@cache
def _hash() -> str:
    return hash_password(PASSWORD)


def add_user(env: DossierEnv, email: str) -> None:
    """A user with the test password, hashed once per run (argon2 is slow on purpose)."""
    with env.engine.begin() as conn:
        conn.execute(insert(users).values(email=email, password_hash=_hash(),
                                          created_at="2024-01-01T00:00:00+00:00",
                                          disabled=False))


def _people(env: DossierEnv) -> dict[str, Actor]:
    for name in ("Rights Watch", "Other NGO", "Partner NGO"):
        orgs.add_org(env, name)
    for user, (org, role) in USERS.items():
        add_user(env, f"{user}@example.org")
        if org and role:
            orgs.add_member(env, org, f"{user}@example.org", role, None)
    orgs.add_coalition(env, "Xinjiang Coalition", ["Rights Watch", "Partner NGO"])
    orgs.add_coalition(env, "Unused Coalition", ["Rights Watch", "Other NGO"])
    return {user: env.actor(f"{user}@example.org") for user in USERS}


_FILES = {Level.PUBLIC: ("press.pdf", PDF, "Published policy directive"),
          Level.GOVERNMENTS: ("satellite.png", PNG, "Satellite image of the facility"),
          Level.INTERNAL: ("notes.txt", b"Researcher notes on sources.\n", "Internal notes")}


def build_world(env: DossierEnv) -> World:
    actors = _people(env)
    owner = actors["owner"]
    dossier = service.create_dossier(env, owner, "Rights Watch", Subject(
        "ZHU Hailun", aliases=("Zhu Hailun",), birth_dates=("1958-01",),
        positions=("Former Deputy Secretary, XUAR Party Committee",)))
    world = World(env, dossier, actors)
    for level in Level:
        world.allegations[level] = allegations.add_allegation(
            env, owner, dossier, allegations.AllegationInput(
                ("arbitrary_detention", "torture"), f"Mass detention ({level.value} account)",
                "Xinjiang", "Uyghur detainees", "2017", "2019", level))
    for level, (name, data, title) in _FILES.items():
        world.evidence[level] = evidence.add_evidence(env, owner, dossier, evidence.EvidenceInput(
            EvidenceKind.IMAGE if name.endswith(".png") else EvidenceKind.DOCUMENT, level,
            title, provenance=Provenance("field research", "2020-05-01", "Research team"),
            supports=(world.allegations[Level.GOVERNMENTS],), filename=name, data=data))
    world.evidence[Level.PROTECTED] = evidence.add_evidence(
        env, owner, dossier, evidence.EvidenceInput(
            EvidenceKind.TESTIMONY, Level.PROTECTED, WITNESS_TITLE, WITNESS_SUMMARY,
            provenance=Provenance("interview", "2020-06-01", "Field researcher R-2")))
    orgs.share(env, owner, dossier, "Xinjiang Coalition", Level.GOVERNMENTS)
    return world


FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
LIST_FIXTURES = {
    "us_ofac_sdn": ("us_ofac_sdn/sdn.csv", "2024-05-03"),
    "gb_hmt_conlist": ("gb_hmt_conlist/ConList.csv", None),
    "au_dfat": ("au_dfat/regulation8-excerpt.xlsx", "2024-11-11"),
}
ZHU_US, ZHU_GB = ("us_ofac_sdn", "29219"), ("gb_hmt_conlist", "14078")


def ingest_fixture(env: DossierEnv, source_id: str) -> None:
    """One small real list excerpt into the store (count bounds loosened for its size)."""
    import dataclasses

    from concerted.ingest import IngestOptions, ingest_blobs
    from concerted.sources import SOURCES

    path, date = LIST_FIXTURES[source_id]
    source = dataclasses.replace(SOURCES[source_id], min_listings=1, max_shrink=1.0)
    file = FIXTURES / path
    result = ingest_blobs(env.engine, env.archive, source, {file.name: file.read_bytes()},
                          IngestOptions(date=date))
    assert result.status == "ingested", result.message
