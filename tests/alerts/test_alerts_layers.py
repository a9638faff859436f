"""The one HTTP module stays the only importer of HTTP clients among the alert and update
modules (the purity of the alert modules is an import-linter contract, pyproject.toml)."""

from __future__ import annotations

from pathlib import Path

from import_graph import imports

PACKAGE = Path(__file__).resolve().parents[2] / "concerted"


def test_only_fetch_speaks_http_among_the_alert_and_update_modules() -> None:
    mine = [*(PACKAGE / "alerts").rglob("*.py"), *(PACKAGE / "updates").rglob("*.py")]
    # the webhook sender and the orchestrators hold an httpx.Client, but call only fetch
    for path in mine:
        calls = {n for n in imports(path)
                 if n.startswith(("urllib.request", "requests", "http.client", "aiohttp"))}
        assert not calls, f"{path} does HTTP without concerted.fetch"
