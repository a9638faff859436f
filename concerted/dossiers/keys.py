"""The keyring: AES-256 data keys (one active, older ones kept to read what they sealed),
Ed25519 signing keys for exchange bundles, and the MAC key that binds permission columns and
the audit chain (`binding`), in one file readable by its owner only.

The MAC key is not rotated with the data keys: the audit chain it keys reaches back to the
first entry, and dropping old data keys must not make that history unverifiable. A keyring
written before MAC keys existed gets one the first time it is loaded.

The file lives at `CONCERTED_KEY_FILE` (`Settings.keyring_path`), by default
`<data dir>/keys/keyring.json`, wrapped under a passphrase kept outside the data folder
(`keywrap`); a keyring written in clear by an older Concerted is wrapped the first time it
is read. It is never written to the database, to backups or to logs. A keyring is made only
when asked (`concerted keys init`), or on first use at the default place while the store
holds no dossier: a missing `CONCERTED_KEY_FILE` is refused, never silently replaced by a
new, empty keyring.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import secrets
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from concerted import clock
from concerted.dossiers.keywrap import (
    Passphrase,
    PassphraseError,
    is_wrapped,
    passphrase,
    unwrap,
    wrap,
)

__all__ = ["DataKey", "KeyMissing", "Keyring", "MacKey", "Passphrase", "PassphraseError",
           "SigningKey", "load_keyring", "new_data_key", "new_keyring", "new_mac_key",
           "new_signing_key", "passphrase", "public_key_hex", "save_keyring"]


class KeyMissing(LookupError):
    """A key id named by a ciphertext or bundle is not in this keyring."""


@dataclass(frozen=True)
class DataKey:
    id: str
    key: bytes = field(repr=False)
    created: str
    active: bool


@dataclass(frozen=True)
class SigningKey:
    id: str  # the first 16 bytes of SHA-256 of the public key, hex
    seed: bytes = field(repr=False)
    created: str
    active: bool

    def private(self) -> Ed25519PrivateKey:
        return Ed25519PrivateKey.from_private_bytes(self.seed)


@dataclass(frozen=True)
class MacKey:
    id: str
    key: bytes = field(repr=False)
    created: str


@dataclass(frozen=True)
class Keyring:
    data_keys: tuple[DataKey, ...] = ()
    signing_keys: tuple[SigningKey, ...] = ()
    path: Path | None = field(default=None, compare=False)
    mac_keys: tuple[MacKey, ...] = ()
    # What wraps the file (None: a keyring made in memory, that cannot be saved).
    passphrase: Passphrase | None = field(default=None, compare=False, repr=False)

    def active_mac_key(self) -> MacKey:
        return self.mac_keys[-1]

    def mac_key(self, key_id: str) -> bytes:
        for key in self.mac_keys:
            if key.id == key_id:
                return key.key
        raise KeyMissing(f"MAC key {key_id} is not in the keyring")

    def active_data_key(self) -> DataKey:
        return next(k for k in self.data_keys if k.active)

    def data_key(self, key_id: str) -> bytes:
        for key in self.data_keys:
            if key.id == key_id:
                return key.key
        raise KeyMissing(f"data key {key_id} is not in the keyring")

    def active_signing_key(self) -> SigningKey:
        return next(k for k in self.signing_keys if k.active)


def new_data_key() -> DataKey:
    return DataKey("dk" + secrets.token_hex(6), secrets.token_bytes(32), clock.stamp(), True)


def new_mac_key() -> MacKey:
    return MacKey("mk" + secrets.token_hex(6), secrets.token_bytes(32), clock.stamp())


def public_key_hex(key: SigningKey) -> str:
    return key.private().public_key().public_bytes(Encoding.Raw, PublicFormat.Raw).hex()


def new_signing_key() -> SigningKey:
    seed = secrets.token_bytes(32)
    public = Ed25519PrivateKey.from_private_bytes(seed).public_key().public_bytes(
        Encoding.Raw, PublicFormat.Raw)
    return SigningKey(hashlib.sha256(public).hexdigest()[:32], seed, clock.stamp(), True)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def new_keyring(path: Path, passphrase: Passphrase) -> Keyring:
    """A fresh keyring (one key of each kind) written at `path`; refuses to replace one."""
    if path.exists():
        raise FileExistsError(f"a keyring already exists at {path}; it was left as it is")
    return save_keyring(Keyring((new_data_key(),), (new_signing_key(),), path,
                                (new_mac_key(),), passphrase=passphrase))


def load_keyring(path: Path, passphrase: Passphrase, create: bool = False) -> Keyring:
    """Read (and unwrap) the keyring; a missing one is made only if `create`."""
    if not path.exists():
        if not create:
            raise KeyMissing(
                f"no keyring at {path}: point CONCERTED_KEY_FILE at this store's keyring, "
                "or make a new one with `concerted keys init` (a new keyring cannot read "
                "anything sealed before)")
        return new_keyring(path, passphrase)
    raw = json.loads(path.read_text(encoding="utf-8"))
    body = unwrap(raw, passphrase, path) if is_wrapped(raw) else raw
    data = tuple(DataKey(k["id"], base64.b64decode(k["key"]), k["created"], k["active"])
                 for k in body["data_keys"])
    signing = tuple(SigningKey(k["id"], base64.b64decode(k["seed"]), k["created"], k["active"])
                    for k in body["signing_keys"])
    macs = tuple(MacKey(k["id"], base64.b64decode(k["key"]), k["created"])
                 for k in body.get("mac_keys", ()))
    keyring = Keyring(data, signing, path, macs or (new_mac_key(),), passphrase=passphrase)
    if not macs or not is_wrapped(raw):  # older keyring: add a MAC key and wrap it now
        save_keyring(keyring)
    return keyring


def save_keyring(keyring: Keyring) -> Keyring:
    """Write atomically with mode 0600, so that a crash never leaves half a keyring."""
    if keyring.path is None or keyring.passphrase is None:
        raise ValueError("a keyring is saved only to its file, under its passphrase")
    keyring.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    body = {"data_keys": [{"id": k.id, "key": _b64(k.key), "created": k.created,
                           "active": k.active} for k in keyring.data_keys],
            "signing_keys": [{"id": k.id, "seed": _b64(k.seed), "created": k.created,
                              "active": k.active} for k in keyring.signing_keys],
            "mac_keys": [{"id": k.id, "key": _b64(k.key), "created": k.created}
                         for k in keyring.mac_keys]}
    wrapped = wrap(body, keyring.passphrase)
    fd, tmp = tempfile.mkstemp(dir=keyring.path.parent, prefix=".keyring-")
    os.fchmod(fd, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(wrapped, handle, indent=1)
    os.replace(tmp, keyring.path)
    return keyring
