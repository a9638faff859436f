"""The network of one target: its rounds' other targets, the targets it is linked to, and
the jurisdictions that designated each, as nodes and edges for a graph. Pure."""

from __future__ import annotations

from typing import Any

from concerted.state.model import State
from concerted.views.common import target_path
from concerted.views.targets import target_detail

__all__ = ["network"]


def _node(state: State, target_id: str, kind: str) -> dict[str, Any]:
    return {"id": target_id, "label": state.targets[target_id].name, "kind": kind,
            "url": target_path(target_id)}


def network(state: State, target_id: str, limit: int = 60) -> dict[str, Any] | None:
    detail = target_detail(state, target_id)
    if detail is None:
        return None
    people = [target_id, *[r["target_id"] for r in detail["related"]][:limit]]
    nodes = [_node(state, t, "focus" if t == target_id else "target") for t in people]
    edges = [{"id": f"rel-{r['target_id']}", "source": target_id, "target": r["target_id"],
              "label": r["relation"].split(" (")[0]} for r in detail["related"][:limit]]
    jurisdictions: set[str] = set()
    for person in people:
        for designation in state.by_target.get(person, ()):
            jurisdictions.add(designation.jurisdiction)
            edges.append({"id": f"d-{person}-{designation.jurisdiction}-{designation.program}",
                          "source": f"j:{designation.jurisdiction}", "target": person,
                          "label": designation.program if person == target_id else ""})
    nodes += [{"id": f"j:{j}", "label": j.upper(), "kind": "jurisdiction"}
              for j in sorted(jurisdictions)]
    return {"target_id": target_id, "nodes": nodes, "edges": _unique(edges)}


def _unique(edges: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return list({e["id"]: e for e in edges}.values())
