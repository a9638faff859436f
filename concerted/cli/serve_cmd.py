"""`concerted serve`: the web app and REST API (OpenAPI at /docs) with uvicorn."""

from __future__ import annotations

import click

from concerted.cli.context import AppContext, pass_app

__all__ = ["register"]


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (0.0.0.0 for every interface).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 32),
              help="Worker processes (each computes its own copy of the analyses).")
@click.option("--proxy-headers", is_flag=True,
              help="Trust X-Forwarded-* from a TLS proxy on this host (secure cookies).")
@click.option("--access-log/--no-access-log", default=True, show_default=True,
              help="Log every request (off for benchmarks).")
@pass_app
def serve_command(app: AppContext, host: str, port: int, workers: int,
                  proxy_headers: bool, access_log: bool) -> None:
    """Serve the web app and API on the store given by --db (SQLite or PostgreSQL)."""
    # Imported here, not at the top: `concerted --help` and every other command start
    # without loading the web app and uvicorn.
    import uvicorn
    from uvicorn.supervisors import Multiprocess

    from concerted.app_factory import AppFactory

    app.engine  # noqa: B018 -- opens (and creates) the store now, so a bad --db fails here
    # Not uvicorn.run: it takes only an import string for several workers, and the factory
    # must carry this command's settings (see concerted.app_factory).
    config = uvicorn.Config(AppFactory(app.settings), factory=True, host=host,
                            port=port, workers=workers, proxy_headers=proxy_headers,
                            log_level="info", access_log=access_log,
                            timeout_graceful_shutdown=10)
    server = uvicorn.Server(config)
    if workers > 1:
        Multiprocess(config, sockets=[config.bind_socket()]).run()
    else:
        server.run()
        if not server.started:
            raise SystemExit(3)  # uvicorn's STARTUP_FAILURE: the port is taken, or the like


def register(group: click.Group) -> None:
    group.add_command(serve_command)
