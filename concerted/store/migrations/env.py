"""Alembic's entry point: every run gets its connection from concerted.store.migrate."""

from __future__ import annotations

from alembic import context

from concerted.store.migrate import configure_context

configure_context(context.config.attributes["connection"])
with context.begin_transaction():
    context.run_migrations()
