"""The access policy, exhaustively: first the pure rules, then actor × action × object
against a real store (SQLite and PostgreSQL), through the same service calls every surface
uses."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import pytest
from dossier_world import World

from concerted.dossiers import allegations, board, bundle, evidence, orgs, service, submissions
from concerted.dossiers.model import Level, Role
from concerted.dossiers.policy import Access, Action, Decision, Forbidden, NotFound, decide

OWNER, EDITOR, VIEWER = Access(Role.OWNER), Access(Role.EDITOR), Access(Role.VIEWER)
PARTNER, STRANGER = Access(shared=Level.GOVERNMENTS), Access()
A, N, F = Decision.ALLOW, Decision.NOT_FOUND, Decision.FORBIDDEN

# access, action, level of the item (None: the dossier itself), decision
RULES = [
    *[(OWNER, act, None, A) for act in Action],
    *[(OWNER, Action.READ, lv, A) for lv in Level],
    (EDITOR, Action.READ, None, A), (EDITOR, Action.WRITE, None, A),
    (EDITOR, Action.MANAGE, None, F), (EDITOR, Action.READ, Level.PROTECTED, A),
    (VIEWER, Action.READ, None, A), (VIEWER, Action.WRITE, None, F),
    (VIEWER, Action.MANAGE, None, F), (VIEWER, Action.READ, Level.INTERNAL, A),
    (VIEWER, Action.READ, Level.PROTECTED, N), (VIEWER, Action.WRITE, Level.PROTECTED, N),
    (PARTNER, Action.READ, None, A), (PARTNER, Action.READ, Level.PUBLIC, A),
    (PARTNER, Action.READ, Level.GOVERNMENTS, A), (PARTNER, Action.READ, Level.INTERNAL, N),
    (PARTNER, Action.READ, Level.PROTECTED, N), (PARTNER, Action.WRITE, None, F),
    (PARTNER, Action.MANAGE, None, F),
    (Access(shared=Level.PROTECTED), Action.READ, Level.PROTECTED, N),  # capped at internal
    (Access(Role.VIEWER, Level.GOVERNMENTS), Action.READ, Level.INTERNAL, A),
    *[(STRANGER, act, lv, N) for act in Action for lv in (None, *Level)],
]


@pytest.mark.parametrize(("access", "action", "level", "expected"), RULES)
def test_rules(access: Access, action: Action, level: Level | None, expected: Decision) -> None:
    assert decide(access, action, level) == expected


def _outcome(call: Callable[[], object]) -> str:
    try:
        call()
    except NotFound:
        return "404"
    except Forbidden:
        return "403"
    return "ok"


def _actions(w: World, who: str) -> dict[str, Callable[[], object]]:
    env, actor, d = w.env, w.actors[who], w.dossier
    claim = allegations.AllegationInput(("torture",), "Another account")
    acts: dict[str, Callable[[], object]] = {
        "read": lambda: service.get_dossier(env, actor, d),
        "write": lambda: allegations.add_allegation(env, actor, d, claim),
        "link": lambda: service.update_subject(
            env, actor, d, service.get_dossier(env, w.actors["owner"], d).subject),
        "packet": lambda: submissions.build(env, actor, d, "au-thematic", "pdf"),
        "preview": lambda: submissions.preview(env, actor, d, "au-thematic"),
        "share": lambda: orgs.share(env, actor, d, "Xinjiang Coalition", Level.GOVERNMENTS),
        "bundle": lambda: bundle.export_bundle(env, actor, d, Level.GOVERNMENTS),
        "relevel": lambda: evidence.set_level(env, actor, w.evidence[Level.PUBLIC],
                                              Level.PUBLIC),
    }
    for level, item in w.evidence.items():
        if level != Level.PROTECTED:
            acts[f"file:{level.value}"] = partial(evidence.evidence_file, env, actor, item)
    return acts


EXPECTED = {
    #          read  write  link  packet preview share bundle relevel public gov  internal
    "owner":   ("ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok"),
    "editor":  ("ok", "ok", "ok", "ok", "ok", "403", "403", "ok", "ok", "ok", "ok"),
    "viewer":  ("ok", "403", "403", "403", "ok", "403", "403", "403", "ok", "ok", "ok"),
    "partner": ("ok", "403", "403", "403", "ok", "403", "403", "403", "ok", "ok", "404"),
    "other":   ("404",) * 11,
    "nobody":  ("404",) * 11,
}


@pytest.mark.parametrize("who", sorted(EXPECTED))
def test_actor_action_object(world: World, who: str) -> None:
    found = {name: _outcome(call) for name, call in _actions(world, who).items()}
    assert tuple(found.values()) == EXPECTED[who], found


@pytest.mark.parametrize(("who", "levels"), [
    ("owner", set(Level)), ("editor", set(Level)),
    ("viewer", {Level.PUBLIC, Level.GOVERNMENTS, Level.INTERNAL}),
    ("partner", {Level.PUBLIC, Level.GOVERNMENTS})])
def test_each_sees_only_their_levels(world: World, who: str, levels: set[Level]) -> None:
    view = service.get_dossier(world.env, world.actors[who], world.dossier)
    assert {e.level for e in view.evidence} == levels
    assert {a.level for a in view.allegations} == levels


def test_listing_is_scoped(world: World) -> None:
    listed = {who: [d["id"] for d in service.list_dossiers(world.env, actor)]
              for who, actor in world.actors.items()}
    assert listed == {"owner": [world.dossier], "editor": [world.dossier],
                      "viewer": [world.dossier], "partner": [world.dossier], "other": [],
                      "nobody": []}
    assert board.board(world.env, world.actors["other"]) == []


def test_protected_item_is_not_found_for_a_viewer(world: World) -> None:
    with pytest.raises(NotFound):
        evidence.evidence_file(world.env, world.actors["viewer"], world.evidence[Level.INTERNAL]
                               + "x")
    with pytest.raises(NotFound, match="not found"):
        evidence.set_level(world.env, world.actors["viewer"], world.evidence[Level.PROTECTED],
                           Level.PUBLIC)


def test_unsharing_takes_access_away(world: World) -> None:
    orgs.unshare(world.env, world.actors["owner"], world.dossier, "Xinjiang Coalition")
    with pytest.raises(NotFound):
        service.get_dossier(world.env, world.actors["partner"], world.dossier)


def test_protected_is_never_shared(world: World) -> None:
    with pytest.raises(ValueError, match="never shared"):
        orgs.share(world.env, world.actors["owner"], world.dossier, "Xinjiang Coalition",
                   Level.PROTECTED)


def test_a_dossier_cannot_be_shared_with_a_coalition_of_others(world: World) -> None:
    orgs.add_coalition(world.env, "Foreign Coalition", ["Other NGO", "Partner NGO"])
    with pytest.raises(NotFound):
        orgs.share(world.env, world.actors["owner"], world.dossier, "Foreign Coalition",
                   Level.PUBLIC)


def test_only_owners_manage_members(world: World) -> None:
    with pytest.raises(Forbidden):
        orgs.add_member(world.env, "Rights Watch", "nobody@example.org", Role.OWNER,
                        world.actors["editor"])
    with pytest.raises(NotFound):
        orgs.add_member(world.env, "Rights Watch", "nobody@example.org", Role.OWNER,
                        world.actors["other"])
    orgs.add_member(world.env, "Rights Watch", "nobody@example.org", Role.VIEWER,
                    world.actors["owner"])
    assert service.list_dossiers(world.env, world.env.actor("nobody@example.org"))
