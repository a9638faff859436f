"""Fixture strategy: the real official files served from a loopback server that can be told
to misbehave (an HTTP error, a slow answer, a body cut short, an HTML page); in-process CLI
against SQLite and PostgreSQL. The fixtures live in tests/local_servers.py."""

from local_servers import hooks, invoke, lists, set_day, smtp  # noqa: F401
