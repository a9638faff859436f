"""Password hashing with argon2id (argon2-cffi's defaults, RFC 9106 low-memory profile)."""

from __future__ import annotations

from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

__all__ = ["MIN_LENGTH", "check_strength", "hash_password", "needs_rehash", "prepare",
           "verify_password"]

MIN_LENGTH = 12
_HASHER = PasswordHasher()


@cache
def _dummy() -> str:
    """A fixed hash to verify against when the user does not exist, so that a login for an
    unknown e-mail takes as long as one for a known e-mail (no user enumeration by timing).
    Made on first use, not at import: every CLI command imports this module, and an argon2
    hash costs tens of milliseconds (seconds on a loaded machine)."""
    return _HASHER.hash("concerted-dummy-password")


def prepare() -> None:
    """Make the dummy hash now (the server calls it on start)."""
    _dummy()


MIN_DISTINCT = 5


def check_strength(password: str) -> None:
    """Length counts characters other than white space, so that twelve spaces (or a pasted
    blank line) are not a password; one character repeated is not either."""
    if len(password) < MIN_LENGTH:
        raise ValueError(f"a password needs at least {MIN_LENGTH} characters")
    visible = "".join(password.split())
    if len(visible) < MIN_LENGTH:
        raise ValueError(f"a password needs at least {MIN_LENGTH} characters other than "
                         "spaces")
    if len(set(visible)) < MIN_DISTINCT:
        raise ValueError(f"a password needs at least {MIN_DISTINCT} different characters")


def hash_password(password: str) -> str:
    check_strength(password)
    return _HASHER.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    try:
        return _HASHER.verify(password_hash or _dummy(), password) and password_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    return _HASHER.check_needs_rehash(password_hash)
