"""Encrypted, authenticated streams for backups: AES-256-GCM in framed chunks.

A backup's key is derived (HKDF-SHA256) from a keyring data key and the backup's random id,
so no two backups share a key. Each entry of the zip is a sequence of frames
`length (4 bytes) | nonce | ciphertext | tag`, each holding up to CHUNK bytes of
zlib-compressed plaintext; the associated data binds a frame to its backup, its entry, its
place in the entry and whether it is the last, so frames cannot be altered, reordered,
moved between entries or backups, or cut off the end without the tag failing.
"""

from __future__ import annotations

import secrets
import struct
import zlib
from collections.abc import Iterator
from typing import IO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.hashes import SHA256
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from concerted.dossiers.crypto import TamperedError

__all__ = ["CHUNK", "SealedWriter", "backup_key", "open_blob", "open_stream", "seal_blob"]

CHUNK = 4 * 1024 * 1024
_NONCE = 12
_LENGTH = struct.Struct(">I")


def backup_key(data_key: bytes, backup_id: str) -> AESGCM:
    derived = HKDF(algorithm=SHA256(), length=32, salt=backup_id.encode("ascii"),
                   info=b"concerted-backup/2").derive(data_key)
    return AESGCM(derived)


def _aad(backup_id: str, entry: str, index: int, last: bool) -> bytes:
    return f"{backup_id}/{entry}/{index}/{int(last)}".encode()


def seal_blob(aead: AESGCM, data: bytes, aad: bytes) -> bytes:
    nonce = secrets.token_bytes(_NONCE)
    return nonce + aead.encrypt(nonce, data, aad)


def open_blob(aead: AESGCM, blob: bytes, aad: bytes, what: str) -> bytes:
    try:
        return aead.decrypt(blob[:_NONCE], blob[_NONCE:], aad)
    except InvalidTag:
        raise TamperedError(f"backup damaged or altered: {what} does not authenticate") from None


class SealedWriter:
    """Write plaintext into one zip entry as sealed frames; `close` writes the last frame."""

    def __init__(self, aead: AESGCM, backup_id: str, entry: str, out: IO[bytes]) -> None:
        self._aead, self._id, self._entry, self._out = aead, backup_id, entry, out
        self._buffer = bytearray()
        self._index = 0

    def write(self, data: bytes) -> None:
        self._buffer += data
        while len(self._buffer) > CHUNK:
            self._frame(bytes(self._buffer[:CHUNK]), last=False)
            del self._buffer[:CHUNK]

    def close(self) -> None:
        self._frame(bytes(self._buffer), last=True)
        self._buffer.clear()

    def _frame(self, plain: bytes, last: bool) -> None:
        blob = seal_blob(self._aead, zlib.compress(plain, 6),
                         _aad(self._id, self._entry, self._index, last))
        self._out.write(_LENGTH.pack(len(blob)) + blob)
        self._index += 1


def open_stream(aead: AESGCM, backup_id: str, entry: str, source: IO[bytes]) -> Iterator[bytes]:
    """The plaintext chunks of one entry; raises TamperedError on any altered, missing or
    extra frame."""
    index = 0
    while True:
        head = source.read(_LENGTH.size)
        if len(head) != _LENGTH.size:
            raise TamperedError(f"backup damaged or altered: {entry} is cut short")
        (size,) = _LENGTH.unpack(head)
        blob = source.read(size)
        if len(blob) != size:
            raise TamperedError(f"backup damaged or altered: {entry} is cut short")
        try:
            plain = aead.decrypt(blob[:_NONCE], blob[_NONCE:],
                                 _aad(backup_id, entry, index, False))
            last = False
        except InvalidTag:
            plain = open_blob(aead, blob, _aad(backup_id, entry, index, True), entry)
            last = True
        yield zlib.decompress(plain)
        index += 1
        if last:
            if source.read(1):
                raise TamperedError(f"backup damaged or altered: {entry} has data after its end")
            return
