"""Concerted: multilateral targeted sanctions, from official lists to coordinated action."""

__version__ = "0.1.0"
__all__ = ["__version__"]
