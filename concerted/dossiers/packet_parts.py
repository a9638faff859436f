"""The parts of a packet: front matter and summary, subject, standard, the template's own
sections, evidence annex. Pure; `packet.build_packet` puts them in order."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from concerted.dossiers.blocks import Block
from concerted.dossiers.records import DossierView, EvidenceItem
from concerted.dossiers.templates import Template
from concerted.labels import jurisdiction_name, listed_label, listing_label, program_short_name
from concerted.programs.schema import Program

__all__ = ["annex", "format_date", "front", "sections", "standard", "subject"]


def format_date(day: date, style: str) -> str:
    month = day.strftime("%B")
    return f"{month} {day.day}, {day.year}" if style == "us" else f"{day.day} {month} {day.year}"


# A listing the dossier does not point at itself reached it through cross-list resolution;
# when that rests on a person's judgement, the government reading the packet is told so.
_LINKED = {"judgement": " (linked to the subject by a reviewer's judgement, not by the lists)",
           "resolution": " (linked to the subject by automatic cross-list matching)"}


def _acted(acted: Sequence[dict[str, Any]]) -> str:
    # "United States: Global Magnitsky, listed before 18 Aug 2021": the reader's words.
    parts = [f"{jurisdiction_name(a['jurisdiction'])}: {program_short_name(a['program'])}, "
             f"listed {listed_label(a['listed_on'])}{_LINKED.get(a.get('linked', ''), '')}"
             for a in acted]
    return "Other governments have already acted: " + "; ".join(parts) + "."


def front(view: DossierView, program: Program, template: Template,
          acted: Sequence[dict[str, Any]], today: date, allegations: int) -> list[Block]:
    channel = program.submission
    rows = [("To", template.addressee),
            ("Channel", channel.channel if channel else "not recorded"),
            *([("Contact", channel.contact)] if channel and channel.contact else []),
            ("From", view.org), ("Date", format_date(today, template.date_style)),
            ("Subject", view.subject.name), ("Program", program.name)]
    blocks = [Block("title", template.title), Block("fields", rows=tuple(rows)),
              Block("heading", "Summary"),
              Block("para", template.request.format(subject=view.subject.name,
                                                    program=program.name)),
              Block("para", f"This submission sets out {allegations} allegation(s) falling "
                            f"under the program's criteria, supported by {len(view.evidence)} "
                            "item(s) of evidence listed in the annex with their SHA-256 "
                            "hashes.")]
    if summary := view.subject.extra.get("summary"):
        blocks.append(Block("para", summary))
    if acted:
        blocks.append(Block("para", _acted(acted)))
    return blocks


def subject(view: DossierView) -> list[Block]:
    person = view.subject
    rows = [("Name", person.name), ("Type", person.schema),
            ("Also known as", "; ".join(person.aliases)),
            ("Born", "; ".join(person.birth_dates)),
            ("Nationality", "; ".join(person.nationalities)),
            ("Identifiers", "; ".join(person.identifiers)),
            ("Positions", "; ".join(person.positions)),
            ("Affiliations", "; ".join(person.affiliations)),
            ("Existing listings", "; ".join(listing_label(s, k) for s, k in view.listings))]
    return [Block("heading", "Subject identification"),
            Block("fields", rows=tuple((k, v) for k, v in rows if v))]


def standard(program: Program, template: Template) -> list[Block]:
    if program.evidentiary_standard is None:
        return []
    return [Block("heading", template.standard_heading),
            Block("para", program.evidentiary_standard.text)]


def sections(view: DossierView, template: Template) -> tuple[list[Block], list[str]]:
    blocks: list[Block] = []
    missing: list[str] = []
    for section in template.sections:
        text = view.subject.extra.get(section.key, "").strip()
        if text:
            blocks += [Block("heading", section.heading), Block("para", text)]
        elif section.required:
            missing.append(f"missing section {section.heading!r} (field {section.key}): "
                           f"{section.guide}")
    return blocks, missing


def _item(ref: str, item: EvidenceItem) -> list[Block]:
    origin = item.provenance
    size = f"{item.content_type}, {item.size} bytes" if item.size is not None else ""
    rows = [("Kind", item.kind), ("Obtained", origin.obtained_on or ""),
            ("Source", origin.source), ("Collected by", origin.collected_by),
            ("File", size), ("SHA-256", item.sha256 or ""), ("Link", item.url or ""),
            ("Chain of custody", "; ".join(f"{c.get('at', '')[:10]} {c.get('action', '')}"
                                           for c in origin.custody)),
            ("Summary", item.summary)]
    return [Block("heading", f"{ref}. {item.title}"),
            Block("fields", rows=tuple((k, v) for k, v in rows if v))]


def annex(view: DossierView, refs: dict[str, str]) -> list[Block]:
    blocks = [Block("heading", "Evidence annex"),
              Block("para", "Each file is identified by its SHA-256 hash, so that the copy "
                            "received can be checked against the one described here.")]
    for item in view.evidence:
        blocks += _item(refs[item.id], item)
    if not view.evidence:
        blocks.append(Block("para", "No evidence is attached to this packet."))
    return blocks
