"""Alembic migrations of the store schema (see concerted.store.migrate and ARCHITECTURE.md)."""
