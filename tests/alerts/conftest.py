"""Fixture strategy: the real official files served from loopback servers, in-process CLI.

The US snapshots (../shared/data/lists/us) are served whole: the source's count bounds refuse
excerpts, as they should. The day a fetched file is dated by is set through
`concerted.clock`, so two fetches a test makes one after the other are two days of
the list's history. The fixtures live in tests/local_servers.py, shared with tests/fetch.
"""

from local_servers import hooks, invoke, lists, set_day, smtp  # noqa: F401
