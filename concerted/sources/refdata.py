"""Reference data beside a source module: its YAML file, validated on import.

Each list's marker → program lookups and value fixes live in `sources/<id>.yml` ("reference
data is data"); a typo there must fail at import, not produce wrong program ids later.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal, TypeVar

import yaml
from pydantic import BaseModel

__all__ = ["Program", "Theme", "load"]

Theme = Literal["human_rights", "corruption", "cyber", "other"]
Model = TypeVar("Model", bound=BaseModel)


class Program(BaseModel):
    """A normalised program id and, where the list says, its theme."""

    id: str
    theme: Theme | None = None


def load(module_file: str, model: type[Model]) -> Model:
    """Validate `<module>.yml`, the file next to `module_file`, against `model`."""
    path = Path(module_file).with_suffix(".yml")
    return model.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
