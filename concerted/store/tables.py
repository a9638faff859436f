"""The whole relational schema in one place (SQLite and PostgreSQL alike)."""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

__all__ = ["changes", "listings", "memberships", "metadata", "snapshot_files", "snapshots", "versions"]

metadata = MetaData()

snapshots = Table(
    "snapshots",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("source", String(32), nullable=False),
    Column("published", String(10), nullable=False),  # YYYY-MM-DD
    Column("sha256", String(64), nullable=False),  # identity of the file set
    Column("retrieved_at", String(32), nullable=False),
    Column("date_origin", String(16), nullable=False),  # file / option / folder
    Column("listing_count", Integer, nullable=False),
    UniqueConstraint("source", "published", name="uq_snapshot_date"),
    UniqueConstraint("source", "sha256", name="uq_snapshot_sha"),
)

snapshot_files = Table(
    "snapshot_files",
    metadata,
    Column("snapshot_id", Integer, ForeignKey("snapshots.id"), primary_key=True),
    Column("name", String(255), primary_key=True),
    Column("sha256", String(64), nullable=False),
    Column("size", Integer, nullable=False),
)

# One row per distinct content of a listing: a new version whenever the list changes it.
versions = Table(
    "versions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("source", String(32), nullable=False),
    Column("key", String(255), nullable=False),
    Column("hash", String(32), nullable=False, unique=True),
    Column("schema", String(32), nullable=False),
    Column("name", Text, nullable=False),
    Column("programs", Text, nullable=False),  # JSON list of normalised program ids
    Column("themes", Text, nullable=False),  # JSON list of [program id, theme] the list states
    Column("listed_on", String(10), nullable=True),
    Column("data", Text, nullable=False),  # JSON of the Listing
    Index("ix_versions_source_key", "source", "key"),
)

# Which version of which listing each snapshot showed: the history everything derives from.
memberships = Table(
    "memberships",
    metadata,
    Column("snapshot_id", Integer, ForeignKey("snapshots.id"), primary_key=True),
    Column("version_id", Integer, ForeignKey("versions.id"), primary_key=True),
    Index("ix_memberships_version", "version_id"),
)

# Derived from memberships after each ingest: one row per listing ever seen.
listings = Table(
    "listings",
    metadata,
    Column("source", String(32), primary_key=True),
    Column("key", String(255), primary_key=True),
    Column("version_id", Integer, ForeignKey("versions.id"), nullable=False),
    Column("first_seen", String(10), nullable=False),
    Column("last_seen", String(10), nullable=False),
    Column("current", Boolean, nullable=False),  # present in the source's newest snapshot
)

# Derived: what changed between each snapshot and the one before it.
changes = Table(
    "changes",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("source", String(32), nullable=False),
    Column("snapshot", String(10), nullable=False),
    Column("previous", String(10), nullable=True),
    Column("kind", String(16), nullable=False),  # added / removed / amended
    Column("key", String(255), nullable=False),
    Column("name", Text, nullable=False),
    Column("programs", Text, nullable=False),
    Column("fields", Text, nullable=False),  # JSON list, for amended
    Column("reused_key", Boolean, nullable=False, default=False),
    Index("ix_changes_source_snapshot", "source", "snapshot"),
)
