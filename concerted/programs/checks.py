"""Cross-reference checks of the program data that a per-model schema cannot express.

Run once on load: a dangling source id, an unknown conduct category or a clashing alias is
a data error and must fail loudly, naming every problem at once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from concerted.programs.schema import Program, ProgramData

__all__ = ["DataError", "check"]


class DataError(ValueError):
    """The program data file is inconsistent; the message lists every problem found."""


def check(data: ProgramData) -> ProgramData:
    problems = [*_duplicate_ids(data), *_dangling(data)]
    for program in data.programs:
        problems.extend(_program_problems(program, data))
    if problems:
        raise DataError("programs.yaml: " + "; ".join(problems))
    return data


def _duplicate_ids(data: ProgramData) -> Iterator[str]:
    names = [p.id for p in data.programs] + [a for p in data.programs for a in p.aliases]
    names += [f.id for f in data.families]
    for name, count in Counter(names).items():
        if count > 1:
            yield f"id or alias {name!r} used {count} times"
    for kind, ids in (("source", [s.id for s in data.sources]),
                      ("conduct", [c.id for c in data.conduct])):
        yield from (f"{kind} {i!r} defined twice" for i, n in Counter(ids).items() if n > 1)


def _dangling(data: ProgramData) -> Iterator[str]:
    known = {s.id for s in data.sources}
    cited = {s for p in data.programs for s in p.cited_sources()}
    cited |= {s for f in data.families for s in f.sources}
    yield from (f"unknown source {s!r}" for s in sorted(cited - known))
    # An uncited source is dead weight that no page will ever show.
    yield from (f"source {s!r} is never cited" for s in sorted(known - cited))


def _program_problems(program: Program, data: ProgramData) -> Iterator[str]:
    groups = {c.id: c.group for c in data.conduct}
    programs = {p.id for p in data.programs}
    for conduct in sorted(program.conduct_ids()):
        if conduct not in groups:
            yield f"{program.id}: unknown conduct {conduct!r}"
        elif groups[conduct] not in program.themes:
            yield f"{program.id}: conduct {conduct!r} outside its themes {program.themes}"
    if program.list is not None and program.list.follows not in (None, *programs):
        yield f"{program.id}: follows unknown program {program.list.follows!r}"
    if not program.id.startswith(program.jurisdiction + "-"):
        yield f"{program.id}: id does not start with its jurisdiction {program.jurisdiction!r}"
