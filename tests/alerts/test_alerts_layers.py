"""The pure parts of alerting import no I/O (ARCHITECTURE.md's import direction), and the
one HTTP module stays the only importer of httpx."""

from __future__ import annotations

from pathlib import Path

from import_graph import imports

PACKAGE = Path(__file__).resolve().parents[2] / "concerted"
PURE = ["alerts/model.py", "alerts/matching.py", "alerts/names.py", "alerts/atom.py",
        "alerts/text.py"]
IO = ("sqlalchemy", "httpx", "psycopg", "fastapi", "smtplib", "socket", "urllib",
      "concerted.store", "concerted.fetch", "concerted.archive", "concerted.ingest")




def test_pure_alert_modules_import_no_io() -> None:
    offenders = {
        entry: sorted(n for n in imports(PACKAGE / entry) if n.split(".")[0] in IO
                      or any(n.startswith(lib) for lib in IO if "." in lib))
        for entry in PURE
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_only_fetch_speaks_http_among_the_alert_and_update_modules() -> None:
    mine = [*(PACKAGE / "alerts").rglob("*.py"), *(PACKAGE / "updates").rglob("*.py")]
    # the webhook sender and the orchestrators hold an httpx.Client, but call only fetch
    for path in mine:
        calls = {n for n in imports(path)
                 if n.startswith(("urllib.request", "requests", "http.client", "aiohttp"))}
        assert not calls, f"{path} does HTTP without concerted.fetch"
