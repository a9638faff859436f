"""A submission packet as a sequence of blocks, built from a dossier for one program.

Pure. Redaction is enforced here, whatever the caller passes: the dossier is cut down to
what may go to governments before a single block is written. Allegations appear under the
program's criteria they fall under (from the registry's eligibility function); those that
fall under none are left out and the preview says so. The renderers (`render_pdf`,
`render_docx`) only lay the blocks out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from concerted.dossiers.blocks import Block
from concerted.dossiers.criteria import fitting_criteria
from concerted.dossiers.model import Level
from concerted.dossiers.packet_parts import annex, front, sections, standard, subject
from concerted.dossiers.records import Allegation, DossierView
from concerted.dossiers.templates import get_template
from concerted.programs import conduct_vocabulary, get_program

__all__ = ["Block", "Packet", "build_packet"]

@dataclass(frozen=True)
class Packet:
    program: str
    title: str
    blocks: tuple[Block, ...]
    evidence: tuple[str, ...]  # ids of the evidence items it carries
    allegations: tuple[str, ...]
    warnings: tuple[str, ...]

    def text(self) -> str:
        """Every word of the packet, for previews and tests."""
        parts = [b.text for b in self.blocks] + [c for b in self.blocks for r in b.rows for c in r]
        return "\n".join(p for p in parts if p)

    def to_dict(self) -> dict[str, Any]:
        return {"program": self.program, "title": self.title, "warnings": list(self.warnings),
                "evidence": list(self.evidence), "allegations": list(self.allegations),
                "blocks": [{"kind": b.kind, "text": b.text, "rows": [list(r) for r in b.rows]}
                           for b in self.blocks]}


def _labels(conduct: Sequence[str]) -> str:
    names = {c.id: c.label for c in conduct_vocabulary()}
    return "; ".join(names.get(c, c) for c in conduct)


def _allegation_blocks(number: int, claim: Allegation, criteria: Sequence[str],
                       refs: dict[str, str], evidence_of: dict[str, list[str]]) -> list[Block]:
    when = " to ".join(d for d in (claim.date_from, claim.date_to) if d) or "not stated"
    rows = [("Conduct", _labels(claim.conduct)), ("When", when),
            ("Where", claim.places or "not stated"),
            ("Victims", claim.victims or "not stated"),
            ("Criteria met", "\n".join(f"- {c}" for c in criteria)),
            ("Evidence", ", ".join(refs[e] for e in evidence_of.get(claim.id, [])) or "-")]
    return [Block("heading", f"A{number}. {_labels(claim.conduct)}"),
            Block("para", claim.summary), Block("fields", rows=tuple(rows))]


def _allegations(view: DossierView, program_id: str, refs: dict[str, str]
                 ) -> tuple[list[Block], list[str], int]:
    evidence_of: dict[str, list[str]] = {}
    for item in view.evidence:
        for allegation_id in item.supports:
            evidence_of.setdefault(allegation_id, []).append(item.id)
    blocks: list[Block] = [Block("heading", "Allegations under the program's criteria")]
    kept, left_out = [], 0
    for claim in view.allegations:
        criteria = [c.text for c in fitting_criteria(claim.conduct, program_id)]
        if not criteria:
            left_out += 1
            continue
        kept.append(claim.id)
        blocks += _allegation_blocks(len(kept), claim, criteria, refs, evidence_of)
    if not kept:
        blocks.append(Block("para", "No allegation in this dossier falls under the program's "
                                    "criteria."))
    return blocks, kept, left_out


def build_packet(dossier: DossierView, program_id: str, acted: Sequence[dict[str, Any]],
                 today: date) -> Packet:
    """The packet for `program_id`; `acted`: other governments' designations of the subject
    ({"jurisdiction", "program", "listed_on"})."""
    view = dossier.redacted(Level.GOVERNMENTS)
    program, template = get_program(program_id), get_template(program_id)
    refs = {item.id: f"E{n}" for n, item in enumerate(view.evidence, start=1)}
    body, kept, left_out = _allegations(view, program.id, refs)
    extra, missing = sections(view, template)
    blocks = [*front(view, program, template, acted, today, len(kept)), *subject(view),
              *body, *standard(program, template), *extra, *annex(view, refs),
              Block("note", "This packet carries only material its authors cleared for "
                            "governments. Further material may be held and can be discussed "
                            "through a secure channel.")]
    warnings = [*missing] + ([f"{left_out} allegation(s) fall under none of this program's "
                              "criteria and are left out"] if left_out else [])
    return Packet(program.id, template.title, tuple(blocks), tuple(refs), tuple(kept),
                  tuple(warnings))
