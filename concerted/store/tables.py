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

__all__ = [
    "api_tokens",
    "changes",
    "listings",
    "login_attempts",
    "memberships",
    "metadata",
    "snapshot_files",
    "snapshots",
    "user_sessions",
    "users",
    "versions",
]

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

# Accounts for the write paths of the web app and API (concerted.accounts). Organisations and
# per-organisation roles are meant to live in tables of their own that point at users.id, so
# adding them changes none of these.
users = Table(
    "users",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("email", String(320), nullable=False, unique=True),  # stored lower-cased
    Column("password_hash", Text, nullable=False),  # argon2id, PHC string
    Column("created_at", String(32), nullable=False),
    Column("disabled", Boolean, nullable=False, default=False),
)

# Bearer tokens for the API: only a SHA-256 of the token is kept; `prefix` lets a user tell
# tokens apart without the secret.
api_tokens = Table(
    "api_tokens",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("prefix", String(16), nullable=False),
    Column("label", String(255), nullable=False, default=""),
    Column("created_at", String(32), nullable=False),
    Column("revoked_at", String(32), nullable=True),
)

# Browser sessions, server-side so that logging out or disabling a user ends them at once;
# the cookie carries the session secret, the table its SHA-256.
user_sessions = Table(
    "user_sessions",
    metadata,
    Column("id_hash", String(64), primary_key=True),
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False),
    Column("csrf_token", String(64), nullable=False),
    Column("created_at", String(32), nullable=False),
    Column("expires_at", String(32), nullable=False),
)

# Every login attempt, for throttling by e-mail and by address.
login_attempts = Table(
    "login_attempts",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("email", String(320), nullable=False),
    Column("address", String(64), nullable=False),
    Column("at", String(32), nullable=False),
    Column("success", Boolean, nullable=False),
    Index("ix_login_attempts_email_at", "email", "at"),
    Index("ix_login_attempts_address_at", "address", "at"),
)

# --- Fetching, watching and alerts (appended by the fetch/alerts work) -----------------------

# What the last accepted download of each source carried, for conditional requests: the
# validators are remembered only once a body was accepted, so a refused one is fetched again.
fetch_state = Table(
    "fetch_state",
    metadata,
    Column("source", String(32), primary_key=True),
    Column("url", Text, nullable=False),
    Column("etag", Text, nullable=True),
    Column("last_modified", Text, nullable=True),
    Column("sha256", String(64), nullable=True),
    Column("checked_at", String(32), nullable=False),  # last time the list was confirmed current
)

# Every download attempt, good or bad: the evidence behind `concerted sources` health.
fetch_runs = Table(
    "fetch_runs",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("source", String(32), nullable=False),
    Column("url", Text, nullable=False),
    Column("started", String(32), nullable=False),
    Column("finished", String(32), nullable=True),
    Column("outcome", String(16), nullable=False),  # running/ingested/unchanged/not_modified/failed
    Column("error", Text, nullable=True),
    Column("status_code", Integer, nullable=True),
    Column("size", Integer, nullable=True),
    Column("sha256", String(64), nullable=True),
    Column("snapshot", String(10), nullable=True),
    Index("ix_fetch_runs_source", "source", "id"),
)

watch_runs = Table(
    "watch_runs",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("started", String(32), nullable=False),
    Column("finished", String(32), nullable=True),
    Column("outcome", String(16), nullable=False),  # running / ok / partial / failed
    Column("detail", Text, nullable=False),  # JSON: outcome per source, notes per step
)

subscriptions = Table(
    "subscriptions",
    metadata,
    Column("id", String(32), primary_key=True),  # random: a feed URL must not be guessable
    Column("label", Text, nullable=True),
    Column("criteria", Text, nullable=False),  # JSON of alerts.model.Criteria
    Column("webhook", Text, nullable=True),
    Column("secret", String(128), nullable=True),  # HMAC key for the webhook signature
    Column("email", Text, nullable=True),
    Column("digest", Boolean, nullable=False, default=False),
    Column("created_at", String(32), nullable=False),
)

alerts = Table(
    "alerts",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("subscription_id", String(32), nullable=False),
    Column("dedup_key", String(64), nullable=False),
    Column("event_key", String(64), nullable=False),  # the change, whoever subscribed to it
    Column("kind", String(16), nullable=False),  # designated/delisted/amended/round/gap
    Column("source", String(32), nullable=False),
    Column("listing_key", String(255), nullable=False),
    Column("name", Text, nullable=False),
    Column("programs", Text, nullable=False),  # JSON list
    Column("snapshot", String(10), nullable=False),
    Column("created_at", String(32), nullable=False),
    Column("detail", Text, nullable=False),  # JSON: jurisdictions, why it matched, fields...
    UniqueConstraint("dedup_key", name="uq_alert_dedup"),
    Index("ix_alerts_subscription", "subscription_id", "id"),
)

# One row per alert and channel once handed over (or given up on): nothing is sent twice.
alert_deliveries = Table(
    "alert_deliveries",
    metadata,
    Column("alert_id", Integer, ForeignKey("alerts.id"), primary_key=True),
    Column("channel", String(16), primary_key=True),  # webhook / email
    Column("status", String(16), nullable=False),  # sent / failed
    Column("attempts", Integer, nullable=False),
    Column("updated_at", String(32), nullable=False),
)

# Every delivery attempt (one request or one message carrying a batch of alerts).
delivery_log = Table(
    "delivery_log",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("subscription_id", String(32), nullable=False),
    Column("channel", String(16), nullable=False),
    Column("target", Text, nullable=False),
    Column("alerts", Integer, nullable=False),
    Column("attempt", Integer, nullable=False),
    Column("outcome", String(16), nullable=False),  # sent / failed
    Column("status_code", Integer, nullable=True),
    Column("error", Text, nullable=True),
    Column("at", String(32), nullable=False),
)

# Small remembered facts of the alerting: open gaps, rounds seen, baselines, digests sent.
alert_marks = Table(
    "alert_marks",
    metadata,
    Column("kind", String(16), primary_key=True),  # gap / round / baseline / digest
    Column("key", String(255), primary_key=True),
    Column("value", Text, nullable=False),
)

__all__ += ["alert_deliveries", "alert_marks", "alerts", "delivery_log", "fetch_runs",
            "fetch_state", "subscriptions", "watch_runs"]
