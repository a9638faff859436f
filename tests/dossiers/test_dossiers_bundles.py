"""Exchange bundles: signed, redacted to the recipient's level, verified on import; one
altered byte anywhere and the import is refused with a clear message."""

from __future__ import annotations

import hashlib

import pytest
from dossier_world import PNG, WITNESS_TITLE, World

from concerted.dossiers import bundle_import, evidence, service
from concerted.dossiers.bundle import BundleError, export_bundle
from concerted.dossiers.keys import public_key_hex
from concerted.dossiers.model import Level, Subject
from concerted.dossiers.policy import Forbidden


def _trust(world: World, org: str = "Other NGO", owner: str = "other") -> None:
    key = public_key_hex(world.env.keyring.active_signing_key())
    bundle_import.trust_key(world.env, world.actors[owner], org, key, "Rights Watch instance",
                            "Rights Watch")


def test_round_trip_redacted_to_the_recipient(world: World) -> None:
    data = export_bundle(world.env, world.actors["owner"], world.dossier, Level.GOVERNMENTS)
    assert WITNESS_TITLE.encode() not in data and b"Internal notes" not in data
    _trust(world)
    other = world.actors["other"]
    copy = bundle_import.import_bundle(world.env, other, "Other NGO", data)
    view = service.get_dossier(world.env, other, copy)
    assert view.org == "Other NGO" and view.subject.name == "ZHU Hailun"
    assert {e.level for e in view.evidence} == {Level.PUBLIC, Level.GOVERNMENTS}
    assert {a.level for a in view.allegations} == {Level.PUBLIC, Level.GOVERNMENTS}
    image = next(e for e in view.evidence if e.level == Level.GOVERNMENTS)
    assert image.sha256 == hashlib.sha256(PNG).hexdigest()
    assert image.supports and image.supports[0] in {a.id for a in view.allegations}
    assert "received in a bundle signed by key" in image.provenance.custody[-2]["action"]
    _, content = evidence.evidence_file(world.env, other, image.id)
    assert content == PNG


def test_an_untrusted_signer_is_refused(world: World) -> None:
    data = export_bundle(world.env, world.actors["owner"], world.dossier, Level.PUBLIC)
    with pytest.raises(BundleError, match="which this organisation does not trust"):
        bundle_import.import_bundle(world.env, world.actors["other"], "Other NGO", data)


def _flipped(data: bytes, position: int) -> bytes:
    altered = bytearray(data)
    altered[position] ^= 0x01
    return bytes(altered)


@pytest.mark.parametrize("where", ["file", "manifest", "signature"])
def test_one_altered_byte_fails_with_a_clear_message(world: World, where: str) -> None:
    data = export_bundle(world.env, world.actors["owner"], world.dossier, Level.GOVERNMENTS)
    _trust(world)
    marker = {"file": PNG[1:4], "manifest": b'"governments"', "signature": None}[where]
    position = data.index(marker) + 1 if marker else data.index(b"manifest.sig") + 40
    with pytest.raises(BundleError, match=r"^bundle rejected: ") as refused:
        bundle_import.import_bundle(world.env, world.actors["other"], "Other NGO",
                                    _flipped(data, position))
    assert str(refused.value).count("\n") == 0
    assert service.list_dossiers(world.env, world.actors["other"]) == []


def test_no_single_altered_byte_is_accepted(sqlite_world: World) -> None:
    world = sqlite_world
    data = export_bundle(world.env, world.actors["owner"], world.dossier, Level.PUBLIC)
    _trust(world)
    for position in range(0, len(data), 53):
        with pytest.raises(BundleError):
            bundle_import.import_bundle(world.env, world.actors["other"], "Other NGO",
                                        _flipped(data, position))


def test_export_needs_an_owner_and_never_carries_protected(world: World) -> None:
    with pytest.raises(Forbidden):
        export_bundle(world.env, world.actors["editor"], world.dossier, Level.PUBLIC)
    with pytest.raises(ValueError, match="never leaves"):
        export_bundle(world.env, world.actors["owner"], world.dossier, Level.PROTECTED)


def test_trust_is_per_sending_organisation(world: World) -> None:
    """The instance key signs for all its organisations: trusting Rights Watch's bundles does
    not accept one that Partner NGO, on the same instance, sends (issue 15, Low)."""
    _trust(world)
    partner = world.actors["partner"]
    theirs = service.create_dossier(world.env, partner, "Partner NGO",
                                    Subject("Someone Else"))
    data = export_bundle(world.env, partner, theirs, Level.PUBLIC)
    with pytest.raises(BundleError, match=r"sent by 'Partner NGO'.*only for 'Rights Watch'"):
        bundle_import.import_bundle(world.env, world.actors["other"], "Other NGO", data)


def test_a_bundle_is_imported_once(world: World) -> None:
    data = export_bundle(world.env, world.actors["owner"], world.dossier, Level.PUBLIC)
    _trust(world)
    other = world.actors["other"]
    first = bundle_import.import_bundle(world.env, other, "Other NGO", data)
    with pytest.raises(BundleError, match=f"already imported it as dossier {first}"):
        bundle_import.import_bundle(world.env, other, "Other NGO", data)
    assert len(service.list_dossiers(world.env, other)) == 1


def test_a_trust_that_names_no_organisation_is_refused(world: World) -> None:
    from sqlalchemy import update

    from concerted.store.tables import trusted_keys

    data = export_bundle(world.env, world.actors["owner"], world.dossier, Level.PUBLIC)
    _trust(world)
    with world.env.engine.begin() as conn:  # as a trust made before revision 0005 is
        row = conn.execute(trusted_keys.select()).one()
        tag = world.env.binder.tag("trusted_keys", {**row._mapping, "signer_org": None})
        conn.execute(update(trusted_keys).values(signer_org=None, bound=tag))
    with pytest.raises(BundleError, match="trust it again"):
        bundle_import.import_bundle(world.env, world.actors["other"], "Other NGO", data)
