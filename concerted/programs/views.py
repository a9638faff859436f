"""Plain-dict views of programs, shared by the CLI, the REST API and the web pages."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from concerted.programs.registry import conduct_vocabulary, source
from concerted.programs.schema import Program

__all__ = ["SUMMARY_COLUMNS", "detail_rows", "program_detail", "program_heading",
           "program_summary"]

SUMMARY_COLUMNS = ["id", "jurisdiction", "name", "status", "type", "themes", "measures",
                   "list"]


def program_heading(program: Program) -> dict[str, Any]:
    """What names a program wherever it is shown (lists, comparisons, eligibility)."""
    return {"id": program.id, "jurisdiction": program.jurisdiction, "name": program.name,
            "status": program.status, "type": program.type}


def program_summary(program: Program) -> dict[str, Any]:
    return {
        **program_heading(program),
        "themes": list(program.themes),
        "measures": list(program.measures),
        "list": program.list.name if program.list else None,
    }


def program_detail(program: Program) -> dict[str, Any]:
    """Everything the data file says, with every cited source spelled out in `references`."""
    detail = program.model_dump(mode="json")
    detail["references"] = [source(s).model_dump() for s in program.cited_sources()]
    return detail


def detail_rows(program: Program) -> list[dict[str, str]]:
    """(field, value) rows for a table or CSV of one program."""
    return [{"field": k, "value": v} for k, v in _details(program) if v]


def _details(program: Program) -> Iterator[tuple[str, str]]:
    labels = {c.id: c.label for c in conduct_vocabulary()}
    heading = program_heading(program)
    yield from ((key, heading[key]) for key in ("id", "name", "jurisdiction", "status", "type"))
    yield "themes", ", ".join(program.themes)
    yield "target countries", ", ".join(program.target_countries or ())
    for item in program.instruments:
        yield "instrument", f"{item.title} ({item.date or item.date_note or 'date unknown'})"
    for criterion in program.criteria:
        covered = ", ".join(labels[c] for c in criterion.conduct)
        limit = f" [only: {criterion.condition}]" if criterion.condition else ""
        yield "criterion", f"{criterion.text}{limit} -> {covered}"
    for name, part in (("evidentiary standard", program.evidentiary_standard),
                       ("designated by", program.designated_by), ("renewal", program.renewal)):
        yield name, part.text if part else ""
    yield "measures", ", ".join(program.measures)
    if program.submission:
        contact = f" ({program.submission.contact})" if program.submission.contact else ""
        yield "submission", program.submission.channel + contact
    if program.list:
        yield "list", f"{program.list.name}: {', '.join(program.list.markers) or 'no markers'}"
    yield "opensanctions", ", ".join(program.opensanctions)
    yield "notes", program.notes or ""
    yield from (("source", f"{source(s).title} <{source(s).url}>") for s in program.cited_sources())

