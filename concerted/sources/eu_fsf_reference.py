"""Reference data of the EU FSF parser (eu_fsf.yml): programme codes, subject types, ID kinds.

The table is data under version control, validated with pydantic when the module loads, so a
typo in the YAML fails at import rather than mislabelling listings.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, field_validator, model_validator

from concerted.model import SCHEMAS, ProgramRef

__all__ = ["identifier_kind", "program_ref", "schema_of"]

_THEMES = {"human_rights", "corruption", "cyber", "other"}
# The regulation number opening a numberTitle: "2018/223 (OJ L43)", "2007/868/EC (OJ L340)".
_NUMBER = re.compile(r"\d{2,4}/\d{1,4}")
_SLUG = re.compile(r"[^a-z0-9]+")


class _Program(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str
    theme: str

    @field_validator("theme")
    @classmethod
    def _known_theme(cls, theme: str) -> str:
        if theme not in _THEMES:
            raise ValueError(f"unknown theme {theme!r}")
        return theme


class _Reference(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    programs: dict[str, _Program]
    regulation_programmes: dict[str, str]
    subject_types: dict[str, str]
    identification_kinds: dict[str, str]

    @model_validator(mode="after")
    def _consistent(self) -> _Reference:
        unknown = set(self.regulation_programmes.values()) - set(self.programs)
        bad_schemas = set(self.subject_types.values()) - set(SCHEMAS)
        if unknown or bad_schemas:
            raise ValueError(f"undeclared programmes {unknown} or schemas {bad_schemas}")
        return self


_REFERENCE = _Reference.model_validate(
    yaml.safe_load(Path(__file__).with_name("eu_fsf.yml").read_text(encoding="utf-8"))
)


def program_ref(programme: str, number_title: str) -> ProgramRef | None:
    """The program a <regulation> cites: by its programme code, else by its regulation number.

    The number decides only for codes we do not know, so a renamed code for a mapped regime
    still lands on its program.
    """
    code, title = programme.strip(), number_title.strip()
    known_code = code if code in _REFERENCE.programs else _code_by_number(title)
    if known_code is not None:
        known = _REFERENCE.programs[known_code]
        return ProgramRef(raw=code or title, id=known.id, theme=known.theme)
    if code:
        return ProgramRef(
            raw=code, id="eu-" + _SLUG.sub("-", code.lower()).strip("-"), theme="other"
        )
    return ProgramRef(raw=title) if title else None


def _code_by_number(number_title: str) -> str | None:
    number = _NUMBER.match(number_title)
    return _REFERENCE.regulation_programmes.get(number.group(0)) if number else None


def schema_of(codes: list[str]) -> str | None:
    """The schema for the first subject-type code the list gives that we know."""
    for code in codes:
        schema = _REFERENCE.subject_types.get(code.strip())
        if schema is not None:
            return schema
    return None


def identifier_kind(code: str) -> str:
    code = code.strip()
    return _REFERENCE.identification_kinds.get(code, code.lower() or "other")
