"""The coverage matrix: targets × jurisdictions, filtered, for a heatmap."""

from __future__ import annotations

from typing import Any

from concerted.analysis.coverage import build_coverage
from concerted.analysis.filters import Filter
from concerted.state.model import State
from concerted.views.common import Page, paginate

__all__ = ["coverage_view"]


def coverage_view(state: State, flt: Filter, min_jurisdictions: int, page: Page
                  ) -> dict[str, Any]:
    coverage = state.remember(("coverage", flt, min_jurisdictions), lambda: build_coverage(
        state.designations, flt, min_jurisdictions))
    ranked = state.remember(("coverage-order", flt, min_jurisdictions), lambda: sorted(
        coverage.rows, key=lambda r: (-len(r.cells), r.name.lower())))
    total, rows = paginate(ranked, page)
    return {"total": total, "limit": page.limit, "offset": page.offset,
            "results": [row.to_dict() for row in rows],
            "jurisdictions": list(coverage.jurisdictions), "totals": coverage.totals}
