"""The store: one schema for SQLite and PostgreSQL (`tables`), engines (`db`), the writer,
the reader, derived tables and migrations."""
