"""Allegations: what the subject is said to have done, when and where, to whom (described
without identifying anyone), filed under the registry's conduct categories."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from sqlalchemy import insert

from concerted import clock
from concerted.dossiers import audit
from concerted.dossiers.env import DossierEnv, field
from concerted.dossiers.model import Level
from concerted.dossiers.policy import Action, Actor, require
from concerted.dossiers.service import new_id
from concerted.programs import conduct_vocabulary
from concerted.store.tables import allegations

__all__ = ["AllegationInput", "add_allegation", "check_date"]

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def check_date(value: str | None) -> str | None:
    if value is not None and not _DATE.match(value):
        raise ValueError(f"{value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
    return value


@dataclass(frozen=True)
class AllegationInput:
    conduct: tuple[str, ...]  # conduct category ids of the programs registry
    summary: str
    places: str = ""
    victims: str = ""  # who was harmed, described without identifying them
    date_from: str | None = None
    date_to: str | None = None
    level: Level = Level.GOVERNMENTS

    def check(self) -> None:
        known = {c.id for c in conduct_vocabulary()}
        unknown = sorted(set(self.conduct) - known)
        if not self.conduct or unknown:
            raise ValueError(f"conduct must be among {', '.join(sorted(known))}"
                             + (f"; unknown: {', '.join(unknown)}" if unknown else ""))
        if not self.summary.strip():
            raise ValueError("an allegation needs a summary")
        check_date(self.date_from)
        check_date(self.date_to)


def add_allegation(env: DossierEnv, actor: Actor, dossier_id: str,
                   data: AllegationInput) -> str:
    data.check()
    allegation_id = new_id()

    def seal(column: str, text: str) -> str:
        return env.sealer.seal(text, field("allegations", column, allegation_id))

    with env.engine.begin() as conn:
        grant = require(conn, actor, dossier_id, Action.WRITE)
        conn.execute(insert(allegations).values(
            id=allegation_id, dossier_id=dossier_id, conduct=json.dumps(sorted(data.conduct)),
            bound=env.binder.tag("allegations", {"id": allegation_id, "dossier_id": dossier_id,
                                                 "level": data.level.value}),
            summary=seal("summary", data.summary), places=seal("places", data.places),
            victims=seal("victims", data.victims), date_from=data.date_from,
            date_to=data.date_to, level=data.level.value, created_by=actor.user_id,
            created_at=clock.stamp()))
        audit.record(conn, env.binder, actor.email, "allegation.add", "allegation", allegation_id,
                     grant.org_id, {"dossier": dossier_id, "level": data.level.value})
    return allegation_id
