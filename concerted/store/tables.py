"""The whole relational schema in one place (SQLite and PostgreSQL alike)."""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
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
    # Source.parser_version that read the files; None: stored before versions were kept.
    # `concerted rebuild` re-reads the archived files of snapshots read by another version.
    Column("parser_version", String(32), nullable=True),
    # False until `listings` and `changes` are derived with this snapshot: the persistent
    # mark that lets any later ingest finish the work of one that was killed half-way.
    Column("derived", Boolean, nullable=False, default=False, server_default=false()),
    # Several snapshots may share a date (a list republished within a day, fetched twice):
    # history is ordered by (published, retrieved_at, id); the file set stays unique.
    UniqueConstraint("source", "sha256", name="uq_snapshot_sha"),
    Index("ix_snapshots_source_published", "source", "published"),
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
    # First and last snapshot date showing this version: min/max over its memberships,
    # kept up to date on every insert (min and max do not care about arrival order).
    Column("first_seen", String(10), nullable=True),
    Column("last_seen", String(10), nullable=True),
    Index("ix_versions_source_key", "source", "key"),
)

# Which version of which listing each snapshot showed: the history everything derives from.
memberships = Table(
    "memberships",
    metadata,
    Column("snapshot_id", Integer, ForeignKey("snapshots.id"), primary_key=True),
    Column("version_id", Integer, ForeignKey("versions.id"), primary_key=True),
    Index("ix_memberships_version", "version_id"),
    # One B-tree for the key instead of a rowid table beside it (revision 0010): a third less
    # work for each of the ~700,000 rows the shared history writes.
    sqlite_with_rowid=False,
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
    # The snapshot itself: its date alone is ambiguous when a list changed twice in a day.
    Column("snapshot_id", Integer, ForeignKey("snapshots.id", name="fk_changes_snapshot"),
           nullable=False),
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
    # may record judgements (which change targets, and so what packets tell governments)
    Column("reviewer", Boolean, nullable=False, default=False, server_default=false()),
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
    # read: GET only; write: also the write paths. Older tokens were all write.
    Column("scope", String(16), nullable=False, server_default="write"),
    Column("expires_at", String(32), nullable=True),  # None only before revision 0009
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

# The same, per companion file fetched beside a source's own (OFAC's alt.csv, add.csv and
# sdn_comments.csv beside sdn.csv): remembered per URL, and only with the set they came in.
fetch_companions = Table(
    "fetch_companions",
    metadata,
    Column("source", String(32), primary_key=True),
    Column("url", Text, primary_key=True),
    Column("etag", Text, nullable=True),
    Column("last_modified", Text, nullable=True),
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
    Column("owner", Text, nullable=True),  # the user who made it through the API; None: CLI
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

__all__ += [
    "alert_deliveries",
    "alert_marks",
    "alerts",
    "delivery_log",
    "fetch_companions",
    "fetch_runs",
    "fetch_state",
    "subscriptions",
    "watch_runs",
]

# --- Dossiers (appended by the dossiers work: concerted.dossiers) ----------------------------
# Free-text columns marked "sealed" hold AES-GCM tokens `v1.<key id>.<base64>` (see
# concerted.dossiers.crypto), bound to their table, column and row id; evidence files are
# stored encrypted in the archive, their key id beside them. Ids of dossier rows are random
# strings, so that an id says nothing and is known before the row is sealed.

organisations = Table(
    "organisations",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(255), nullable=False, unique=True),
    Column("kind", String(16), nullable=False),  # ngo / coalition / government / other
    Column("created_at", String(32), nullable=False),
)

org_members = Table(
    "org_members",
    metadata,
    Column("org_id", Integer, ForeignKey("organisations.id"), primary_key=True),
    Column("user_id", Integer, ForeignKey("users.id"), primary_key=True),
    Column("role", String(16), nullable=False),  # owner / editor / viewer
    Column("added_at", String(32), nullable=False),
    Column("bound", String(80), nullable=True),  # HMAC of the permission columns
)

coalitions = Table(
    "coalitions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(255), nullable=False, unique=True),
    Column("created_at", String(32), nullable=False),
)

coalition_members = Table(
    "coalition_members",
    metadata,
    Column("coalition_id", Integer, ForeignKey("coalitions.id"), primary_key=True),
    Column("org_id", Integer, ForeignKey("organisations.id"), primary_key=True),
    Column("bound", String(80), nullable=True),  # HMAC of the permission columns
)

dossiers = Table(
    "dossiers",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("org_id", Integer, ForeignKey("organisations.id"), nullable=False),
    Column("subject", Text, nullable=False),  # sealed: the subject's name
    Column("schema", String(32), nullable=False),
    Column("profile", Text, nullable=False),  # sealed JSON: aliases, identifiers, positions...
    Column("status", String(16), nullable=False),  # open / closed
    Column("created_by", Integer, ForeignKey("users.id"), nullable=False),
    Column("created_at", String(32), nullable=False),
    Column("updated_at", String(32), nullable=False),
    Column("bound", String(80), nullable=True),  # HMAC of the permission columns
    Index("ix_dossiers_org", "org_id"),
)

# The subject's listings by the lists' own keys (never canonical target ids, which move).
dossier_listings = Table(
    "dossier_listings",
    metadata,
    Column("dossier_id", String(32), ForeignKey("dossiers.id"), primary_key=True),
    Column("source", String(32), primary_key=True),
    Column("listing_key", String(255), primary_key=True),
    Column("how", String(16), nullable=False),  # manual / target / designated
    Column("linked_by", Integer, ForeignKey("users.id"), nullable=True),
    Column("linked_at", String(32), nullable=False),
)

dossier_shares = Table(
    "dossier_shares",
    metadata,
    Column("dossier_id", String(32), ForeignKey("dossiers.id"), primary_key=True),
    Column("coalition_id", Integer, ForeignKey("coalitions.id"), primary_key=True),
    Column("level", String(16), nullable=False),  # the widest level the partners may see
    Column("shared_by", Integer, ForeignKey("users.id"), nullable=False),
    Column("shared_at", String(32), nullable=False),
    Column("bound", String(80), nullable=True),  # HMAC of the permission columns
)

allegations = Table(
    "allegations",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("dossier_id", String(32), ForeignKey("dossiers.id"), nullable=False),
    Column("conduct", Text, nullable=False),  # JSON list of conduct category ids
    Column("summary", Text, nullable=False),  # sealed
    Column("places", Text, nullable=False),  # sealed
    Column("victims", Text, nullable=False),  # sealed: described without identifying anyone
    Column("date_from", String(10), nullable=True),
    Column("date_to", String(10), nullable=True),
    Column("level", String(16), nullable=False),
    Column("created_by", Integer, ForeignKey("users.id"), nullable=False),
    Column("created_at", String(32), nullable=False),
    Column("bound", String(80), nullable=True),  # HMAC of the permission columns
    Index("ix_allegations_dossier", "dossier_id"),
)

evidence = Table(
    "evidence",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("dossier_id", String(32), ForeignKey("dossiers.id"), nullable=False),
    Column("kind", String(16), nullable=False),  # document / image / link / testimony
    Column("level", String(16), nullable=False),
    Column("title", Text, nullable=False),  # sealed
    Column("summary", Text, nullable=False),  # sealed
    Column("url", Text, nullable=True),  # sealed
    Column("provenance", Text, nullable=False),  # sealed JSON: source, obtained, by, custody
    Column("supports", Text, nullable=False),  # JSON list of allegation ids
    Column("sha256", Text, nullable=True),  # sealed: a bare hash would confirm a known file
    Column("size", Integer, nullable=True),
    Column("content_type", String(100), nullable=True),
    Column("blob", String(64), nullable=True),  # archive digest of the encrypted file
    Column("key_id", String(32), nullable=True),  # the data key that encrypted it
    Column("created_by", Integer, ForeignKey("users.id"), nullable=False),
    Column("created_at", String(32), nullable=False),
    Column("bound", String(80), nullable=True),  # HMAC of the permission columns
    Index("ix_evidence_dossier", "dossier_id"),
)

submissions = Table(
    "submissions",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("dossier_id", String(32), ForeignKey("dossiers.id"), nullable=False),
    Column("program", String(64), nullable=False),
    Column("status", String(16), nullable=False),
    Column("created_by", Integer, ForeignKey("users.id"), nullable=False),
    Column("created_at", String(32), nullable=False),
    Column("updated_at", String(32), nullable=False),
    Column("packet_sha256", String(64), nullable=True),  # of the last packet built
    Column("bound", String(80), nullable=True),  # HMAC of the permission columns
    UniqueConstraint("dossier_id", "program", name="uq_submission_program"),
)

submission_events = Table(
    "submission_events",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("submission_id", String(32), ForeignKey("submissions.id"), nullable=False),
    Column("status", String(16), nullable=False),
    Column("on_date", String(10), nullable=False),  # when it happened, as the user says
    Column("at", String(32), nullable=False),  # when it was recorded
    Column("user_id", Integer, ForeignKey("users.id"), nullable=True),  # None: automatic
    Column("note", Text, nullable=False),  # sealed
    Index("ix_submission_events_submission", "submission_id"),
)

# Alerts to the owners of a dossier (kept apart from the list alerts, whose feeds are public).
dossier_alerts = Table(
    "dossier_alerts",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("org_id", Integer, ForeignKey("organisations.id"), nullable=False),
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False),
    Column("dossier_id", String(32), ForeignKey("dossiers.id"), nullable=False),
    Column("submission_id", String(32), ForeignKey("submissions.id"), nullable=True),
    Column("kind", String(16), nullable=False),  # designated
    Column("message", Text, nullable=False),  # sealed
    Column("created_at", String(32), nullable=False),
    Column("read_at", String(32), nullable=True),
    Column("bound", String(80), nullable=True),  # HMAC of the permission columns
    Index("ix_dossier_alerts_user", "user_id", "id"),
)

# Append-only and hash-chained: each entry's hash covers its fields and the previous hash.
# Details name objects and levels, never confidential content.
audit_log = Table(
    "audit_log",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("at", String(32), nullable=False),
    Column("actor", String(320), nullable=False),
    Column("action", String(64), nullable=False),
    Column("object_type", String(32), nullable=False),
    Column("object_id", String(64), nullable=False),
    Column("org_id", Integer, nullable=True),
    Column("detail", Text, nullable=False),  # JSON
    Column("prev_hash", String(64), nullable=False, unique=True),
    Column("hash", String(64), nullable=False),
    Column("mac", String(80), nullable=True),  # HMAC of the hash under the keyring's MAC key
)

# The chain's head, one row: taking its lock serialises appends on SQLite and PostgreSQL.
audit_head = Table(
    "audit_head",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("seq", Integer, nullable=False),
    Column("hash", String(64), nullable=False),
    Column("mac", String(80), nullable=True),  # HMAC of (seq, hash), apart from the entries'
)

# Partners an organisation accepts exchange bundles from: an instance's Ed25519 public key
# and the organisation on that instance (an instance signs for all its organisations).
trusted_keys = Table(
    "trusted_keys",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("org_id", Integer, ForeignKey("organisations.id"), nullable=False),
    Column("key_id", String(64), nullable=False),
    Column("label", String(255), nullable=False),
    Column("public_key", String(64), nullable=False),  # hex
    Column("added_at", String(32), nullable=False),
    # the sending organisation, as the signed manifest names it; None (older rows): refused
    Column("signer_org", String(255), nullable=True),
    Column("bound", String(80), nullable=True),  # HMAC of the permission columns
    UniqueConstraint("org_id", "key_id", "signer_org", name="uq_trusted_signer"),
)

# Bundles an organisation has imported, by the SHA-256 of their signed manifest: a bundle
# is imported once (a second import would duplicate the dossier and its evidence).
imported_bundles = Table(
    "imported_bundles",
    metadata,
    Column("org_id", Integer, ForeignKey("organisations.id"), primary_key=True),
    Column("manifest_sha256", String(64), primary_key=True),
    Column("dossier_id", String(32), nullable=False),
    Column("imported_at", String(32), nullable=False),
)

__all__ += ["allegations", "audit_head", "audit_log", "coalition_members", "coalitions",
            "dossier_alerts", "dossier_listings", "dossier_shares", "dossiers", "evidence",
            "imported_bundles", "org_members", "organisations", "submission_events",
            "submissions", "trusted_keys"]

__all__ += ["judgements", "resolve_queue"]

# Judgements of concerted.resolve: append-only and attributed (the `system` user records the
# automatic links of `concerted resolve`); a retraction is a new row (`no_judgement`).
# Listings are cited as `source:listing_key`, never by target id. See resolve/judgements.py.
judgements = Table(
    "judgements",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("left_ref", String(300), nullable=False),  # the smaller ref of the pair
    Column("right_ref", String(300), nullable=False),
    Column("judgement", String(16), nullable=False),  # positive/negative/unsure/no_judgement
    Column("user", String(320), nullable=False),
    Column("created_at", String(32), nullable=False),
    Column("score", Float, nullable=True),  # the pair's score when judged
    Column("note", Text, nullable=True),
    Index("ix_judgements_pair", "left_ref", "right_ref"),
)

# Pairs `concerted resolve` leaves for people: scored between the thresholds, or refused by
# the chaining check. Replaced on every run; the judgements are what persist.
resolve_queue = Table(
    "resolve_queue",
    metadata,
    Column("left_ref", String(300), primary_key=True),
    Column("right_ref", String(300), primary_key=True),
    Column("score", Float, nullable=False),
    Column("features", Text, nullable=False),  # JSON list of {name, weight, explanation}
    Column("reason", String(32), nullable=False),  # band / chain
    Column("created_at", String(32), nullable=False),
)
