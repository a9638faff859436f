"""Who designated whom: a target × jurisdiction matrix with the programs and dates in each
cell, and totals. Pure."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from concerted.analysis.dates import Window
from concerted.analysis.designations import Designation
from concerted.analysis.filters import Filter, select

__all__ = ["Cell", "Coverage", "CoverageRow", "build_coverage", "first_window"]


def first_window(designations: Iterable[Designation]) -> Window:
    """The window of the earliest of several designations (by latest possible date)."""
    return min((d.listed_on for d in designations),
               key=lambda w: (w.latest or date.max, w.earliest or date.min))


@dataclass(frozen=True)
class Cell:
    designations: tuple[Designation, ...]

    @property
    def programs(self) -> tuple[str, ...]:
        return tuple(d.program for d in self.designations)

    @property
    def listed_on(self) -> Window:
        return first_window(self.designations)

    def label(self) -> str:
        return "; ".join(f"{d.program} ({d.listed_on.label()})" for d in self.designations)

    def to_dict(self) -> dict[str, Any]:
        return {"programs": list(self.programs), "listed_on": self.listed_on.to_dict(),
                "designations": [{"program": d.program, "listed_on": d.listed_on.to_dict(),
                                  "delisted_on": d.delisted_on.to_dict() if d.delisted_on
                                  else None, "theme": d.theme} for d in self.designations]}


@dataclass(frozen=True)
class CoverageRow:
    target_id: str
    name: str
    countries: tuple[str, ...]
    cells: dict[str, Cell] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"target_id": self.target_id, "name": self.name, "countries": list(self.countries),
                "jurisdictions": sorted(self.cells),
                "cells": {j: c.to_dict() for j, c in sorted(self.cells.items())}}


@dataclass(frozen=True)
class Coverage:
    jurisdictions: tuple[str, ...]
    rows: tuple[CoverageRow, ...]

    @property
    def totals(self) -> dict[str, Any]:
        targets = Counter(j for row in self.rows for j in row.cells)
        designations = Counter(j for row in self.rows for j, c in row.cells.items()
                               for _ in c.designations)
        return {
            "targets": len(self.rows),
            "designations": sum(designations.values()),
            "targets_by_jurisdiction": dict(sorted(targets.items())),
            "designations_by_jurisdiction": dict(sorted(designations.items())),
            "targets_by_number_of_jurisdictions": dict(sorted(
                Counter(len(row.cells) for row in self.rows).items())),
        }

    def to_dict(self) -> dict[str, Any]:
        return {"jurisdictions": list(self.jurisdictions), "totals": self.totals,
                "rows": [row.to_dict() for row in self.rows]}


def build_coverage(designations: Iterable[Designation], flt: Filter | None = None,
                   min_jurisdictions: int = 1) -> Coverage:
    """The matrix of the designations `flt` accepts, keeping targets designated by at least
    `min_jurisdictions` jurisdictions."""
    grouped: dict[str, dict[str, list[Designation]]] = {}
    for designation in select(designations, flt):
        by_jurisdiction = grouped.setdefault(designation.target_id, {})
        by_jurisdiction.setdefault(designation.jurisdiction, []).append(designation)
    rows = tuple(
        _row(cells) for _, cells in sorted(grouped.items()) if len(cells) >= min_jurisdictions
    )
    jurisdictions = tuple(sorted({j for row in rows for j in row.cells}))
    return Coverage(jurisdictions, rows)


def _row(cells: dict[str, list[Designation]]) -> CoverageRow:
    head = next(iter(cells.values()))[0]
    return CoverageRow(head.target_id, head.name, head.countries, {
        j: Cell(tuple(sorted(ds, key=lambda d: d.program))) for j, ds in sorted(cells.items())})
