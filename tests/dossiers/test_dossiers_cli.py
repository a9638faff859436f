"""The dossier commands of the command-line contract, in-process, end to end."""

from __future__ import annotations

import io
from pathlib import Path

from click.testing import CliRunner, Result
from dossier_world import PASSWORD, PDF
from pypdf import PdfReader

from concerted.cli import cli


class Shell:
    def __init__(self, tmp: Path, name: str = "main") -> None:
        self.db = f"sqlite:///{tmp / f'{name}.db'}"
        self.env = {"CONCERTED_DATA_DIR": str(tmp / f"{name}-data"),
                    "CONCERTED_KEY_FILE": str(tmp / "keyring.json")}

    def __call__(self, *args: str, ok: bool = True, stdin: str | None = None) -> Result:
        result = CliRunner(env=self.env).invoke(cli, ["--db", self.db, *args], input=stdin)
        assert (result.exit_code == 0) == ok, result.output
        return result


def _setup(sh: Shell) -> str:
    sh("keys", "init")  # a named CONCERTED_KEY_FILE is never made implicitly
    sh("orgs", "add", "Rights Watch")
    for who, role in (("owner", "owner"), ("viewer", "viewer")):
        sh("users", "add", f"{who}@example.org", "--org", "Rights Watch", "--role", role,
           "--password-stdin", stdin=PASSWORD + "\n")
    dossier = sh("dossiers", "create", "--org", "Rights Watch", "--subject", "ZHU Hailun",
                 "--as", "owner@example.org").stdout.strip()
    assert len(dossier) == 20
    return dossier


def test_contract_end_to_end(tmp_path: Path) -> None:
    sh = Shell(tmp_path)
    dossier = _setup(sh)
    me = ("--as", "owner@example.org")
    claim = sh("allegations", "add", dossier, "--conduct", "torture", "--conduct",
               "arbitrary_detention", "--summary", "Directed the detention campaign",
               "--victims", "Uyghur detainees", *me).stdout.strip()
    document = tmp_path / "directive.pdf"
    document.write_bytes(PDF)
    sh("evidence", "add", dossier, str(document), "--level", "governments", "--title",
       "Leaked directive", "--source", "leak", "--obtained", "2020-01-02", "--supports",
       claim, *me)
    sh("evidence", "add", dossier, "--testimony", "W-7 saw the transfers", "--level",
       "protected", "--title", "Witness W-7", *me)
    out = tmp_path / "au.pdf"
    sh("submissions", "build", dossier, "--program", "au-thematic", "--out", str(out), *me)
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(out.read_bytes())).pages)
    assert "ZHU Hailun" in text and "Leaked directive" in text and "W-7" not in text
    sh("submissions", "build", dossier, "--program", "au-thematic", "--out", str(out),
       "--as", "viewer@example.org", ok=False)
    refused = sh("evidence", "add", dossier, str(document), "--level", "public",
                 "--as", "nobody@example.org", ok=False)
    assert "no active user" in refused.output
    assert "intact" in sh("audit", "verify").stdout
    assert "ZHU Hailun" in sh("dossiers", "list", "--format", "json", *me).stdout
    assert sh("submissions", "board", "--format", "csv", *me).stdout.count("draft") == 1


def test_tampering_fails_audit_verify(tmp_path: Path) -> None:
    sh = Shell(tmp_path)
    dossier = _setup(sh)
    document = tmp_path / "directive.pdf"
    document.write_bytes(PDF)
    sh("evidence", "add", dossier, str(document), "--level", "internal", "--as",
       "owner@example.org")
    blob = next(p for p in (tmp_path / "main-data" / "archive").rglob("*") if p.is_file())
    blob.write_bytes(blob.read_bytes()[:-1] + b"\x00")
    result = sh("audit", "verify", ok=False)
    assert result.exit_code == 1 and "FAULT: evidence" in result.output


def test_backup_restore_rotate_and_bundles(tmp_path: Path) -> None:
    sh = Shell(tmp_path)
    dossier = _setup(sh)
    sh("backup", str(tmp_path / "backup.zip"))
    restored = Shell(tmp_path, "restored")
    restored("restore", str(tmp_path / "backup.zip"))
    assert "intact" in restored("audit", "verify").stdout
    assert "re-encrypted" in sh("keys", "rotate").stdout
    assert "intact" in sh("audit", "verify").stdout
    bundle = tmp_path / "bundle.zip"
    sh("dossiers", "export", dossier, "--level", "governments", "--out", str(bundle),
       "--as", "owner@example.org")
    sh("orgs", "add", "Partner NGO")
    sh("users", "add", "partner@example.org", "--org", "Partner NGO", "--role", "owner",
       "--password-stdin", stdin=PASSWORD + "\n")
    partner = ("--as", "partner@example.org")
    refused = sh("dossiers", "import", str(bundle), "--org", "Partner NGO", *partner, ok=False)
    assert "does not trust" in refused.output
    key = sh("keys", "public").stdout.strip()
    sh("keys", "trust", key, "--org", "Partner NGO", "--from", "Rights Watch", "--label",
       "Rights Watch", *partner)
    copy = sh("dossiers", "import", str(bundle), "--org", "Partner NGO", *partner).stdout
    assert "ZHU Hailun" in sh("dossiers", "show", copy.strip(), *partner).stdout
    damaged = bytearray(bundle.read_bytes())
    damaged[len(damaged) // 2] ^= 0xFF
    bundle.write_bytes(bytes(damaged))
    refused = sh("dossiers", "import", str(bundle), "--org", "Partner NGO", *partner, ok=False)
    assert "bundle rejected" in refused.output


def test_audit_head_and_verify_head_on_the_command_line(tmp_path: Path) -> None:
    """`audit head` prints SEQ:HASH; `audit verify --head` with it stays intact after later
    reads (issue 15 item 2), and a malformed head is a usage error naming the form."""
    sh = Shell(tmp_path)
    dossier = _setup(sh)
    recorded = sh("audit", "head").stdout.strip()
    seq, _, digest = recorded.partition(":")
    assert seq.isdigit() and len(digest) == 64
    sh("dossiers", "show", dossier, "--as", "owner@example.org")
    assert "intact" in sh("audit", "verify", "--head", recorded).stdout
    heads = tmp_path / "heads.txt"
    heads.write_text(f"{recorded} 2026-12-05T09:00Z\n")
    assert "intact" in sh("audit", "verify", "--heads", str(heads)).stdout
    wrong = sh("audit", "verify", "--head", f"{seq}:{'0' * 64}", ok=False)
    assert "not the" in wrong.output
    assert "SEQ:HASH" in sh("audit", "verify", "--head", digest, ok=False).output
    assert "already keyed" in sh("audit", "bind", ok=False).output
