"""Events from the analyses: a new coordinated round, a gap opened or closed.

The analyses are those of `concerted rounds` and `concerted gaps` (the same `Analysis` over
the same resolved targets, `concerted.reports.load.load_inputs`), compared with what the
previous run saw, remembered in `alert_marks`. The first run is the
baseline: it remembers and raises nothing, as a source's first snapshot does.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable

from sqlalchemy import Engine, delete, insert, select

from concerted.alerts.model import Event
from concerted.alerts.service import raise_alerts
from concerted.analysis.gaps import Gap
from concerted.analysis.rounds import Round, in_themes
from concerted.analysis.suite import Analysis
from concerted.reports.load import load_inputs
from concerted.store.tables import alert_marks

__all__ = ["analysis_alerts", "gap_events", "round_events"]


def analysis_alerts(engine: Engine, created_at: str) -> tuple[int, str]:
    """(new alerts, a note) for the rounds and gaps that changed since the last run."""
    inputs = load_inputs(engine)
    as_of = inputs.as_of
    if as_of is None:
        return 0, "analyse: the store holds no list yet"
    analysis = Analysis(inputs)
    rounds, gaps = in_themes(analysis.rounds), analysis.gaps  # what `concerted rounds` shows
    events = round_events(engine, rounds, as_of) + gap_events(engine, gaps, as_of)
    new = raise_alerts(engine, events, created_at)
    return new, f"analyse: {len(rounds)} rounds, {len(gaps)} gaps, {len(events)} changed"


def _marks(engine: Engine, kind: str) -> dict[str, str] | None:
    """What was remembered of `kind`; None before the first run (the baseline)."""
    query = select(alert_marks.c.key, alert_marks.c.value)
    with engine.connect() as conn:
        if conn.scalar(query.where(alert_marks.c.kind == "baseline",
                                   alert_marks.c.key == kind)) is None:
            return None
        return {k: v for k, v in conn.execute(query.where(alert_marks.c.kind == kind))}


def _remember(engine: Engine, kind: str, marks: dict[str, str]) -> None:
    with engine.begin() as conn:
        conn.execute(delete(alert_marks).where(alert_marks.c.kind == kind))
        conn.execute(delete(alert_marks).where(alert_marks.c.kind == "baseline",
                                               alert_marks.c.key == kind))
        rows = [{"kind": kind, "key": k, "value": v} for k, v in marks.items()]
        conn.execute(insert(alert_marks), [*rows, {"kind": "baseline", "key": kind,
                                                   "value": "1"}])


def _signature(item: Round) -> str:
    keys = sorted("|".join(d.key) for d in item.designations)
    return hashlib.sha256("\n".join(keys).encode()).hexdigest()[:32]


def round_events(engine: Engine, rounds: Iterable[Round], as_of: str) -> list[Event]:
    current = {_signature(r): r for r in rounds}
    known = _marks(engine, "round")
    _remember(engine, "round", {s: r.date_to.isoformat() for s, r in current.items()})
    if known is None:
        return []
    return [_round_event(s, r, as_of) for s, r in current.items() if s not in known]


def _round_event(signature: str, item: Round, as_of: str) -> Event:
    data = item.to_dict()
    names = tuple(n for _, n in item.targets)
    label = names[0] if len(names) == 1 else f"{len(names)} targets: {', '.join(names[:3])}" + (
        "…" if len(names) > 3 else "")
    return Event(kind="round", source="analysis", listing_key=signature, name=label,
                 snapshot=as_of, jurisdictions=item.jurisdictions,
                 programs=tuple(data["programs"]), names=names,
                 partners=tuple(data["first"]) if data["followed"] else (),
                 detail={k: data[k] for k in ("date_from", "date_to", "first", "followed")})


def gap_events(engine: Engine, gaps: Iterable[Gap], as_of: str) -> list[Event]:
    current = {f"{g.target_id}|{m.jurisdiction}": g for g in gaps for m in g.missing}
    known = _marks(engine, "gap")
    _remember(engine, "gap", {k: json.dumps({"name": g.name}) for k, g in current.items()})
    if known is None:
        return []
    opened: dict[str, list[str]] = {}
    for key in current.keys() - known.keys():
        opened.setdefault(key.split("|")[0], []).append(key.split("|")[1])
    closed: dict[str, list[str]] = {}
    for key in known.keys() - current.keys():
        closed.setdefault(key.split("|")[0], []).append(key.split("|")[1])
    by_target = {g.target_id: g for g in current.values()}
    return [*(_gap_event(t, sorted(j), "opened", by_target.get(t), known, as_of)
              for t, j in sorted(opened.items())),
            *(_gap_event(t, sorted(j), "closed", by_target.get(t), known, as_of)
              for t, j in sorted(closed.items()))]


def _gap_event(target: str, jurisdictions: list[str], state: str, gap: Gap | None,
               known: dict[str, str], as_of: str) -> Event:
    name = gap.name if gap else json.loads(known[f"{target}|{jurisdictions[0]}"])["name"]
    designated = gap.designated_by if gap else ()
    return Event(kind="gap", source="analysis", listing_key=target, name=name, snapshot=as_of,
                 jurisdictions=tuple(sorted({*designated, *jurisdictions})),
                 programs=tuple(sorted({d.program for d in gap.designations})) if gap else (),
                 themes=gap.conduct if gap else (), countries=gap.countries if gap else (),
                 names=(name,), state=state,
                 detail={"missing" if state == "opened" else "closed": jurisdictions,
                         "designated_by": list(designated)})
