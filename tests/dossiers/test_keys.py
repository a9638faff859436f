"""The keyring at rest (issue 13 item 4): wrapped under a passphrase kept outside the data
folder, so that a copy of the data folder alone reads no evidence; a missing key file is
refused, never silently replaced (issue 15, Low); the passphrase can be changed."""

from __future__ import annotations

import base64
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from dossier_world import PASSWORD, PDF

from concerted.cli import cli
from concerted.dossiers.keys import load_keyring, passphrase
from concerted.settings import Settings

MARKER = b"Witness W-7 names the officer who ordered the transfers"
SUITE_PASSPHRASE = "the test suite's passphrase, not a secret"


class Shell:
    """The command line on one store and data folder, with the keyring at its default place
    inside the data folder (the layout a copy of the folder would carry)."""

    def __init__(self, root: Path, **env: str | None) -> None:
        self.root = root
        root.mkdir(parents=True, exist_ok=True)
        self.env: dict[str, str | None] = {"CONCERTED_DATA_DIR": str(root / "data"),
                                           "CONCERTED_KEY_FILE": None, **env}

    def __call__(self, *args: str, ok: bool = True, stdin: str | None = None) -> Result:
        db = f"sqlite:///{self.root / 'concerted.db'}"
        result = CliRunner(env=self.env).invoke(cli, ["--db", db, *args], input=stdin)
        assert (result.exit_code == 0) == ok, result.output
        return result


def _instance_with_evidence(root: Path) -> tuple[Shell, str]:
    sh = Shell(root)
    sh("orgs", "add", "Rights Watch")
    sh("users", "add", "owner@example.org", "--org", "Rights Watch", "--role", "owner",
       "--password-stdin", stdin=PASSWORD + "\n")
    me = ("--as", "owner@example.org")
    dossier = sh("dossiers", "create", "--org", "Rights Watch", "--subject", "ZHU Hailun",
                 *me).stdout.strip()
    statement = root / "statement.pdf"
    statement.write_bytes(PDF.replace(b"trailer", MARKER + b"\ntrailer"))
    evidence = sh("evidence", "add", dossier, str(statement), "--level", "protected",
                  "--title", "Statement of W-7", *me).stdout.strip()
    return sh, evidence


def test_copying_the_data_folder_alone_reads_no_evidence(tmp_path: Path) -> None:
    sh, evidence = _instance_with_evidence(tmp_path / "server")
    me = ("--as", "owner@example.org")
    sh("evidence", "get", evidence, "--out", str(tmp_path / "ok.pdf"), *me)
    assert MARKER in (tmp_path / "ok.pdf").read_bytes()

    stolen = tmp_path / "stolen"
    shutil.copytree(tmp_path / "server" / "data", stolen / "data")
    shutil.copy(tmp_path / "server" / "concerted.db", stolen / "concerted.db")
    # Nothing in the copy holds the evidence or a key in clear.
    keyring = json.loads((stolen / "data" / "keys" / "keyring.json").read_text())
    assert set(keyring) == {"format", "kdf", "wrapped"} and "data_keys" not in json.dumps(keyring)
    for path in (stolen / "data").rglob("*"):
        if path.is_file():
            assert MARKER not in path.read_bytes()
            assert base64.b64encode(MARKER[:30]) not in path.read_bytes()

    thief = Shell(stolen, CONCERTED_KEY_PASSPHRASE=None)
    refused = thief("evidence", "get", evidence, "--out", str(tmp_path / "x.pdf"), *me, ok=False)
    assert "the keyring is protected by a passphrase" in refused.output
    assert "CONCERTED_KEY_PASSPHRASE_FILE" in refused.output
    assert not (tmp_path / "x.pdf").exists()
    guess = Shell(stolen, CONCERTED_KEY_PASSPHRASE="correct horse battery staple")
    refused = guess("audit", "verify", ok=False)
    assert "the passphrase does not open the keyring" in refused.output
    assert not (tmp_path / "x.pdf").exists()


def test_a_missing_key_file_is_refused_and_not_made(tmp_path: Path) -> None:
    named = tmp_path / "secrets" / "keyring.json"
    sh = Shell(tmp_path, CONCERTED_KEY_FILE=str(named))
    refused = sh("orgs", "add", "Rights Watch", ok=False)
    assert f"no keyring at {named}" in refused.output and "concerted keys init" in refused.output
    assert not named.exists()
    sh("keys", "init")
    assert named.exists()
    again = sh("keys", "init", ok=False)
    assert "already exists" in again.output
    sh("orgs", "add", "Rights Watch")


def test_a_lost_default_keyring_is_not_replaced_beside_dossiers(tmp_path: Path) -> None:
    sh, _ = _instance_with_evidence(tmp_path)
    keyring = tmp_path / "data" / "keys" / "keyring.json"
    keyring.rename(tmp_path / "moved.json")
    refused = sh("dossiers", "list", "--as", "owner@example.org", ok=False)
    assert "holds 1 encrypted dossier(s)" in refused.output
    assert not keyring.exists()


def test_the_passphrase_file_must_live_outside_the_data_folder(tmp_path: Path) -> None:
    inside = tmp_path / "data" / "passphrase"
    inside.parent.mkdir(parents=True)
    inside.write_text(SUITE_PASSPHRASE + "\n")
    refused = Shell(tmp_path, CONCERTED_KEY_PASSPHRASE=None,
                    CONCERTED_KEY_PASSPHRASE_FILE=str(inside))("keys", "init", ok=False)
    assert "inside the data folder" in refused.output
    outside = tmp_path / "secrets" / "passphrase"
    outside.parent.mkdir()
    outside.write_text(SUITE_PASSPHRASE + "\n")
    sh = Shell(tmp_path, CONCERTED_KEY_PASSPHRASE=None, CONCERTED_KEY_PASSPHRASE_FILE=str(outside))
    sh("keys", "init")
    sh("keys", "list")


def test_changing_the_passphrase(tmp_path: Path) -> None:
    sh, evidence = _instance_with_evidence(tmp_path)
    short = sh("keys", "passphrase", stdin="too short\n", ok=False)
    assert "at least 12 characters" in short.output
    new = "a new and longer passphrase for the keyring"
    sh("keys", "passphrase", stdin=new + "\n")
    sh("audit", "verify", ok=False)  # the old passphrase no longer opens it
    moved = Shell(tmp_path, CONCERTED_KEY_PASSPHRASE=new)
    assert "intact" in moved("audit", "verify").stdout
    moved("evidence", "get", evidence, "--out", str(tmp_path / "ok.pdf"), "--as",
          "owner@example.org")
    assert MARKER in (tmp_path / "ok.pdf").read_bytes()


def test_a_clear_keyring_of_an_older_concerted_is_wrapped_on_first_read(tmp_path: Path) -> None:
    sh, _ = _instance_with_evidence(tmp_path)
    path = tmp_path / "data" / "keys" / "keyring.json"
    keyring = load_keyring(path, passphrase(Settings()))
    clear = {"data_keys": [{"id": k.id, "key": base64.b64encode(k.key).decode(),
                            "created": k.created, "active": k.active}
                           for k in keyring.data_keys],
             "signing_keys": [{"id": k.id, "seed": base64.b64encode(k.seed).decode(),
                               "created": k.created, "active": k.active}
                              for k in keyring.signing_keys],
             "mac_keys": [{"id": k.id, "key": base64.b64encode(k.key).decode(),
                           "created": k.created} for k in keyring.mac_keys]}
    path.write_text(json.dumps(clear))  # what Concerted wrote before keys were wrapped
    assert "intact" in sh("audit", "verify").stdout
    assert "data_keys" not in path.read_text()
    assert load_keyring(path, passphrase(Settings())) == keyring


def test_standard_kdf_parameters_outside_the_test_suite(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CONCERTED_KEY_KDF_TEST")
    load_keyring(tmp_path / "keyring.json", passphrase(Settings()), create=True)
    kdf = json.loads((tmp_path / "keyring.json").read_text())["kdf"]
    assert kdf["name"] == "argon2id"
    assert (kdf["time_cost"], kdf["memory_cost"], kdf["parallelism"]) == (3, 65536, 4)
    assert load_keyring(tmp_path / "keyring.json", passphrase(Settings())).active_data_key()
