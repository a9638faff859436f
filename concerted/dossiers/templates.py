"""The per-program packet templates in `packets.yaml`, validated on load. Pure."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict

from concerted.dossiers.model import PROGRAMS

__all__ = ["Section", "Template", "get_template", "load_templates"]

TEMPLATE_FILE = Path(__file__).with_name("packets.yaml")


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Section(_Model):
    key: str
    heading: str
    required: bool
    guide: str


class Template(_Model):
    title: str
    addressee: str
    date_style: Literal["us", "international"]
    request: str
    standard_heading: str
    sections: tuple[Section, ...] = ()


class _File(_Model):
    schema_version: Literal[1]
    templates: dict[str, Template]


def load_templates(path: Path = TEMPLATE_FILE) -> dict[str, Template]:
    data = _File.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    if set(data.templates) != set(PROGRAMS):
        raise ValueError(f"{path}: templates must cover exactly {', '.join(PROGRAMS)}")
    return data.templates


@cache
def _templates() -> dict[str, Template]:
    return load_templates()


def get_template(program_id: str) -> Template:
    try:
        return _templates()[program_id]
    except KeyError:
        raise KeyError(f"no packet template for {program_id!r}; templates exist for "
                       f"{', '.join(PROGRAMS)}") from None
