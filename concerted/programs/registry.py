"""The program registry: `concerted/data/programs.yaml`, validated once and looked up by id.

`get_program` accepts a program's id, one of its aliases (`au-magnitsky`) or any id a
country-program family resolves (`gb-russia`, `us-russia-eo14024`). Loading reads a file
that ships with the package; nothing here touches the network, a database or the clock.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from concerted.programs import families
from concerted.programs.checks import check
from concerted.programs.schema import Conduct, Family, Program, ProgramData, SourceRef

__all__ = [
    "DATA_FILE",
    "UnknownConduct",
    "UnknownProgram",
    "all_families",
    "all_programs",
    "conduct_vocabulary",
    "expand_conduct",
    "find_program",
    "get_program",
    "load",
    "source",
]

DATA_FILE = Path(__file__).resolve().parents[1] / "data" / "programs.yaml"


class UnknownProgram(KeyError):
    """No program, alias or country family answers to this id."""


class UnknownConduct(ValueError):
    """A conduct term that is neither a category nor a group alias."""


# libyaml's parser when PyYAML was built with it: the registry is read by every command that
# names a program, and the pure-Python parser takes a quarter of a second over it.
if TYPE_CHECKING:
    _SafeLoader = yaml.SafeLoader
else:
    _SafeLoader = yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader


class _StrictLoader(_SafeLoader):
    """SafeLoader that refuses a repeated key, which plain YAML silently overwrites."""

    def construct_mapping(self, node: Any, deep: bool = False) -> dict[Any, Any]:
        keys = [self.construct_object(k, deep=deep) for k, _ in node.value]
        if repeated := sorted({str(k) for k in keys if keys.count(k) > 1}):
            raise yaml.constructor.ConstructorError(
                None, None, f"repeated key(s) {repeated}", node.start_mark)
        return super().construct_mapping(node, deep=deep)


def load(path: Path = DATA_FILE) -> ProgramData:
    """Read and validate a program data file (the packaged one unless told otherwise)."""
    # _StrictLoader is a SafeLoader: no arbitrary Python objects can be built from the file.
    raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_StrictLoader)
    return check(ProgramData.model_validate(raw))


@cache
def _data() -> ProgramData:
    return load()


@cache
def _index() -> dict[str, Program]:
    data = _data()
    index = {p.id: p for p in data.programs}
    index.update({alias: p for p in data.programs for alias in p.aliases})
    return index


def all_programs() -> tuple[Program, ...]:
    """Every program of the data file, in file order (families not expanded)."""
    return _data().programs


def all_families() -> tuple[Family, ...]:
    return _data().families


def find_program(program_id: str) -> Program | None:
    """The program behind an id or alias, or a family's country program, else None."""
    key = program_id.strip().lower()
    if key in _index():
        return _index()[key]
    family = families.find_family(key, _data().families)
    return None if family is None else families.resolve(key, family, _data().country_slugs)


def get_program(program_id: str) -> Program:
    program = find_program(program_id)
    if program is None:
        raise UnknownProgram(f"unknown program {program_id!r}; see `concerted programs`")
    return program


def source(source_id: str) -> SourceRef:
    return next(s for s in _data().sources if s.id == source_id)


def conduct_vocabulary() -> tuple[Conduct, ...]:
    return _data().conduct


def expand_conduct(terms: Iterable[str]) -> frozenset[str]:
    """Conduct categories named by `terms`; a group name (corruption...) means all of it."""
    vocabulary = conduct_vocabulary()
    found: set[str] = set()
    for term in terms:
        key = term.strip().lower().replace("-", "_")
        matches = {c.id for c in vocabulary if key in (c.id, c.group)}
        if not matches:
            known = ", ".join(sorted({c.id for c in vocabulary} | {c.group for c in vocabulary}))
            raise UnknownConduct(f"unknown conduct {term!r}; known: {known}")
        found |= matches
    return frozenset(found)
