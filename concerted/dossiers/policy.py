"""The one access policy: who may do what to which dossier, organisation or item.

Every dossier query goes through `require` (one dossier) or `visible_dossiers` (a listing),
and every organisation action through `require_org`; service code never filters on its own.
The rules themselves are the pure `decide`: an actor with no relation to a dossier gets
NOT_FOUND (its existence is not revealed), one who may see it but not do this gets FORBIDDEN,
and an item above the actor's clearance is NOT_FOUND too.

Every row the policy relies on — the dossier's organisation, memberships, coalition
memberships, shares — must authenticate under the keyring's MAC key (`binding`); a row
changed outside Concerted raises `Unbound` instead of granting anything.

Clearance: owners and editors of the owning organisation see every level; its viewers all
but `protected`; members of a coalition the dossier was shared with see, read-only, the
levels up to the one it was shared at (never `protected`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from sqlalchemy import Connection, Table, select

from concerted.dossiers.binding import Binder
from concerted.dossiers.model import Level, Role, level_rank, role_rank, within
from concerted.store.tables import coalition_members, dossier_shares, dossiers, org_members

__all__ = ["Access", "Action", "Actor", "Decision", "Forbidden", "Grant", "NotFound",
           "ceiling", "decide", "decide_org", "load_actor", "require", "require_item",
           "require_org", "visible_dossiers"]


class Action(StrEnum):
    READ = "read"
    WRITE = "write"  # edit, add evidence, build packets, change submission status
    MANAGE = "manage"  # share, export bundles, manage members


class Decision(StrEnum):
    ALLOW = "allow"
    NOT_FOUND = "not_found"
    FORBIDDEN = "forbidden"


class NotFound(LookupError):
    """No such object, or none this actor may know of (the same answer, on purpose)."""


class Forbidden(PermissionError):
    """The actor may see the object but not do this to it."""


@dataclass(frozen=True)
class Actor:
    user_id: int
    email: str
    binder: Binder = field(compare=False, repr=False)  # checks every permission row used
    roles: Mapping[int, Role] = field(default_factory=dict)  # organisation id -> role
    coalitions: frozenset[int] = frozenset()  # coalitions any of the actor's orgs belong to


@dataclass(frozen=True)
class Access:
    role: Role | None = None  # in the owning organisation
    shared: Level | None = None  # the widest level shared with a coalition of the actor


@dataclass(frozen=True)
class Grant:
    dossier_id: str
    org_id: int
    access: Access

    @property
    def ceiling(self) -> Level:
        found = ceiling(self.access)
        assert found is not None  # a grant is only made to an actor who can see the dossier
        return found


def ceiling(access: Access) -> Level | None:
    """The narrowest level this access may see, or None when it sees nothing."""
    levels = [Level.INTERNAL if access.shared is not None and not within(
        access.shared, Level.INTERNAL) else access.shared]
    if access.role is not None:
        levels.append(Level.INTERNAL if access.role == Role.VIEWER else Level.PROTECTED)
    found = [lv for lv in levels if lv is not None]
    return max(found, key=level_rank) if found else None


def decide(access: Access, action: Action, level: Level | None = None) -> Decision:
    top = ceiling(access)
    if top is None or (level is not None and not within(level, top)):
        return Decision.NOT_FOUND
    if action == Action.READ:
        return Decision.ALLOW
    needed = Role.EDITOR if action == Action.WRITE else Role.OWNER
    if access.role is not None and role_rank(access.role) >= role_rank(needed):
        return Decision.ALLOW
    return Decision.FORBIDDEN


def decide_org(role: Role | None, action: Action) -> Decision:
    """Organisation actions: READ (see members), WRITE (open dossiers), MANAGE (members)."""
    return decide(Access(role=role), action)


def _enforce(decision: Decision, what: str) -> None:
    if decision == Decision.NOT_FOUND:
        raise NotFound(f"{what} not found")
    if decision == Decision.FORBIDDEN:
        raise Forbidden(f"not allowed to do this to {what}")


def require_org(actor: Actor, org_id: int, action: Action) -> None:
    _enforce(decide_org(actor.roles.get(org_id), action), f"organisation {org_id}")


def _access(conn: Connection, actor: Actor, dossier_id: str, org_id: int) -> Access:
    shares = select(dossier_shares).where(
        dossier_shares.c.dossier_id == dossier_id,
        dossier_shares.c.coalition_id.in_(sorted(actor.coalitions)))
    levels = []
    for row in conn.execute(shares) if actor.coalitions else ():
        actor.binder.check("dossier_shares", row)
        levels.append(Level(row.level))
    widest = max(levels, key=level_rank) if levels else None
    return Access(actor.roles.get(org_id), widest)


def require(conn: Connection, actor: Actor, dossier_id: str, action: Action,
            level: Level | None = None) -> Grant:
    """The actor's grant on a dossier for `action` (on an item at `level`), or raise."""
    row = conn.execute(select(dossiers.c.id, dossiers.c.org_id, dossiers.c.bound)
                       .where(dossiers.c.id == dossier_id)).first()
    if row is None:
        raise NotFound(f"dossier {dossier_id} not found")
    actor.binder.check("dossiers", row)
    org_id = row.org_id
    access = _access(conn, actor, dossier_id, int(org_id))
    _enforce(decide(access, action, level), f"dossier {dossier_id}")
    return Grant(dossier_id, int(org_id), access)


def require_item(conn: Connection, actor: Actor, table: Table, what: str, item_id: str,
                 action: Action, leveled: bool = False) -> tuple[Any, Grant]:
    """A dossier's item (the `table` row `item_id`, its binding checked) and the actor's
    grant on its dossier for `action`, at the item's level when `leveled`. A missing item
    and a dossier the actor may not see both answer "not found": ids cannot be probed."""
    row = conn.execute(select(table).where(table.c.id == item_id)).first()
    if row is None:
        raise NotFound(f"{what} {item_id} not found")
    actor.binder.check(table.name, row)
    try:
        grant = require(conn, actor, row.dossier_id, action,
                        Level(row.level) if leveled else None)
    except NotFound:
        raise NotFound(f"{what} {item_id} not found") from None
    return row, grant


def visible_dossiers(conn: Connection, actor: Actor) -> list[Grant]:
    """Every dossier the actor may read, each with its grant."""
    columns = (dossiers.c.id, dossiers.c.org_id, dossiers.c.bound)
    own = select(*columns).where(dossiers.c.org_id.in_(sorted(actor.roles)))
    shared = (select(*columns)
              .join(dossier_shares, dossier_shares.c.dossier_id == dossiers.c.id)
              .where(dossier_shares.c.coalition_id.in_(sorted(actor.coalitions))))
    found = {}
    for row in [*conn.execute(own), *conn.execute(shared)]:
        actor.binder.check("dossiers", row)
        found[row.id] = row.org_id
    return [Grant(d, int(o), _access(conn, actor, d, int(o))) for d, o in sorted(found.items())]


def load_actor(conn: Connection, binder: Binder, user_id: int, email: str) -> Actor:
    """An actor with the user's roles and the coalitions of their organisations; Unbound when
    one of those rows was written outside Concerted."""
    roles = {}
    for row in conn.execute(select(org_members).where(org_members.c.user_id == user_id)):
        binder.check("org_members", row)
        roles[int(row.org_id)] = Role(row.role)
    coalitions = set()
    for row in conn.execute(select(coalition_members).where(
            coalition_members.c.org_id.in_(sorted(roles)))):
        binder.check("coalition_members", row)
        coalitions.add(int(row.coalition_id))
    return Actor(user_id, email, binder, roles, frozenset(coalitions))
