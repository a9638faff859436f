"""Partners see no confidential metadata (issue 15 item 6): a coalition member with shared
access gets neither submission notes nor the people in provenance (custody e-mails,
`collected_by`); an exported bundle carries neither. The owning organisation still does."""

from __future__ import annotations

import json
import zipfile
from io import BytesIO

from dossier_world import World

from concerted.dossiers import service, submissions
from concerted.dossiers.bundle import export_bundle
from concerted.dossiers.model import Level, Status

NOTE = "Sent via the embassy contact, Ms K. (+44 20 7946 0000)"


def _submit(world: World) -> None:
    owner = world.actors["owner"]
    submissions.build(world.env, owner, world.dossier, "au-thematic", "pdf")
    sub = service.get_dossier(world.env, owner, world.dossier).submissions[0]
    submissions.set_status(world.env, owner, sub.id, Status.SUBMITTED, None, NOTE)


def test_a_partner_gets_no_notes_and_no_people(world: World) -> None:
    _submit(world)
    seen = json.dumps(service.get_dossier(world.env, world.actors["partner"],
                                          world.dossier).to_dict())
    assert NOTE not in seen and "packet first built" not in seen
    assert "@example.org" not in seen and "Research team" not in seen
    assert '"status": "submitted"' in seen  # the status itself is not confidential
    own = json.dumps(service.get_dossier(world.env, world.actors["viewer"],
                                         world.dossier).to_dict())
    assert NOTE in own and "owner@example.org" in own and "Research team" in own


def test_a_bundle_carries_no_people_and_no_notes(world: World) -> None:
    _submit(world)
    data = export_bundle(world.env, world.actors["owner"], world.dossier, Level.GOVERNMENTS)
    with zipfile.ZipFile(BytesIO(data[:data.rindex(b"PK\x05\x06") + 22])) as archive:
        manifest = archive.read("manifest.json").decode()
    assert "@example.org" not in manifest and "Research team" not in manifest
    assert NOTE not in manifest
    assert json.loads(manifest)["dossier"]["evidence"][0]["provenance"]["custody"][0]["by"] \
        == "Rights Watch"
