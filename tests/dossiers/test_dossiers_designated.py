"""After an ingest, submissions whose government has listed the subject become designated
and the dossier's owners are alerted (`mark_designated`, the call the ingest path makes)."""

from __future__ import annotations

from dossier_world import World, ingest_fixture

from concerted.dossiers import allegations, board, service, submissions
from concerted.dossiers.designated import mark_designated
from concerted.dossiers.model import Status, Subject


def test_a_new_listing_marks_the_submission_designated(world: World) -> None:
    env, owner = world.env, world.actors["owner"]
    dossier = service.create_dossier(env, owner, "Rights Watch", Subject(
        "Alexander Ivanovich BASTRYKIN", birth_dates=("1953-08-27",)))
    allegations.add_allegation(env, owner, dossier, allegations.AllegationInput(
        ("arbitrary_detention", "torture"), "Prosecutions of protesters"))
    submission, _, _ = submissions.build(env, owner, dossier, "au-thematic", "pdf")
    submissions.set_status(env, owner, submission, Status.SUBMITTED, "2022-01-10")
    assert mark_designated(env.engine, env.keyring) == 0

    ingest_fixture(env, "au_dfat")
    assert mark_designated(env.engine, env.keyring) == 1
    assert mark_designated(env.engine, env.keyring) == 0  # once only

    view = service.get_dossier(env, owner, dossier)
    record = next(s for s in view.submissions if s.id == submission)
    assert record.status == "designated" and record.events[-1]["automatic"]
    assert "au_dfat:6854" in record.events[-1]["note"]
    assert ("au_dfat", "6854") in view.listings
    alerts = board.alerts_for(env, owner)
    assert len(alerts) == 1 and "au_dfat:6854" in alerts[0]["message"]
    assert board.alerts_for(env, world.actors["editor"]) == []  # owners are alerted


def test_a_namesake_born_another_year_is_not_taken(world: World) -> None:
    env, owner = world.env, world.actors["owner"]
    dossier = service.create_dossier(env, owner, "Rights Watch", Subject(
        "Alexander Ivanovich Bastrykin", birth_dates=("1975",)))
    submissions.build(env, owner, dossier, "au-thematic", "pdf")
    ingest_fixture(env, "au_dfat")
    assert mark_designated(env.engine, env.keyring) == 0
