"""The one settings object: CONCERTED_* variables are read in concerted/settings.py only,
keep their names and meaning, are refused when they do not fit, and reach every worker of
`concerted serve` with the command's own `--db`, not through the environment."""

from __future__ import annotations

import ast
import os
import pickle
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from concerted.app_factory import AppFactory
from concerted.app_options import AppOptions
from concerted.dossiers.keywrap import PassphraseError, passphrase
from concerted.settings import Settings, SettingsError
from concerted.updates.settings import FetchSettings

ROOT = Path(__file__).resolve().parents[1]


def _reads_environment(tree: ast.AST) -> bool:
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr in ("environ", "getenv", "environb"):
            return True
        if isinstance(node, ast.ImportFrom) and node.module == "os" and any(
                alias.name in ("environ", "getenv") for alias in node.names):
            return True
    return False


def test_only_the_settings_module_reads_the_environment() -> None:
    readers = sorted(str(path.relative_to(ROOT)) for path in (ROOT / "concerted").rglob("*.py")
                     if _reads_environment(ast.parse(path.read_text(encoding="utf-8"))))
    assert readers == ["concerted/settings.py"]


def test_the_documented_variables_keep_their_meaning(monkeypatch: pytest.MonkeyPatch,
                                                     tmp_path: Path) -> None:
    monkeypatch.setenv("CONCERTED_DB", "sqlite:///from-env.db")
    monkeypatch.setenv("CONCERTED_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("CONCERTED_KEY_FILE", "")  # empty counts as unset
    monkeypatch.setenv("CONCERTED_PUBLIC", "0")
    monkeypatch.setenv("CONCERTED_SECURE_COOKIES", "1")
    monkeypatch.setenv("CONCERTED_MAX_UPLOAD_MB", "2")
    monkeypatch.setenv("CONCERTED_FETCH_MAX_MB", "1.5")
    monkeypatch.setenv("CONCERTED_URL_US_OFAC_SDN", "http://mirror.example/sdn.csv")
    settings = Settings.from_env()
    assert settings.db_url == "sqlite:///from-env.db"
    assert Settings.from_env("sqlite:///from-option.db").db_url == "sqlite:///from-option.db"
    assert settings.keyring_path == tmp_path / "keys" / "keyring.json"
    assert settings.max_upload == 2 * 1024 * 1024
    options = AppOptions.from_settings(settings)
    assert (options.public, options.secure_cookies) == (False, "always")
    fetch = FetchSettings.from_settings(settings)
    assert fetch.policy.max_bytes == int(1.5 * 2**20)
    assert fetch.urls == {"us_ofac_sdn": "http://mirror.example/sdn.csv"}


def test_a_value_that_does_not_fit_names_its_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CONCERTED_MATCH_RATE", "0")
    with pytest.raises(SettingsError, match="CONCERTED_MATCH_RATE='0'"):
        Settings.from_env()
    monkeypatch.setenv("CONCERTED_MATCH_RATE", "300")
    monkeypatch.setenv("CONCERTED_INGEST_WAIT", "soon")
    with pytest.raises(SettingsError, match="CONCERTED_INGEST_WAIT='soon'"):
        Settings.from_env()


def test_the_passphrase_comes_from_the_settings(tmp_path: Path) -> None:
    data = tmp_path / "data"
    inside = data / "passphrase"
    inside.parent.mkdir()
    inside.write_text("a passphrase long enough\n")
    with pytest.raises(PassphraseError, match="inside the data folder"):
        passphrase(Settings(data_dir=data, key_passphrase_file=inside))
    outside = tmp_path / "passphrase"
    outside.write_text("a passphrase long enough\n")
    chosen = passphrase(Settings(data_dir=data, key_passphrase_file=outside,
                                 key_passphrase="ignored when a file is named"))
    assert chosen.value == "a passphrase long enough"
    with pytest.raises(PassphraseError, match="at least 12"):
        passphrase(Settings(data_dir=data, key_passphrase="short"))


def test_the_app_factory_carries_its_settings_into_a_worker(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    chosen = Settings(db_url=f"sqlite:///{tmp_path / 'chosen.db'}", data_dir=tmp_path)
    monkeypatch.setenv("CONCERTED_DB", f"sqlite:///{tmp_path / 'other.db'}")
    factory = pickle.loads(pickle.dumps(AppFactory(chosen)))  # as uvicorn hands it over
    app = factory()
    assert app.state.settings == chosen
    assert str(app.state.engine.url) == chosen.db_url
    app.state.engine.dispose()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def test_serve_with_two_workers_serves_the_db_option(tmp_path: Path) -> None:
    """Two worker processes, CONCERTED_DB naming a store that cannot exist: what they serve
    is the --db store, passed in the factory."""
    port = _free_port()
    chosen = tmp_path / "chosen.db"
    env = {**os.environ, "CONCERTED_DB": "sqlite:////nonexistent/folder/x.db",
           "CONCERTED_DATA_DIR": str(tmp_path / "data"), "PYTHONPATH": str(ROOT)}
    log = tmp_path / "serve.log"
    with log.open("wb") as out:
        server = subprocess.Popen(
            [sys.executable, "-c", "from concerted.cli import main; main()", "--db",
             f"sqlite:///{chosen}", "serve", "--workers", "2", "--port", str(port),
             "--no-access-log"], env=env, stdout=out, stderr=out)
    try:
        deadline, answer = time.monotonic() + 180, None
        while time.monotonic() < deadline and server.poll() is None:
            try:
                answer = httpx.get(f"http://127.0.0.1:{port}/api/v1/sources", timeout=5)
                break
            except httpx.TransportError:
                time.sleep(1)
        assert answer is not None, log.read_text()
        assert answer.status_code == 200 and answer.json() == []
        assert chosen.exists()
    finally:
        server.terminate()
        server.wait(timeout=60)
