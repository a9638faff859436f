"""Drift between the program data file and the code that names programs.

Fails when a parser's lookup (concerted/sources/*.yml), the usage registry
(concerted/programs/usage.py) or the OpenSanctions key table names a program the data file
does not define, or when the data file names a list marker no parser recognises. The parser
files are read generically, so a new or half-written source is covered as soon as its YAML
exists.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from concerted.programs import all_programs, find_program, get_program
from concerted.programs.schema import Program
from concerted.programs.usage import used_ids

SOURCES = Path(__file__).resolve().parents[2] / "concerted" / "sources"
OS_TABLE = SOURCES.parent / "data" / "opensanctions_programs.yaml"
PROGRAM_ID = re.compile(r"^[a-z]{2}-[a-z0-9-]+$")
PROGRAM_KEY = re.compile(r"program|regime|committee", re.IGNORECASE)
NAMED_THEMES = {"human_rights", "corruption", "cyber"}


@dataclass(frozen=True)
class ParserRef:
    """One marker -> program lookup found in a parser's YAML."""

    file: str
    marker: str
    id: str
    theme: str | None
    declares_theme: bool


def parser_refs() -> list[ParserRef]:
    found: list[ParserRef] = []
    for path in sorted(SOURCES.glob("*.yml")):
        found.extend(_walk(yaml.safe_load(path.read_text("utf-8")), path.name, "", False))
    return found


def _walk(node: Any, file: str, key: str, in_programs: bool) -> Iterator[ParserRef]:
    # Lookups come as {marker: {id, theme}}, [{marker, id, theme}] or {marker: "id"}, under
    # a key that names programs, regimes or committees; anything else is other reference data.
    if isinstance(node, dict):
        if in_programs and isinstance(node.get("id"), str) and PROGRAM_ID.match(node["id"]):
            marker = str(node.get("marker", key))
            yield ParserRef(file, marker, node["id"], node.get("theme"), "theme" in node)
            return
        for k, value in node.items():
            yield from _walk(value, file, str(k), in_programs or bool(PROGRAM_KEY.search(str(k))))
    elif isinstance(node, list):
        for item in node:
            yield from _walk(item, file, key, in_programs)
    elif in_programs and isinstance(node, str) and PROGRAM_ID.match(node):
        yield ParserRef(file, key, node, None, False)


def normalise(marker: str) -> str:
    """Compare markers as parsers do: case, spacing and dash variants do not matter."""
    text = unicodedata.normalize("NFKC", marker).replace("–", "-").replace("—", "-")
    return " ".join(text.split()).casefold()


REFS = parser_refs()
BY_MARKER = {normalise(r.marker): r for r in REFS}


def test_the_parser_lookups_were_found() -> None:
    assert {"us-glomag", "gb-ghr", "gb-gac", "ca-jvcfoa"} <= {r.id for r in REFS}


@pytest.mark.parametrize("ref", REFS, ids=lambda r: f"{r.file}:{r.marker}")
def test_every_parser_program_id_resolves(ref: ParserRef) -> None:
    program = find_program(ref.id)
    assert program is not None, f"{ref.file} maps {ref.marker!r} to unknown program {ref.id!r}"
    if ref.declares_theme and ref.theme != "other":
        # A human-rights, corruption or cyber program needs its own entry with criteria,
        # not just a family rule.
        assert program.family is None, f"{ref.id} ({ref.file}) has no entry of its own"
    if ref.theme in NAMED_THEMES:
        assert ref.theme in program.themes, f"{ref.file}: {ref.id} is not a {ref.theme} program"


@pytest.mark.parametrize(("area", "program_id"), used_ids())
def test_every_used_program_id_has_an_entry(area: str, program_id: str) -> None:
    program = get_program(program_id)
    assert program.family is None, f"{area} uses {program_id}, which has no entry of its own"
    assert program.criteria, f"{area} uses {program_id}, which has no criteria"


def test_the_opensanctions_key_table_agrees() -> None:
    table = yaml.safe_load(OS_TABLE.read_text("utf-8"))
    keys = {pid: {key} for pid, key in table["programs"].items()}
    keys.update({pid: set(themes.values()) for pid, themes in table["themed"].items()})
    for program_id, expected in keys.items():
        assert set(get_program(program_id).opensanctions) >= expected, program_id
    for program in all_programs():
        if program.opensanctions and program.id in keys:
            assert set(program.opensanctions) == keys[program.id], program.id


def _checked_markers() -> list[tuple[Program, str]]:
    return [(p, m) for p in all_programs() if p.list for m in p.list.markers]


@pytest.mark.parametrize(("program", "marker"), _checked_markers(),
                         ids=lambda v: v.id if isinstance(v, Program) else str(v))
def test_every_list_marker_is_recognised_by_a_parser(program: Program, marker: str) -> None:
    assert program.list is not None
    parsers = [s for s in program.list.parsed_by if (SOURCES / f"{s}.yml").exists()]
    ref = BY_MARKER.get(normalise(marker))
    if ref is None:
        if program.list.unverified_marker:
            pytest.skip(f"{program.id}: marker {marker!r} is flagged unverified")
        if not parsers:
            pytest.skip(f"{program.id}: no parser lookups yet for {program.list.parsed_by}")
        pytest.fail(f"{program.id}: no parser recognises the marker {marker!r}")
    assert get_program(ref.id).id == program.id, (
        f"{ref.file} maps {marker!r} to {ref.id}, but the data file gives it to {program.id}")
