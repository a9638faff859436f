"""The keyring at rest: wrapped (AES-256-GCM) under a key-encryption key derived with argon2id
from a passphrase that does not live in the data folder.

The passphrase comes from the settings: `CONCERTED_KEY_PASSPHRASE_FILE` (a file on another
volume, a mounted secret) or `CONCERTED_KEY_PASSPHRASE`. A copy of the data folder, even with the
keyring file in it, is then ciphertext only. The file records the KDF parameters and salt,
so stronger parameters later still open older files.
"""

from __future__ import annotations

import base64
import json
import secrets
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from concerted.settings import Settings

__all__ = ["FORMAT", "MIN_PASSPHRASE", "Passphrase", "PassphraseError", "is_wrapped",
           "passphrase", "unwrap", "wrap"]

FORMAT = "concerted-keyring/2"
MIN_PASSPHRASE = 12
# RFC 9106's second recommended option (64 MiB, 3 passes, 4 lanes): about a second here.
_STANDARD = {"time_cost": 3, "memory_cost": 65536, "parallelism": 4}
# CONCERTED_KEY_KDF_TEST=1: the test suite's cheap parameters (a guessable passphrase).
_TEST = {"time_cost": 1, "memory_cost": 1024, "parallelism": 1}
_NONCE = 12


class PassphraseError(LookupError):
    """No passphrase, or one that does not open the keyring. Says which setting to fix."""


@dataclass(frozen=True)
class Passphrase:
    """What wraps the keyring, and whether new wraps use the test suite's cheap parameters
    (CONCERTED_KEY_KDF_TEST=1)."""

    value: str = field(repr=False)
    cheap: bool = False


def passphrase(settings: Settings) -> Passphrase:
    """The passphrase the settings name, checked: long enough, and not kept in the data
    folder (a copy of the folder would then open the keyring)."""
    data_dir = settings.data_dir
    path = settings.key_passphrase_file
    if path is not None:
        if path.resolve().is_relative_to(data_dir.resolve()):
            raise PassphraseError(
                f"CONCERTED_KEY_PASSPHRASE_FILE ({path}) is inside the data folder "
                f"{data_dir}: a copy of the folder would then open the keyring. Keep it on "
                "another volume.")
        if not path.is_file():
            raise PassphraseError(f"CONCERTED_KEY_PASSPHRASE_FILE names {path}, which is not "
                                  "a readable file")
        value = path.read_text(encoding="utf-8").rstrip("\r\n")
    else:
        secret = settings.key_passphrase
        value = secret.get_secret_value() if secret else ""
    if not value:
        raise PassphraseError(
            "the keyring is protected by a passphrase: set CONCERTED_KEY_PASSPHRASE_FILE (a "
            "file outside the data folder) or CONCERTED_KEY_PASSPHRASE")
    if len(value) < MIN_PASSPHRASE:
        raise PassphraseError(f"the keyring passphrase needs at least {MIN_PASSPHRASE} "
                              "characters")
    return Passphrase(value, settings.key_kdf_test)


def is_wrapped(raw: dict[str, Any]) -> bool:
    return raw.get("format") == FORMAT


def _aad(kdf: dict[str, Any]) -> bytes:
    return json.dumps({"format": FORMAT, "kdf": kdf}, sort_keys=True).encode()


@lru_cache(maxsize=32)
def _kek(passphrase: str, salt: bytes, time_cost: int, memory_cost: int,
         parallelism: int) -> bytes:
    # Cached: the server and each command derive once per keyring file, not per request.
    return hash_secret_raw(passphrase.encode("utf-8"), salt, time_cost, memory_cost,
                           parallelism, 32, Type.ID)


def _derive(passphrase: str, kdf: dict[str, Any]) -> AESGCM:
    return AESGCM(_kek(passphrase, base64.b64decode(kdf["salt"]), int(kdf["time_cost"]),
                       int(kdf["memory_cost"]), int(kdf["parallelism"])))


def wrap(body: dict[str, Any], passphrase: Passphrase) -> dict[str, Any]:
    cost = _TEST if passphrase.cheap else _STANDARD
    kdf = {"name": "argon2id", "salt": base64.b64encode(secrets.token_bytes(16)).decode(),
           **cost}
    nonce = secrets.token_bytes(_NONCE)
    sealed = _derive(passphrase.value, kdf).encrypt(nonce, json.dumps(body).encode(), _aad(kdf))
    return {"format": FORMAT, "kdf": kdf,
            "wrapped": base64.b64encode(nonce + sealed).decode()}


def unwrap(raw: dict[str, Any], passphrase: Passphrase, where: Path) -> dict[str, Any]:
    kdf = raw["kdf"]
    if kdf.get("name") != "argon2id":
        raise PassphraseError(f"{where}: unknown key derivation {kdf.get('name')!r}")
    blob = base64.b64decode(raw["wrapped"])
    try:
        plain = _derive(passphrase.value, kdf).decrypt(blob[:_NONCE], blob[_NONCE:], _aad(kdf))
    except InvalidTag:
        raise PassphraseError(
            f"the passphrase does not open the keyring at {where} (check "
            "CONCERTED_KEY_PASSPHRASE_FILE / CONCERTED_KEY_PASSPHRASE), or the file was "
            "altered") from None
    body: dict[str, Any] = json.loads(plain)
    return body
