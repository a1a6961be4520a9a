"""Passwords as slow, salted hashes (scrypt from the standard library), and the rules for a new one.

The hash string carries its own parameters (``scrypt$n$r$p$salt$hash``, base64), so that they can be
raised later without making old hashes unreadable. Only the login and ``hrplan user`` call this: never
the app's start.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os

from models.validation import Invalid

# About 32 MiB and a tenth of a second per hash on a small server: slow for guessing, fine for a login.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1
SALT_BYTES, KEY_BYTES = 16, 32
PASSWORD_MIN, PASSWORD_MAX = 10, 1024


def _scrypt(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(
        password.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=KEY_BYTES, maxmem=256 * 1024 * 1024
    )


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def hash_password(password: str) -> str:
    salt = os.urandom(SALT_BYTES)
    key = _scrypt(password, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${_b64(salt)}${_b64(key)}"


def verify_password(password: str, stored: str) -> bool:
    """Whether ``password`` matches ``stored``; False for a malformed hash, never an exception."""
    try:
        scheme, n, r, p, salt, key = stored.split("$")
        if scheme != "scrypt":
            return False
        expected = base64.b64decode(key)
        found = _scrypt(password, base64.b64decode(salt), int(n), int(r), int(p))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(found, expected)


# A hash nobody's password matches, checked against for an unknown user, so that a login for a name that
# does not exist takes as long as one with a wrong password (the time does not tell which names exist).
_DUMMY: list[str] = []


def waste_time_like_a_check(password: str) -> None:
    if not _DUMMY:
        _DUMMY.append(hash_password(os.urandom(16).hex()))
    verify_password(password, _DUMMY[0])


def check_new_password(password: str) -> str:
    """A new password as given, or ``Invalid`` saying why not."""
    if len(password) < PASSWORD_MIN:
        raise Invalid("invalid.password_short", limit=PASSWORD_MIN)
    if len(password) > PASSWORD_MAX:
        raise Invalid("invalid.too_long", limit=PASSWORD_MAX)
    if not password.strip():
        raise Invalid("invalid.password_short", limit=PASSWORD_MIN)
    return password
