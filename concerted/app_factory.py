"""What `concerted serve` hands uvicorn: the app factory, carrying the settings object.

uvicorn pickles its config, this factory included, into each worker process, so every worker
serves exactly the settings of the command that started it (`--db` included) and nothing
passes through the environment. This module stays light on purpose: a worker unpickles it
before uvicorn's health-check thread runs, and a worker silent for 5 s is killed as hung.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from concerted.settings import Settings

if TYPE_CHECKING:
    from fastapi import FastAPI

__all__ = ["AppFactory"]


@dataclass(frozen=True)
class AppFactory:
    settings: Settings

    def __call__(self) -> FastAPI:
        # Imported when called (in the worker, health checks answered), not when unpickled.
        from concerted.app import create_app

        return create_app(self.settings)
