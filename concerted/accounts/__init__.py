"""Local accounts for the write paths: users with argon2 password hashes, browser sessions,
API tokens and login throttling.

Reads stay public unless the app is configured private; every write (a judgement, a token)
is made by an authenticated user and attributed to them. Organisations and per-organisation
roles are left to the dossiers package, in tables of their own that point at `users.id`.
"""

from __future__ import annotations

from concerted.accounts.login import LoginRefused, login
from concerted.accounts.sessions import Session, end_session, open_session, read_session
from concerted.accounts.tokens import (
    create_token,
    list_tokens,
    revoke_token,
    revoke_token_id,
    token_user,
)
from concerted.accounts.users import (
    User,
    UserExists,
    add_user,
    find_user,
    list_users,
    remove_user,
    set_disabled,
    set_reviewer,
)

__all__ = [
    "LoginRefused",
    "Session",
    "User",
    "UserExists",
    "add_user",
    "create_token",
    "end_session",
    "find_user",
    "list_tokens",
    "list_users",
    "login",
    "open_session",
    "read_session",
    "remove_user",
    "revoke_token",
    "revoke_token_id",
    "set_disabled",
    "set_reviewer",
    "token_user",
]
