"""AES-256-GCM for evidence files and confidential fields, with the key id beside the text.

A sealed field is the token `v1.<key id>.<base64(nonce | ciphertext | tag)>`. Every seal is
bound by associated data to where it belongs (`table.column:row id`, or `evidence.file:id`),
so a ciphertext copied into another row or column fails to open instead of being shown.
"""

from __future__ import annotations

import base64
import json
import secrets
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from concerted.dossiers.keys import Keyring

__all__ = ["Sealer", "TamperedError", "is_sealed", "key_id_of"]

_VERSION = "v1"
_NONCE = 12


class TamperedError(ValueError):
    """A ciphertext did not authenticate: it was altered, moved, or its key is wrong."""


def is_sealed(token: str) -> bool:
    return token.startswith(_VERSION + ".") and token.count(".") == 2


def key_id_of(token: str) -> str:
    return token.split(".", 2)[1]


class Sealer:
    def __init__(self, keyring: Keyring) -> None:
        self.keyring = keyring

    def seal_bytes(self, data: bytes, context: str) -> tuple[str, bytes]:
        """(key id, nonce | ciphertext | tag) under the active data key."""
        key = self.keyring.active_data_key()
        nonce = secrets.token_bytes(_NONCE)
        return key.id, nonce + AESGCM(key.key).encrypt(nonce, data, context.encode())

    def open_bytes(self, key_id: str, blob: bytes, context: str) -> bytes:
        aead = AESGCM(self.keyring.data_key(key_id))
        try:
            return aead.decrypt(blob[:_NONCE], blob[_NONCE:], context.encode())
        except InvalidTag:
            raise TamperedError(f"{context} does not authenticate under key {key_id}") from None

    def seal(self, text: str, context: str) -> str:
        key_id, blob = self.seal_bytes(text.encode("utf-8"), context)
        return f"{_VERSION}.{key_id}.{base64.b64encode(blob).decode('ascii')}"

    def open(self, token: str, context: str) -> str:
        if not is_sealed(token):
            raise TamperedError(f"{context} is not a sealed value")
        _, key_id, body = token.split(".", 2)
        try:
            blob = base64.b64decode(body, validate=True)
        except ValueError:
            raise TamperedError(f"{context} is not valid base64") from None
        return self.open_bytes(key_id, blob, context).decode("utf-8")

    def seal_json(self, value: Any, context: str) -> str:
        return self.seal(json.dumps(value, sort_keys=True, ensure_ascii=False), context)

    def open_json(self, token: str, context: str) -> Any:
        return json.loads(self.open(token, context))

    def reseal(self, token: str, context: str) -> str:
        """The same plaintext under the active key (key rotation)."""
        return self.seal(self.open(token, context), context)
