"""The command table: each top-level command, the module(s) whose `register` adds it, and
its one-line help, so that `concerted --help` and each command start without importing the
others (tests/test_cli_startup.py keeps this table equal to what the modules register).
"""

from __future__ import annotations

__all__ = ["COMMANDS", "MODULES"]

# Registration order (the order `register` is called in when every command is loaded).
MODULES = (
    "ingest_cmd", "lists_cmd", "programs_cmd", "analysis_cmd", "fetch_cmd",
    "alerts_cmd", "users_cmd", "serve_cmd", "dossiers_cmd", "resolve_cmd", "match_cmd",
    "upgrade_cmd", "keys_cmd",
)

# name -> (modules to load, in order; its one-line help)
COMMANDS: dict[str, tuple[tuple[str, ...], str]] = {
    "alerts": (("alerts_cmd",),
        'Alerts raised (oldest first); `concerted alerts deliver` sends what is due.'),
    "allegations": (("dossiers_cmd",),
        "What the subject is said to have done, under the programs' conduct categories."),
    "audit": (("dossiers_cmd",),
        'The hash-chained log of every read and write of confidential material.'),
    "backup": (("dossiers_cmd",),
        "Write every table and archived file to FILE, encrypted and signed with the "
        "keyring's active data key (the keyring itself is never in it)."),
    "changes": (("lists_cmd",),
        'Additions, removals and amendments per snapshot of SOURCE, with a count per program '
        '(JSON: `by_program`).'),
    "coalitions": (("dossiers_cmd",),
        'Coalitions: organisations that share chosen dossiers with each other.'),
    "coverage": (("analysis_cmd",),
        'Who designated whom: targets × jurisdictions, with program and date in each '
        'cell.'),
    "dossiers": (("dossiers_cmd",),
        'Dossiers on a subject: allegations, evidence, submissions to governments.'),
    "eligible": (("programs_cmd",),
        'Which governments could act on this conduct, under which program, and how to '
        'ask.'),
    "evidence": (("dossiers_cmd",),
        'Evidence items with provenance and a confidentiality level each.'),
    "export": (("lists_cmd", "resolve_cmd"),
        'Export data for other tools.'),
    "fetch": (("fetch_cmd",),
        'Download the latest official lists, ingest them, raise and deliver alerts.'),
    "gaps": (("analysis_cmd",),
        'Targets designated by some, that partners with an eligible program have not '
        'designated.'),
    "ingest": (("ingest_cmd",),
        'Ingest official list files or folders of them.'),
    "judgements": (("resolve_cmd",),
        'Judgements as text: one JSON object a line.'),
    "keys": (("dossiers_cmd", "keys_cmd"),
        'Data keys (encryption at rest) and signing keys (exchange bundles).'),
    "lags": (("analysis_cmd",),
        "Follow-on lags: days from the first designation to each other jurisdiction's."),
    "listings": (("lists_cmd",),
        'Listings currently on the lists (with --all, also those since removed; with --on, '
        'those on the lists that day).'),
    "match": (("match_cmd",),
        "Scored targets for a name, with the explanation of each score: the same matcher "
        "and results as `POST /match/{dataset}` (kept on disk per store state, so warm runs "
        "are fast)."),
    "orgs": (("dossiers_cmd",),
        "Organisations (NGOs, coalitions, government teams) and their members' roles."),
    "programs": (("programs_cmd",),
        'Magnitsky-style and related sanctions programs, from the curated program data.'),
    "rebuild": (("upgrade_cmd",),
        "Re-read the archived list files with today's parsers and re-derive listings, "
        'versions and changes.'),
    "report": (("analysis_cmd",),
        'Timeline, coverage heatmap, lag distribution, rounds and gaps in one file.'),
    "resolve": (("resolve_cmd",),
        'Link the same person or body across lists; queue the uncertain pairs for review.'),
    "restore": (("dossiers_cmd",),
        "Restore a backup into an empty store and data folder, then migrate it to the "
        "newest schema revision."),
    "review": (("resolve_cmd",),
        'Decide the pairs `concerted resolve` was unsure about, best-scored first.'),
    "rounds": (("analysis_cmd",),
        'Coordinated rounds: the same targets designated by 2+ jurisdictions within '
        '--window.'),
    "serve": (("serve_cmd",),
        'Serve the web app and API on the store given by --db (SQLite or PostgreSQL).'),
    "sources": (("lists_cmd",),
        'Each source: snapshots held, newest date, listings per program (newest), and '
        'health: when last confirmed current, age, STALE beyond its cadence, the last '
        'fetch error.'),
    "stats": (("analysis_cmd",),
        'Designations per jurisdiction and year and per program; joint share; top '
        'countries.'),
    "submissions": (("dossiers_cmd",),
        'Packets to governments, one per dossier and program, and their status.'),
    "subscriptions": (("alerts_cmd",),
        'What you want to hear about, and how (Atom feed, webhook, e-mail).'),
    "upgrade": (("upgrade_cmd",),
        'Migrate the store to the newest schema revision (back it up first).'),
    "users": (("users_cmd",),
        'Local user accounts (passwords hashed with argon2id).'),
    "watch": (("fetch_cmd",),
        'Fetch → ingest → resolve → analyse → alert, every --every, until SIGINT/SIGTERM.'),
}
