"""API tests run in-process (TestClient) against the session's shared-lists store; see
tests/web_store.py for which snapshots it holds and why."""

from web_store import api, web_app, web_store, writer_token  # noqa: F401
