"""Data steps that a schema revision needs once, after `concerted upgrade` (or a restore)
brought a store across it, and that need the keyring, so cannot live in a migration.

Revision 0004 keyed the audit log and tagged permission rows with the keyring's MAC key
(issue 15 items 1-2): a store from before it carries none, and `audit bind` keys it once.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Engine, func, select

from concerted.dossiers.env import DossierEnv
from concerted.dossiers.verify import AlreadyBound, bind
from concerted.store.migrate import known_revisions
from concerted.store.tables import audit_log, organisations

__all__ = ["needs_steps", "run_steps"]


def _bind(env: DossierEnv) -> str:
    try:
        counts = bind(env)
    except AlreadyBound:
        return "audit log already keyed"
    return (f"keyed {counts['entries']} audit entries and tagged {counts['rows']} permission "
            "row(s) (audit bind)")


STEPS: tuple[tuple[str, Callable[[DossierEnv], str]], ...] = (("0004", _bind),)


def _has_dossier_data(engine: Engine) -> bool:
    with engine.connect() as conn:
        return any(conn.execute(select(func.count()).select_from(table)).scalar_one()
                   for table in (audit_log, organisations))


def _pending(before: str | None) -> list[Callable[[DossierEnv], str]]:
    if before is None:
        return []  # a new store: written keyed from the start
    order = known_revisions()
    return [step for revision, step in STEPS if order.index(before) < order.index(revision)]


def needs_steps(engine: Engine, before: str | None) -> bool:
    """Whether a store upgraded from `before` has dossier data for the steps to key."""
    return bool(_pending(before)) and _has_dossier_data(engine)


def run_steps(env: DossierEnv, before: str | None) -> list[str]:
    """Run the steps for a store upgraded from `before`; what each did."""
    if not needs_steps(env.engine, before):
        return []
    return [step(env) for step in _pending(before)]
