"""The access log without query strings (issue 15, Low): `/search?q=<a name>` told whoever
reads the server's logs which people an organisation was looking into. Uvicorn's access
logger gets a filter that keeps the path and drops the query; installed by the app factory,
so it holds in every worker."""

from __future__ import annotations

import logging

__all__ = ["ACCESS_LOGGER", "QueryFreeAccessLog", "install"]

ACCESS_LOGGER = "uvicorn.access"


class QueryFreeAccessLog(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        # uvicorn logs (client, method, full path, http version, status) as arguments.
        args = record.args
        if isinstance(args, tuple) and len(args) >= 3 and isinstance(args[2], str):
            path, query, _ = args[2].partition("?")
            record.args = (*args[:2], path + ("?…" if query else ""), *args[3:])
        return True


def install() -> None:
    logger = logging.getLogger(ACCESS_LOGGER)
    if not any(isinstance(f, QueryFreeAccessLog) for f in logger.filters):
        logger.addFilter(QueryFreeAccessLog())
